package mmm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"
)

// checkGeoGradientAround checks the gradient at three points jittered by
// N(0, 0.3²) around m's prior centre, drawn from rng.
func checkGeoGradientAround(t *testing.T, m *GeoModel, rng *rand.Rand) {
	x0 := m.center()
	for range 3 {
		x := make([]float64, m.Dim())
		for j := range x {
			x[j] = x0[j] + 0.3*rng.NormFloat64()
		}
		checkGeoGradient(t, m, x)
	}
}

func checkGeoGradient(t *testing.T, m *GeoModel, x []float64) {
	t.Helper()
	grad := make([]float64, m.Dim())
	lp := m.LogProbGrad(grad, x)
	require.False(t, math.IsInf(lp, 0) || math.IsNaN(lp), "log density %g", lp)
	g := make([]float64, m.Dim())
	f := func(x []float64) float64 { return m.LogProbGrad(g, x) }
	num := fd.Gradient(nil, f, x, &fd.Settings{Formula: fd.Central, Step: 1e-6})
	names := m.ParamNames()
	for i := range grad {
		tol := 1e-5 * math.Max(1, math.Abs(num[i]))
		assert.InDelta(t, num[i], grad[i], tol, "d/d %s", names[i])
	}
}

func TestGeoLogProbGradient(t *testing.T) {
	cases := []geoSimOptions{
		{geos: 3, n: 30, channels: 2},
		{geos: 4, n: 40, channels: 3, trend: true, fourier: 2, controls: 2, geoControl: true, shocks: true, eta: 0.3},
		{geos: 5, n: 40, channels: 3, trend: true, holdout: 6, shocks: true, eta: 0.2, lifts: 3},
		{geos: 4, n: 40, channels: 4, delayed: true, logistic: true, lifts: 4, holdout: 5, eta: 0.3},
		{geos: 3, n: 40, channels: 2, studentT: true, trend: true, shocks: true, lifts: 2},
	}
	for i, o := range cases {
		o.noise = 0.05
		t.Run(fmt.Sprintf("case%d", i), func(t *testing.T) {
			w := geoSimWorldGen(uint64(i+1), o)
			if o.lifts > 0 {
				w.spec.LiftTau = 3000
			}
			m, err := NewGeoModel(w.data, w.spec)
			require.NoError(t, err)
			require.Len(t, m.lifts, len(w.spec.Lifts))
			checkGeoGradientAround(t, m, rand.New(rand.NewPCG(uint64(i), 7)))
		})
	}
}
