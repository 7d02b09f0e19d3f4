package pipeline

import "github.com/triad-mmm/triad/mmm"

// priorAdstock returns a channel's lag weights at the prior means of its
// adstock parameters: what roi_prior mode assumes about carryover before
// the data speak.
func priorAdstock(cs mmm.ChannelSpec) []float64 {
	w := make([]float64, cs.MaxLag+1)
	alpha := cs.Alpha.Mean()
	switch cs.Adstock {
	case mmm.DelayedAdstock:
		mmm.Delayed{Alpha: alpha, Theta: cs.Theta.Mean() * float64(cs.MaxLag)}.Weights(w)
	case mmm.WeibullAdstock:
		mmm.Weibull{Shape: cs.Shape.Median(), Scale: cs.Scale.Mean() * float64(cs.MaxLag+1)}.Weights(w)
	default:
		mmm.Geometric{Alpha: alpha}.Weights(w)
	}
	return w
}
