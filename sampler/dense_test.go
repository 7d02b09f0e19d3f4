package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"
)

// The shrunk covariance: with many draws it is the sample covariance (λ
// near 0); with fewer draws than dimensions of independent coordinates, the
// off-diagonal terms are noise and λ takes them out.
func TestShrunkCholesky(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 1))
	g := correlatedGaussian(4, 0.8)
	draw := func() []float64 {
		// x = mu + chol(Σ)·ξ, by the gaussian's own covariance.
		x := make([]float64, 4)
		xi := make([]float64, 4)
		for i := range xi {
			xi[i] = rng.NormFloat64()
		}
		l := choleskyRows(g)
		for i := range 4 {
			x[i] = g.mu[i]
			for j := 0; j <= i; j++ {
				x[i] += l[i*4+j] * xi[j]
			}
		}
		return x
	}
	var draws [][]float64
	for range 20000 {
		draws = append(draws, draw())
	}
	l, mean, ok := shrunkCholesky(draws)
	require.True(t, ok)
	for i := range 4 {
		assert.InDelta(t, g.mu[i], mean[i], 0.05*math.Sqrt(g.cov.At(i, i)))
		for j := 0; j <= i; j++ {
			v := 0.0
			for k := 0; k <= j; k++ {
				v += l[i*4+k] * l[j*4+k]
			}
			assert.InDelta(t, g.cov.At(i, j), v, 0.05*math.Sqrt(g.cov.At(i, i)*g.cov.At(j, j)), "Σ[%d,%d]", i, j)
		}
	}

	// 30 draws of 60 independent unit coordinates: the sample correlations
	// are ±0.18 of noise; shrunk, every off-diagonal term of LLᵀ is small.
	draws = draws[:0]
	for range 30 {
		x := make([]float64, 60)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		draws = append(draws, x)
	}
	l, _, ok = shrunkCholesky(draws)
	require.True(t, ok)
	worst := 0.0
	for i := range 60 {
		for j := range i {
			v, vi, vj := 0.0, 0.0, 0.0
			for k := 0; k <= j; k++ {
				v += l[i*60+k] * l[j*60+k]
			}
			for k := 0; k <= i; k++ {
				vi += l[i*60+k] * l[i*60+k]
			}
			for k := 0; k <= j; k++ {
				vj += l[j*60+k] * l[j*60+k]
			}
			worst = math.Max(worst, math.Abs(v)/math.Sqrt(vi*vj))
		}
	}
	assert.Less(t, worst, 0.12)
}

func choleskyRows(g *gaussian) []float64 {
	n := len(g.mu)
	l := make([]float64, n*n)
	for i := range n {
		for j := 0; j <= i; j++ {
			s := g.cov.At(i, j)
			for k := range j {
				s -= l[i*n+k] * l[j*n+k]
			}
			if i == j {
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+j] = s / l[j*n+j]
			}
		}
	}
	return l
}

// The affine target's gradient against finite differences, and its maps'
// round trip.
func TestAffineTarget(t *testing.T) {
	g := correlatedGaussian(5, 0.6)
	a := newAffine(g.clone())
	a.l, a.identityL = choleskyRows(g), false
	for i := range a.shift {
		a.shift[i] = 0.3 * float64(i)
	}
	u := []float64{0.1, -0.4, 1.2, 0.7, -2}
	grad := make([]float64, 5)
	a.LogProbGrad(grad, u)
	num := fd.Gradient(nil, func(u []float64) float64 { return a.LogProbGrad(make([]float64, 5), u) }, u, nil)
	assert.InDeltaSlice(t, num, grad, 1e-5)
	q, back := make([]float64, 5), make([]float64, 5)
	a.toQ(q, u)
	a.toU(back, q)
	assert.InDeltaSlice(t, u, back, 1e-12)
}

// On a Gaussian whose correlations a diagonal metric cannot undo, the
// dense metric recovers the moments with a fraction of the leapfrogs and
// is reproducible for a seed.
func TestNUTSDenseMetric(t *testing.T) {
	g := correlatedGaussian(8, 0.99)
	run := func(dense bool) (*Result, float64) {
		r, err := NUTS(context.Background(), g.clone, Config{Chains: 2, Warmup: 600, Draws: 1000, Seed: 4, DenseMetric: dense})
		require.NoError(t, err)
		lf, it := 0, 0
		for _, c := range r.Chains {
			for _, n := range c.NumLeapfrog {
				lf += n
				it++
			}
		}
		return r, float64(lf) / float64(it)
	}
	rd, lfDense := run(true)
	_, lfDiag := run(false)
	t.Logf("leapfrogs per iteration: dense %.1f, diagonal %.1f", lfDense, lfDiag)
	assert.Less(t, lfDense, lfDiag/2)
	for i := range g.mu {
		x := pooled(rd, i)
		mean, v := sampleMoments(x)
		ess := ESSBulk(rd.Column(i))
		sd := math.Sqrt(g.cov.At(i, i))
		assert.InDelta(t, g.mu[i], mean, 4*sd/math.Sqrt(ess), "mean %d", i)
		assert.InDelta(t, g.cov.At(i, i), v, 4*mcseVar(g.cov.At(i, i), ess), "variance %d", i)
		assert.InDelta(t, g.cov.At(i, i), rd.Chains[0].InvMetric[i], 0.3*g.cov.At(i, i), "adapted variance %d", i)
	}
	again, _ := run(true)
	assert.True(t, sameBits(rd, again))
}
