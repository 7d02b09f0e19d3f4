package sampler

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkMoments asserts that each parameter's mean and variance are within
// z Monte Carlo standard errors of the truth.
func checkMoments(t *testing.T, r *Result, mean, variance []float64, z float64) {
	t.Helper()
	for i := range mean {
		col := r.Column(i)
		x := pooled(r, i)
		m, v := sampleMoments(x)
		essMean := ESSBasic(col)
		sq := make([][]float64, len(col))
		for c := range col {
			sq[c] = make([]float64, len(col[c]))
			for k, xv := range col[c] {
				sq[c][k] = (xv - mean[i]) * (xv - mean[i])
			}
		}
		essSq := ESSBasic(sq)
		seMean := math.Sqrt(variance[i] / essMean)
		seVar := mcseVar(variance[i], essSq)
		assert.InDeltaf(t, mean[i], m, z*seMean, "mean of parameter %d (ESS %.0f)", i, essMean)
		assert.InDeltaf(t, variance[i], v, z*seVar, "variance of parameter %d (ESS %.0f)", i, essSq)
	}
}

func runGaussian(t *testing.T, g *gaussian, cfg Config) *Result {
	t.Helper()
	r, err := NUTS(context.Background(), g.clone, cfg)
	require.NoError(t, err)
	require.Equal(t, "nuts", r.Method)
	require.Len(t, r.Chains, cfg.Chains)
	return r
}

func TestNUTSStandardGaussian(t *testing.T) {
	for _, d := range []int{2, 10} {
		mu := make([]float64, d)
		sd := make([]float64, d)
		for i := range sd {
			mu[i] = float64(i)
			sd[i] = 1
		}
		g := diagGaussian(mu, sd)
		r := runGaussian(t, g, Config{Chains: 4, Warmup: 500, Draws: 1000, Seed: 1})
		vars := make([]float64, d)
		for i := range vars {
			vars[i] = 1
		}
		checkMoments(t, r, mu, vars, 4)
		diag := Diagnose(r, 10)
		assert.Zero(t, diag.Divergences)
		assert.Less(t, diag.RHatMax, 1.01)
		assert.Empty(t, diag.Warnings)
	}
}

func TestNUTSCorrelatedGaussian(t *testing.T) {
	for _, d := range []int{2, 10} {
		g := correlatedGaussian(d, 0.9)
		r := runGaussian(t, g, Config{Chains: 4, Warmup: 1000, Draws: 1000, Seed: 7})
		vars := make([]float64, d)
		for i := range vars {
			vars[i] = g.cov.At(i, i)
		}
		checkMoments(t, r, g.mu, vars, 4)
		diag := Diagnose(r, 10)
		assert.Zero(t, diag.Divergences, "d=%d", d)
		assert.Less(t, diag.RHatMax, 1.02, "d=%d", d)
		// The adapted diagonal metric estimates the marginal variances.
		for _, ch := range r.Chains {
			for i, v := range ch.InvMetric {
				assert.InEpsilonf(t, vars[i], v, 0.5, "d=%d: inverse metric %d", d, i)
			}
		}
	}
}
