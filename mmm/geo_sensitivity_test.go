package mmm

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
)

// The geo model's prior sensitivity follows the normal–normal oracle of
// TestROISensitivity: shifting a channel's log-ROI prior by δ moves its
// posterior log ROI by about r²·δ, r the posterior over the prior SD.
func TestGeoROISensitivity(t *testing.T) {
	w := geoSimWorldGen(6, geoSimOptions{geos: 8, n: 80, channels: 2, fourier: 1, trend: true, noise: 0.15, eta: 0.1})
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := GeoFit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 2000, Seed: 3}})
	require.NoError(t, err)
	require.NotNil(t, p.Mode())
	s, err := ROISensitivity(context.Background(), p, SensitivityConfig{Draws: 2000, Seed: 3})
	require.NoError(t, err)
	k := p.PriorContraction(p.ROIPriors())
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
	}
}

// Absurd ROI priors hold a geo fit back; with flat ROI priors the same
// design fits as well as with sensible ones.
func TestGeoFreeFit(t *testing.T) {
	w := geoSimWorldGen(6, geoSimOptions{geos: 8, n: 80, channels: 2, fourier: 1, trend: true, noise: 0.03, eta: 0.1})
	fit := func(s GeoSpec) *GeoPosterior {
		m, err := NewGeoModel(w.data, s)
		require.NoError(t, err)
		p, err := GeoFit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 300, Seed: 1}})
		require.NoError(t, err)
		return p
	}
	pg := fit(w.spec)
	bad := w.spec
	bad.Channels = append([]ChannelSpec(nil), w.spec.Channels...)
	for c := range bad.Channels {
		bad.Channels[c].ROI = LogNormal{Mu: math.Log(1e-3 * w.roi[c]), Sigma: 0.2}
	}
	pb := fit(bad)
	free, err := FreeFit(context.Background(), pb)
	require.NoError(t, err)
	held, want := pb.Fit(0.9).InSample.R2, pg.Fit(0.9).InSample.R2
	t.Logf("R²: absurd priors %.3f, flat %.3f, sensible %.3f", held, free.R2, want)
	assert.Greater(t, free.R2-held, 0.05)
	assert.InDelta(t, want, free.R2, 0.02)
}
