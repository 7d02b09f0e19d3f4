package mmm

import (
	"math"

	"github.com/triad-mmm/triad/sampler"
)

// diagCurvature returns −∂²log p/∂x_i² at x for each i in idx, by central
// differences of the gradient (steps of 1e-4 relative, at least 1e-4), NaN
// where the log density or the difference is not finite. Only the diagonal
// is needed by both users (the curvature scales of the mode search and the
// centring weights), and it costs two gradients per coordinate instead of
// the n² entries of a Hessian.
func diagCurvature(t sampler.Target, x []float64, idx []int) []float64 {
	n := len(x)
	h := make([]float64, len(idx))
	gp, gm := make([]float64, n), make([]float64, n)
	xx := append([]float64(nil), x...)
	for j, i := range idx {
		e := 1e-4 * math.Max(1, math.Abs(x[i]))
		xx[i] = x[i] + e
		lp := t.LogProbGrad(gp, xx)
		xx[i] = x[i] - e
		lm := t.LogProbGrad(gm, xx)
		xx[i] = x[i]
		h[j] = -(gp[i] - gm[i]) / (2 * e)
		if math.IsNaN(lp) || math.IsInf(lp, 0) || math.IsNaN(lm) || math.IsInf(lm, 0) || math.IsInf(h[j], 0) {
			h[j] = math.NaN()
		}
	}
	return h
}
