package mmm

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/sampler"
)

func laplaceGeoPosterior(t *testing.T, o geoSimOptions) (*GeoPosterior, geoSimWorld) {
	t.Helper()
	w := geoSimWorldGen(5, o)
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := GeoFit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 200, Seed: 1}})
	require.NoError(t, err)
	return p, w
}

// The national and per-geo views of one posterior agree with each other:
// geo contributions add up to the national ones, the decomposition's media
// to the contributions, a full-panel holdout on every geo to the whole
// contribution, the spend response at current spend to the contribution
// of its draws.
func TestGeoPosteriorConsistency(t *testing.T) {
	p, _ := laplaceGeoPosterior(t, geoSimOptions{geos: 4, n: 40, channels: 2, trend: true, controls: 1, geoControl: true,
		holdout: 4, shocks: true, noise: 0.05, eta: 0.2})
	m := p.Model()
	nat := p.ChannelSummary(0.9)
	geos := p.GeoSummary(0.9)
	dec := p.Decomposition(0.9)
	br := p.Breakdown(0.9)
	require.Len(t, br.Geos, m.G)
	for c := range m.ch {
		sum, spend := 0.0, 0.0
		for _, g := range geos {
			sum += g.Channels[c].Contribution.Mean
			spend += g.Channels[c].Spend
		}
		assert.InDelta(t, nat[c].Contribution.Mean, sum, 1e-9*math.Abs(sum))
		assert.InDelta(t, nat[c].Spend, spend, 1e-9*spend)
		media := 0.0
		for _, v := range dec.Media[c] {
			media += v
		}
		assert.InDelta(t, nat[c].Contribution.Mean, media, 1e-9*math.Abs(media))

		all := LiftObs{Channel: c, Start: 0, Moved: ones(m.n), Measure: ones(m.n), Scope: 1, Measured: 1, SD: 1}
		lift := p.LiftDraws(all)
		require.Len(t, lift, p.Draws())
		assert.InDelta(t, nat[c].Contribution.Mean, mean(lift), 1e-9*math.Abs(media))

		resp := p.SpendResponse()
		dst := make([]float64, resp.Draws())
		resp.Contribution(dst, c, resp.Current(c))
		p.contributions()
		for i, d := range resp.geo.draws {
			tot := 0.0
			for g := range m.G {
				tot += p.contrib[c][g][d]
			}
			assert.InDelta(t, tot, dst[i], 1e-9*math.Abs(tot))
		}
		per := p.PeriodContributions(c)
		tot := 0.0
		for _, row := range per {
			for _, v := range row {
				tot += v
			}
		}
		assert.InDelta(t, nat[c].Contribution.Mean, tot/float64(len(per)), 1e-9*math.Abs(tot))
	}
	// The national actual is the sum of the geos' KPI; the fitted values
	// and baseline add up across geos.
	for tt := range m.n {
		a, f := 0.0, 0.0
		for g := range m.G {
			a += m.data.KPI[g][tt]
			f += br.Geos[g].Baseline[tt] + br.Geos[g].Controls[tt]
			for c := range m.ch {
				f += br.Geos[g].Media[c][tt]
			}
		}
		assert.InDelta(t, a, dec.Actual[tt], 1e-9*a)
		assert.InDelta(t, f, dec.Fitted[tt].Mean, 1e-6*f)
	}
	assert.NotNil(t, br.NationalFit.Holdout)
	assert.Greater(t, br.NationalFit.InSample.R2, 0.5)
}

// A treated-geo lift is the sum of the lifts of its geos.
func TestGeoLiftDrawsAdd(t *testing.T) {
	p, _ := laplaceGeoPosterior(t, geoSimOptions{geos: 4, n: 40, channels: 2, noise: 0.05, eta: 0.3})
	obs := LiftObs{Channel: 1, Start: 10, Moved: []float64{1, 1, 0.5}, Measure: []float64{1, 1, 1, 1, 1}, Scope: 1, Measured: 1, SD: 1}
	both := p.GeoLiftDraws(GeoLiftObs{LiftObs: obs, Geos: []int{1, 3}})
	a := p.GeoLiftDraws(GeoLiftObs{LiftObs: obs, Geos: []int{1}})
	b := p.GeoLiftDraws(GeoLiftObs{LiftObs: obs, Geos: []int{3}})
	for d := range both {
		assert.InDelta(t, a[d]+b[d], both[d], 1e-9*math.Abs(both[d]))
	}
	assert.Greater(t, mean(a), 0.0)
	assert.Nil(t, p.GeoLiftDraws(GeoLiftObs{LiftObs: obs, Geos: []int{7}}))
}

func ones(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}
