package mmm

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/sampler"
	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// The centred coordinates: the gradient against finite differences, the
// map's round trip, and the log density's Jacobian term against the log
// determinant of the map's numerical Jacobian.
func TestGeoCentredTarget(t *testing.T) {
	w := geoSimWorldGen(3, geoSimOptions{geos: 4, n: 40, channels: 3, trend: true, shocks: true, eta: 0.3, lifts: 2, noise: 0.05})
	w.spec.LiftTau = 3000
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	c := &centring{m: m, geo: [][]int{{0, 2}, nil, {0, 1, 2, 3}}, w: [][]float64{{0.3, 1}, nil, {0.9, 0.5, 0.99, 0.1}}, shear: m.hillShear()}
	require.Contains(t, c.shear, true)
	tg := c.target()
	rng := rand.New(rand.NewPCG(5, 1))
	x0 := m.center()
	for range 3 {
		x := make([]float64, m.Dim())
		for j := range x {
			x[j] = x0[j] + 0.3*rng.NormFloat64()
		}
		y := make([]float64, m.Dim())
		c.fromModel(y, x)
		back := make([]float64, m.Dim())
		c.toModel(back, y)
		assert.InDeltaSlice(t, x, back, 1e-12)

		grad := make([]float64, m.Dim())
		lp := tg.LogProbGrad(grad, y)
		require.True(t, !math.IsInf(lp, 0) && !math.IsNaN(lp), "log density %g", lp)
		g := make([]float64, m.Dim())
		num := fd.Gradient(nil, func(y []float64) float64 { return tg.LogProbGrad(g, y) }, y, &fd.Settings{Formula: fd.Central, Step: 1e-6})
		names := m.ParamNames()
		for i := range grad {
			assert.InDelta(t, num[i], grad[i], 1e-5*math.Max(1, math.Abs(num[i])), "d/d %s", names[i])
		}

		var jac mat.Dense
		jac.ReuseAs(m.Dim(), m.Dim())
		fd.Jacobian(&jac, func(dst, y []float64) { c.toModel(dst, y) }, y, &fd.JacobianSettings{Formula: fd.Central})
		logDet, sign := mat.LogDet(&jac)
		require.Equal(t, 1.0, sign)
		assert.InDelta(t, logDet, lp-m.LogProbGrad(g, x), 1e-6)
	}
}

// A geo fit, centring chosen at the mode included, gives byte-identical
// draws for one seed whatever the number of workers and GOMAXPROCS.
func TestGeoFitDeterministic(t *testing.T) {
	w := geoSimWorldGen(4, geoSimOptions{geos: 4, n: 40, channels: 2, shocks: true, eta: 0.3, noise: 0.05})
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	run := func(workers, procs int) [][]float64 {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		p, err := GeoFit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 60, Draws: 30, Seed: 5, Workers: workers}})
		require.NoError(t, err)
		return p.x
	}
	assert.Equal(t, run(1, 1), run(2, 2))
}
