package sampler

import (
	"context"
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// funnel is Neal's funnel: v ~ N(0, 3²), x_i | v ~ N(0, exp(v/2)²). Its
// neck has curvature no single step size handles, the textbook source of
// divergences.
type funnel struct{ d int }

func (f funnel) Dim() int { return f.d }

func (f funnel) LogProbGrad(grad, x []float64) float64 {
	v := x[0]
	e := math.Exp(-v)
	lp := -v * v / 18
	grad[0] = -v / 9
	for _, xi := range x[1:] {
		lp += -0.5*xi*xi*e - 0.5*v
		grad[0] += 0.5*xi*xi*e - 0.5
	}
	for i := 1; i < f.d; i++ {
		grad[i] = -x[i] * e
	}
	return lp
}

func TestNUTSFunnelReportsDivergences(t *testing.T) {
	r, err := NUTS(context.Background(), func() Target { return funnel{d: 10} }, Config{Chains: 2, Warmup: 300, Draws: 500, Seed: 2})
	require.NoError(t, err)
	d := Diagnose(r, 10)
	assert.Positive(t, d.Divergences)
	assert.Contains(t, d.Warnings, strconv.Itoa(d.Divergences)+" divergent transitions")
}

func TestNUTSTreeDepthHits(t *testing.T) {
	// A badly scaled target with no warmup and a small step size needs long
	// trajectories; a depth limit of 2 must be hit and reported.
	g := diagGaussian([]float64{0, 0}, []float64{1, 30})
	r, err := NUTS(context.Background(), g.clone, Config{Chains: 1, NoWarmup: true, Draws: 100, StepSize: 0.1, MaxTreeDepth: 2, Seed: 1})
	require.NoError(t, err)
	for _, td := range r.Chains[0].TreeDepth {
		assert.LessOrEqual(t, td, 2)
	}
	d := Diagnose(r, 2)
	assert.Positive(t, d.TreeDepthHits)
	assert.Contains(t, d.Warnings, strconv.Itoa(d.TreeDepthHits)+" transitions hit the maximum tree depth 2")
}

func TestMAPBoundedSupport(t *testing.T) {
	// Gamma(5, 1) density on x > 0 without a transform: the optimiser must
	// back off from steps that leave the support. Mode 4.
	g := funcTarget{dim: 1, f: func(grad, x []float64) float64 {
		if x[0] <= 0 {
			grad[0] = math.NaN()
			return math.Inf(-1)
		}
		grad[0] = 4/x[0] - 1
		return 4*math.Log(x[0]) - x[0]
	}}
	for _, s := range []float64{0.01, 1, 30} {
		x, lp, err := MAP(context.Background(), g, []float64{s})
		require.NoError(t, err)
		assert.InDelta(t, 4, x[0], 1e-6, "start %g", s)
		assert.InDelta(t, 4*math.Log(4)-4, lp, 1e-9)
	}
}
