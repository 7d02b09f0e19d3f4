package mmm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestWeibullAdstock(t *testing.T) {
	a := WeibullAdstock{}
	checkAdstock(t, a, 8, func(v []float64, maxLag int) float64 {
		return distuv.LogNormal{Mu: 0, Sigma: 0.5}.LogProb(v[0]) + distuv.Beta{Alpha: 1.5, Beta: 6}.LogProb(v[1]/float64(maxLag+1))
	})
	checkAdstock(t, WeibullAdstock{Shape: LogNormal{Mu: 0.5, Sigma: 0.3}}, 3, func(v []float64, maxLag int) float64 {
		return distuv.LogNormal{Mu: 0.5, Sigma: 0.3}.LogProb(v[0]) + distuv.Beta{Alpha: 1.5, Beta: 6}.LogProb(v[1]/float64(maxLag+1))
	})
	w, want := make([]float64, 9), make([]float64, 9)
	u := []float64{0.3, -1}
	a.Weights(w, u)
	v := make([]float64, 2)
	a.Constrain(v, u, 8)
	Weibull{Shape: v[0], Scale: v[1]}.Weights(want)
	assert.InDeltaSlice(t, want, w, 1e-12)
}
