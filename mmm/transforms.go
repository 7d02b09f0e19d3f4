package mmm

import (
	"math"

	"github.com/triad-mmm/triad/internal/vmath"
)

// softmaxWeights writes w_l = exp(e_l·logAlpha)/Σ exp(e_k·logAlpha); w and
// e may be the same slice. Working with exponents keeps tiny α (all raw
// weights underflowing) well defined: the weights then concentrate on the
// lag with the smallest exponent.
func softmaxWeights(w, e []float64, logAlpha float64) {
	mx := math.Inf(-1)
	for l := range e {
		v := e[l] * logAlpha
		if e[l] == 0 {
			v = 0 // 0·(−Inf) when α = 0
		}
		w[l] = v
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for l := range w {
		w[l] = math.Exp(w[l] - mx)
		sum += w[l]
	}
	for l := range w {
		w[l] /= sum
	}
}

// weightedMean returns Σ_l w_l·g_l for weights w that sum to 1: the
// centre that the gradient of a softmax subtracts.
func weightedMean(w, g []float64) float64 {
	s := 0.0
	for l, v := range w {
		s += v * g[l]
	}
	return s
}

// Convolve applies lag weights w to the series x: it writes
// dst_t = Σ_l w_l x_{t−l}, spend before the series being 0. dst and x have
// the same length and must not overlap.
func Convolve(dst, x, w []float64) {
	n := len(x)
	dst = dst[:n]
	vmath.ScaleTo(dst, w[0], x)
	for l := 1; l < len(w) && l < n; l++ {
		vmath.AddScaledShift(dst[l:n], w[l], x[:n-l], 0)
	}
}
