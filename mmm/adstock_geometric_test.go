package mmm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestGeometricAdstock(t *testing.T) {
	for _, a := range []GeometricAdstock{{}, {Alpha: Beta{A: 4, B: 2}}} {
		p := a.Params()[0].Prior.(Beta)
		checkAdstock(t, a, 8, func(v []float64, _ int) float64 {
			return distuv.Beta{Alpha: p.A, Beta: p.B}.LogProb(v[0])
		})
	}
	checkAdstock(t, GeometricAdstock{}, 0, func(v []float64, _ int) float64 {
		return distuv.Beta{Alpha: 1.5, Beta: 3}.LogProb(v[0])
	})
	// The component's weights at u are the fixed-decay weights at α(u).
	w, want := make([]float64, 6), make([]float64, 6)
	u := []float64{0.4}
	GeometricAdstock{}.Weights(w, u)
	v := make([]float64, 1)
	GeometricAdstock{}.Constrain(v, u, 5)
	Geometric{Alpha: v[0]}.Weights(want)
	assert.InDeltaSlice(t, want, w, 1e-15)
}
