package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/diff/fd"
)

// shearH's derivatives against finite differences, over signs and sizes
// of c0 (the logistic's both tails included).
func TestShearH(t *testing.T) {
	for _, u := range [][2]float64{{-0.5, 0.5}, {0.3, 0.3}, {2, -0.4}, {-30, 1}, {40, 0.2}, {0, 0}} {
		h, dc, dls := shearH(u[0], u[1])
		assert.False(t, math.IsNaN(h) || math.IsInf(h, 0), "h at %v", u)
		num := fd.Gradient(nil, func(x []float64) float64 { v, _, _ := shearH(x[0], x[1]); return v }, u[:], &fd.Settings{Formula: fd.Central, Step: 1e-6})
		assert.InDelta(t, num[0], dc, 1e-6*math.Max(1, math.Abs(num[0])), "dh/dc at %v", u)
		assert.InDelta(t, num[1], dls, 1e-6*math.Max(1, math.Abs(num[1])), "dh/dlog s at %v", u)
		// h = log s + log(1 − S(1)), S(1) = logistic(c·s^(1−γ)).
		s := math.Exp(u[1])
		c0 := u[0] * math.Pow(s, 1-hillGamma)
		if math.Abs(c0) < 30 {
			assert.InDelta(t, u[1]+math.Log(1-1/(1+math.Exp(-c0))), h, 1e-12)
		}
	}
}
