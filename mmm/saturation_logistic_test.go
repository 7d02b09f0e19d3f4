package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestLogisticSaturation(t *testing.T) {
	checkSaturation(t, LogisticSaturation{}, func(v []float64, _ int) float64 {
		return distuv.LogNormal{Mu: 0, Sigma: 0.8}.LogProb(v[0])
	})
	// (1−e^(−λx))/(1+e^(−λx)) directly.
	s := make([]float64, 1)
	LogisticSaturation{}.Curve(s, []float64{2}, []float64{0.7})
	assert.InDelta(t, (1-math.Exp(-1.4))/(1+math.Exp(-1.4)), s[0], 1e-15)
}
