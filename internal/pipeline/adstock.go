package pipeline

import "github.com/triad-mmm/triad/mmm"

// priorAdstock returns a channel's lag weights at the prior means of its
// adstock parameters: what roi_prior mode assumes about carryover before
// the data speak.
func priorAdstock(cs mmm.ChannelSpec) []float64 {
	w := make([]float64, cs.MaxLag+1)
	alpha := cs.Alpha.A / (cs.Alpha.A + cs.Alpha.B)
	if cs.Adstock == mmm.DelayedAdstock {
		theta := cs.Theta.A / (cs.Theta.A + cs.Theta.B) * float64(cs.MaxLag)
		mmm.Delayed{Alpha: alpha, Theta: theta}.Weights(w)
	} else {
		mmm.Geometric{Alpha: alpha}.Weights(w)
	}
	return w
}
