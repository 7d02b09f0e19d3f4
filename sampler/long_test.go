//go:build long

package sampler

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNUTSHighDimScales samples a 100-D Gaussian with scales from 0.01 to
// 100: the metric adaptation must learn four orders of magnitude.
func TestNUTSHighDimScales(t *testing.T) {
	const d = 100
	mu := make([]float64, d)
	sd := make([]float64, d)
	for i := range d {
		sd[i] = math.Pow(10, -2+4*float64(i)/(d-1))
	}
	g := diagTarget{sd: sd}
	r, err := NUTS(context.Background(), func() Target { return g }, Config{Chains: 4, Warmup: 1000, Draws: 1000, Seed: 11})
	require.NoError(t, err)
	vars := make([]float64, d)
	for i := range vars {
		vars[i] = sd[i] * sd[i]
	}
	// 200 moments compared: allow 4.5 standard errors.
	checkMoments(t, r, mu, vars, 4.5)
	diag := Diagnose(r, 10)
	assert.Zero(t, diag.Divergences)
	assert.Less(t, diag.RHatMax, 1.01)
	// The final window holds ~500 correlated draws, so single elements are
	// off by up to ~30%; 0.5 catches a wrong scale, not noise.
	for i, v := range r.Chains[0].InvMetric {
		assert.InEpsilonf(t, vars[i], v, 0.5, "inverse metric %d", i)
	}
}

// TestNUTSStronglyCorrelated is rho 0.99 in 10-D with mixed scales, which a
// diagonal metric cannot undo; NUTS must still be right, only slower.
func TestNUTSStronglyCorrelated(t *testing.T) {
	g := correlatedGaussian(10, 0.99)
	r, err := NUTS(context.Background(), g.clone, Config{Chains: 4, Warmup: 1000, Draws: 2000, Seed: 12})
	require.NoError(t, err)
	vars := make([]float64, 10)
	for i := range vars {
		vars[i] = g.cov.At(i, i)
	}
	checkMoments(t, r, g.mu, vars, 4)
	assert.Less(t, Diagnose(r, 10).RHatMax, 1.02)
}
