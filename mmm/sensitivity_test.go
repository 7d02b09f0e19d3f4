package mmm

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
)

// Draws of the ROI coordinate straight from its prior (the other
// coordinates at the centre) are a posterior that is the prior: SD ratio 1
// and z 0, within Monte Carlo error.
func TestPriorContractionOfThePrior(t *testing.T) {
	w := simWorldGen(2, simOptions{n: 60, channels: 2, noise: 0.05})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 1))
	pri := m.ROIPriors()
	res := &sampler.Result{Method: "test", Dim: m.Dim(), Chains: []sampler.Chain{{}}}
	for range 20000 {
		x := m.center()
		for c := range m.ch {
			x[m.ch[c].iROI] = pri[c].Mu + pri[c].Sigma*rng.NormFloat64()
		}
		res.Chains[0].Draws = append(res.Chains[0].Draws, x)
	}
	p, err := newPosterior(m, res, 0)
	require.NoError(t, err)
	total := 0.0
	for _, s := range w.data.Spend {
		for _, v := range s {
			total += v
		}
	}
	for c, k := range p.PriorContraction(pri) {
		assert.InDelta(t, 1, k.SDRatio, 0.02)
		assert.InDelta(t, 0, k.Z, 0.03)
		spend := 0.0
		for _, v := range w.data.Spend[c] {
			spend += v
		}
		assert.InDelta(t, spend/total, k.SpendShare, 1e-12)
	}
	// Against a prior centred two of its SDs lower, the same draws sit at z = 2.
	shifted := []LogNormal{{Mu: pri[0].Mu - 2*pri[0].Sigma, Sigma: pri[0].Sigma}, pri[1]}
	assert.InDelta(t, 2, p.PriorContraction(shifted)[0].Z, 0.03)
}

// On a Gaussian posterior in log ROI, moving the prior's μ by δ moves the
// posterior mean by r²·δ, r the posterior SD over the prior σ (conjugate
// Normal updating): the oracle for the shifted refits. A well-identified
// channel barely moves; the wider prior moves it less than a shift does.
func TestROISensitivity(t *testing.T) {
	w := simWorldGen(4, simOptions{n: 104, channels: 2, noise: 0.04, trend: true, fourier: 1})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := Fit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 4000, Seed: 3}})
	require.NoError(t, err)
	require.NotNil(t, p.Mode())
	s, err := ROISensitivity(context.Background(), p, SensitivityConfig{Draws: 4000, Seed: 3})
	require.NoError(t, err)
	k := p.PriorContraction(m.ROIPriors())
	for c := range m.ch {
		r2 := k[c].SDRatio * k[c].SDRatio
		delta := SensitivityShift * m.ch[c].spec.ROI.Sigma
		up := math.Log(s.Higher[c] / s.Default[c])
		down := math.Log(s.Default[c] / s.Lower[c])
		t.Logf("channel %d: r² %.3f, log moves %.3f / %.3f against r²δ %.3f", c, r2, down, up, r2*delta)
		assert.InDelta(t, r2*delta, up, 0.35*r2*delta+0.02)
		assert.InDelta(t, r2*delta, down, 0.35*r2*delta+0.02)
		assert.Less(t, s.Lower[c], s.Default[c])
		assert.Greater(t, s.Higher[c], s.Default[c])
		assert.InDelta(t, s.Move(c), math.Max(s.Higher[c]-s.Default[c], s.Default[c]-s.Lower[c]), 1e-12+math.Abs(s.Wider[c]-s.Default[c]))
	}
}

// Absurd ROI priors (median ROI a thousandth of the truth, tight) hold the
// fit back; with flat ROI priors the same design fits as well as the
// model with sensible ones.
func TestFreeFit(t *testing.T) {
	w := simWorldGen(4, simOptions{n: 104, channels: 2, noise: 0.04, trend: true, fourier: 1})
	good, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	pg, err := Fit(context.Background(), good, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 500, Seed: 1}})
	require.NoError(t, err)
	bad := w.spec
	bad.Channels = append([]ChannelSpec(nil), w.spec.Channels...)
	for c := range bad.Channels {
		bad.Channels[c].ROI = LogNormal{Mu: math.Log(1e-3 * w.truth[c].roi), Sigma: 0.2}
	}
	mb, err := NewModel(w.data, bad)
	require.NoError(t, err)
	pb, err := Fit(context.Background(), mb, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 500, Seed: 1}})
	require.NoError(t, err)
	free, err := FreeFit(context.Background(), pb)
	require.NoError(t, err)
	held, want := pb.Fit(0.9).InSample.R2, pg.Fit(0.9).InSample.R2
	t.Logf("R²: absurd priors %.3f, flat %.3f, sensible %.3f", held, free.R2, want)
	assert.Greater(t, free.R2-held, 0.05)
	assert.InDelta(t, want, free.R2, 0.02)
}
