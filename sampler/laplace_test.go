package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMAPBanana(t *testing.T) {
	// Rosenbrock as a log density: mode (1, 1), log density 0 there.
	banana := funcTarget{dim: 2, f: func(g, x []float64) float64 {
		a, b := 1-x[0], x[1]-x[0]*x[0]
		g[0] = 2*a + 400*b*x[0]
		g[1] = -200 * b
		return -(a*a + 100*b*b)
	}}
	x, lp, err := MAP(context.Background(), banana, []float64{-1.2, 1})
	require.NoError(t, err)
	assert.InDelta(t, 1, x[0], 1e-5)
	assert.InDelta(t, 1, x[1], 1e-5)
	assert.InDelta(t, 0, lp, 1e-9)

	_, _, err = MAP(context.Background(), banana, []float64{1})
	assert.Error(t, err, "wrong length")
	bad := funcTarget{dim: 1, f: func(g, x []float64) float64 { return math.NaN() }}
	_, _, err = MAP(context.Background(), bad, []float64{0})
	assert.Error(t, err, "no finite density at start")
}

func TestMAPCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	slow := funcTarget{dim: 2, f: func(g, x []float64) float64 {
		calls++
		if calls == 5 {
			cancel()
		}
		a, b := 1-x[0], x[1]-x[0]*x[0]
		g[0] = 2*a + 400*b*x[0]
		g[1] = -200 * b
		return -(a*a + 100*b*b)
	}}
	_, _, err := MAP(ctx, slow, []float64{-1.2, 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = Laplace(ctx, slow, LaplaceConfig{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestLaplaceGaussian(t *testing.T) {
	g := correlatedGaussian(10, 0.9)
	r, err := Laplace(context.Background(), g, LaplaceConfig{Draws: 4000, Seed: 1})
	require.NoError(t, err)
	require.Equal(t, "laplace", r.Method)
	require.Len(t, r.Chains, 1)
	assert.Empty(t, r.Warnings)
	for i, m := range g.mu {
		assert.InDeltaf(t, m, r.Mode[i], 1e-5*math.Sqrt(g.cov.At(i, i)), "mode %d", i)
		assert.InEpsilonf(t, g.cov.At(i, i), r.Chains[0].InvMetric[i], 1e-5, "variance %d", i)
	}
	assert.InDelta(t, 0, r.ModeLogProb, 1e-9)

	// The Hessian is the precision matrix, to differencing accuracy.
	h := hessianNegLogProb(g, r.Mode)
	for i := range 10 {
		for j := range 10 {
			assert.InDelta(t, g.prec.At(i, j), h.At(i, j), 1e-6*math.Max(1, math.Abs(g.prec.At(i, j))))
		}
	}

	// iid draws: sample moments within 4 standard errors.
	n := float64(len(r.Chains[0].Draws))
	for i := range g.mu {
		m, v := meanVar(pooled(r, i))
		sd := math.Sqrt(g.cov.At(i, i))
		assert.InDelta(t, g.mu[i], m, 4*sd/math.Sqrt(n))
		assert.InDelta(t, g.cov.At(i, i), v, 4*mcseVar(g.cov.At(i, i), n))
	}
	c := sampleCorr(pooled(r, 0), pooled(r, 1))
	assert.InDelta(t, 0.9, c, 4*(1-0.81)/math.Sqrt(n))
	// Log densities are those of the draws.
	grad := make([]float64, 10)
	assert.Equal(t, g.LogProbGrad(grad, r.Chains[0].Draws[7]), r.Chains[0].LogProb[7])
}

func TestLaplaceDeterministic(t *testing.T) {
	g := correlatedGaussian(3, 0.3)
	a, err := Laplace(context.Background(), g, LaplaceConfig{Draws: 10, Seed: 9})
	require.NoError(t, err)
	b, err := Laplace(context.Background(), g, LaplaceConfig{Draws: 10, Seed: 9})
	require.NoError(t, err)
	assert.Equal(t, a.Chains[0].Draws, b.Chains[0].Draws)
	c, err := Laplace(context.Background(), g, LaplaceConfig{Draws: 10, Seed: 10})
	require.NoError(t, err)
	assert.NotEqual(t, a.Chains[0].Draws, c.Chains[0].Draws)
}

func TestLaplaceJitter(t *testing.T) {
	// x1 does not enter the density: the Hessian is singular.
	flat := funcTarget{dim: 2, f: func(g, x []float64) float64 {
		g[0], g[1] = -x[0], 0
		return -0.5 * x[0] * x[0]
	}}
	r, err := Laplace(context.Background(), flat, LaplaceConfig{Draws: 10, Seed: 1})
	require.NoError(t, err)
	require.NotEmpty(t, r.Warnings)
	assert.Contains(t, r.Warnings[0], "not positive definite")
	assert.InDelta(t, 1, r.Chains[0].InvMetric[0], 1e-3)
}

func TestLaplaceMultimodalWarning(t *testing.T) {
	// Two separated modes of different height: starts land in both.
	bimodal := funcTarget{dim: 1, f: func(g, x []float64) float64 {
		a := -0.5*(x[0]-2)*(x[0]-2)/0.01 + 0
		b := -0.5*(x[0]+2)*(x[0]+2)/0.01 - 3
		lp := logAddExp(a, b)
		g[0] = -math.Exp(a-lp)*(x[0]-2)/0.01 - math.Exp(b-lp)*(x[0]+2)/0.01
		return lp
	}}
	r, err := Laplace(context.Background(), bimodal, LaplaceConfig{Draws: 10, Seed: 1, Starts: 8,
		Init: func(s int, dst []float64, rng *rand.Rand) { dst[0] = float64(2*(s%2)-1) * 2.5 }})
	require.NoError(t, err)
	assert.InDelta(t, 2, r.Mode[0], 1e-4)
	require.NotEmpty(t, r.Warnings)
	assert.Contains(t, r.Warnings[0], "multimodal")
}

// A mode finder given in LaplaceConfig.MAP is used for every start, and
// its mode is where the approximation is centred.
func TestLaplaceOwnMAP(t *testing.T) {
	g := correlatedGaussian(4, 0.5)
	calls := 0
	find := func(ctx context.Context, tg Target, x0 []float64) ([]float64, float64, error) {
		calls++
		return MAP(ctx, tg, x0)
	}
	r, err := Laplace(context.Background(), g, LaplaceConfig{Draws: 10, Seed: 3, Starts: 3, MAP: find})
	require.NoError(t, err)
	assert.Equal(t, 3, calls)
	for i, m := range g.mu {
		assert.InDelta(t, m, r.Mode[i], 1e-5)
	}
	off := func(ctx context.Context, tg Target, x0 []float64) ([]float64, float64, error) {
		x := append([]float64(nil), g.mu...)
		x[0] += 1
		return x, tg.LogProbGrad(make([]float64, len(x)), x), nil
	}
	r, err = Laplace(context.Background(), g, LaplaceConfig{Draws: 10, Seed: 3, MAP: off})
	require.NoError(t, err)
	assert.InDelta(t, g.mu[0]+1, r.Mode[0], 1e-12)
}
