package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestDelayedAdstock(t *testing.T) {
	a := DelayedAdstock{Theta: Beta{A: 2, B: 2}}
	checkAdstock(t, a, 8, func(v []float64, maxLag int) float64 {
		return distuv.Beta{Alpha: 1.5, Beta: 3}.LogProb(v[0]) + distuv.Beta{Alpha: 2, Beta: 2}.LogProb(v[1]/float64(maxLag))
	})
	w, want := make([]float64, 9), make([]float64, 9)
	u := []float64{-0.3, 0.5}
	a.Weights(w, u)
	v := make([]float64, 2)
	a.Constrain(v, u, 8)
	assert.InDelta(t, 8/(1+math.Exp(-0.5)), v[1], 1e-12, "θ is MaxLag·logistic(u)")
	Delayed{Alpha: v[0], Theta: v[1]}.Weights(want)
	assert.InDeltaSlice(t, want, w, 1e-12)
	assert.Equal(t, 1, a.MinLag())
}
