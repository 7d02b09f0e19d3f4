package pipeline

import "github.com/triad-mmm/triad/mmm"

// priorAdstock returns a channel's lag weights at the prior means of its
// adstock parameters: what roi_prior mode assumes about carryover before
// the data speak. cs has its defaults filled in (Model.Spec).
func priorAdstock(cs mmm.ChannelSpec) []float64 {
	w := make([]float64, cs.MaxLag+1)
	cs.Adstock.PriorWeights(w)
	return w
}
