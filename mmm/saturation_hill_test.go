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

// Curve's fast exp and log agree with Hill.Value's math.Exp and math.Log.
func TestHillCurveMatchesValue(t *testing.T) {
	a := []float64{0, -1, 1e-300, 1e-9, 0.01, 0.3, 0.999, 1, 1.7, 12, 1e6, 1e300}
	for _, v := range [][]float64{{1, 1.3}, {0.4, 3}, {2.5, 0.6}, {1e-3, 8}} {
		got := make([]float64, len(a))
		HillSaturation{}.Curve(got, a, v)
		h := Hill{K: v[0], S: v[1]}
		for i, x := range a {
			if want := h.Value(x); math.Abs(got[i]-want) > 1e-15 {
				t.Errorf("Curve(%g; K %g, S %g) = %.17g, Value %.17g", x, v[0], v[1], got[i], want)
			}
		}
	}
}
