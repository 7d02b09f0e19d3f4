package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestHillSaturation(t *testing.T) {
	for _, h := range []HillSaturation{{}, {K: LogNormal{Mu: 0.5, Sigma: 0.2}, Slope: LogNormal{Mu: 0, Sigma: 1}}} {
		k, s := h.Params()[0].Prior.(LogNormal), h.Params()[1].Prior.(LogNormal)
		checkSaturation(t, h, func(v []float64, _ int) float64 {
			return distuv.LogNormal{Mu: k.Mu, Sigma: k.Sigma}.LogProb(v[0]) + distuv.LogNormal{Mu: s.Mu, Sigma: s.Sigma}.LogProb(v[1])
		})
	}
	// Coordinates (c, log s) with log K = −c·s^(−½).
	v := make([]float64, 2)
	HillSaturation{}.Constrain(v, []float64{0.6, math.Log(4)})
	assert.InDelta(t, math.Exp(-0.6/2), v[0], 1e-12)
	assert.InDelta(t, 4, v[1], 1e-12)
	// Far into saturation and far below it the curve stays finite.
	s, g, d := make([]float64, 2), make([]float64, 2), newRows(2, 2)
	HillSaturation{}.Saturate(s, g, d, []float64{0, math.Log(50)}, []float64{1e-12, 1e12})
	assert.Equal(t, []float64{0, 1}, s)
	for _, r := range d {
		assert.False(t, math.IsNaN(r[0]) || math.IsNaN(r[1]))
	}
}
