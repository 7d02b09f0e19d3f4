package mmm

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/sampler"
)

// TestGeoRecovery fits a small geo world with known truth: every channel's
// national ROI within its 90% interval or within 25% of the truth, at
// most 5% divergent draws, R-hat below 1.05, per-geo ROIs that cover the truth mostly,
// and a mean |ROI error| at most 0.6× that of the same panel and tests
// summed to national (issue 11's truth-recovery target, on one world).
func TestGeoRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	w := geoSimWorldGen(3, geoSimOptions{geos: 12, n: 104, channels: 3, fourier: 2, trend: true, shocks: true,
		noise: 0.04, eta: 0.2, lifts: 2})
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	// 300 warmup iterations are short for this geometry: across seeds
	// 1–14 the fits show 0–22 divergent transitions (at most 3.7% of the
	// 600 draws) and R-hat 1.02–1.05, and which seed gets none is chance
	// (any change to the gradient's rounding reshuffles it). So the test
	// bounds their share rather than asking for none on a chosen seed; the
	// full-length fits are measured in BenchmarkGeoFit40x156x6.
	p, err := GeoFit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}})
	require.NoError(t, err)
	d := p.Diagnostics()
	t.Logf("rhat max %.3f, divergences %d, ess min %.0f", d.RHatMax, d.Divergences, d.ESSBulkMin)
	logSamplerStats(t, p.Result(), m.ParamNames(), d)
	require.Less(t, d.RHatMax, 1.05)
	require.LessOrEqual(t, d.Divergences, 30, "more than 5% of the draws divergent")
	for c, s := range p.ChannelSummary(0.9) {
		t.Logf("%s: ROI %.3f [%.3f, %.3f], truth %.3f", s.Name, s.ROI.Mean, s.ROI.Lo, s.ROI.Hi, w.roi[c])
		ok := (s.ROI.Lo <= w.roi[c] && w.roi[c] <= s.ROI.Hi) || math.Abs(s.ROI.Mean/w.roi[c]-1) < 0.25
		require.True(t, ok, "%s ROI %.3f [%.3f, %.3f] vs true %.3f", s.Name, s.ROI.Mean, s.ROI.Lo, s.ROI.Hi, w.roi[c])
	}
	cover, n := 0, 0
	for g, gs := range p.GeoSummary(0.9) {
		for c, cs := range gs.Channels {
			if cs.Spend == 0 {
				continue
			}
			n++
			if cs.ROI.Lo <= w.geoROI[c][g] && w.geoROI[c][g] <= cs.ROI.Hi {
				cover++
			}
		}
	}
	t.Logf("per-geo ROI coverage %d/%d", cover, n)
	require.GreaterOrEqual(t, float64(cover), 0.7*float64(n))

	nm, err := NewModel(summedGeoWorld(w))
	require.NoError(t, err)
	np, err := Fit(context.Background(), nm, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 3}})
	require.NoError(t, err)
	geoErr, natErr := 0.0, 0.0
	ns := np.ChannelSummary(0.9)
	for c, s := range p.ChannelSummary(0.9) {
		geoErr += math.Abs(s.ROI.Mean-w.roi[c]) / float64(len(w.roi))
		natErr += math.Abs(ns[c].ROI.Mean-w.roi[c]) / float64(len(w.roi))
		t.Logf("%s: summed to national ROI %.3f [%.3f, %.3f]", s.Name, ns[c].ROI.Mean, ns[c].ROI.Lo, ns[c].ROI.Hi)
	}
	t.Logf("mean |ROI error| geo %.3f, summed to national %.3f (ratio %.2f)", geoErr, natErr, geoErr/natErr)
	require.Less(t, geoErr, 0.6*natErr)
}

// summedGeoWorld is w's panel summed over geos (KPI and spend added) with
// its spec's priors, and its geo tests as national ones scaled by the
// treated geos' share of the channel's spend in the test's window, as
// model.geo_model: sum sees them.
func summedGeoWorld(w geoSimWorld) (Data, Spec) {
	gd := w.data
	d := Data{Dates: gd.Dates, StepDays: gd.StepDays, Channels: gd.Channels, KPI: make([]float64, len(gd.Dates))}
	for g := range gd.Geos {
		for t, v := range gd.KPI[g] {
			d.KPI[t] += v
		}
	}
	for c := range gd.Channels {
		x := make([]float64, len(gd.Dates))
		for g := range gd.Geos {
			for t, v := range gd.Spend[c][g] {
				x[t] += v
			}
		}
		d.Spend = append(d.Spend, x)
	}
	s := w.spec.Spec
	s.Lifts = nil
	for _, l := range w.spec.Lifts {
		o := l.LiftObs
		treated, all := 0.0, 0.0
		for g := range gd.Geos {
			for t := o.Start; t < o.Start+len(o.Moved); t++ {
				all += gd.Spend[o.Channel][g][t]
				if slices.Contains(l.Geos, g) {
					treated += gd.Spend[o.Channel][g][t]
				}
			}
		}
		o.Scope = treated / all
		s.Lifts = append(s.Lifts, o)
	}
	return d, s
}

func logSamplerStats(t *testing.T, r *sampler.Result, names []string, d sampler.Diagnostics) {
	for _, c := range r.Chains {
		lf := 0
		for _, n := range c.NumLeapfrog {
			lf += n
		}
		t.Logf("chain: step %.3f, mean leapfrogs %.1f", c.StepSize, float64(lf)/float64(len(c.NumLeapfrog)))
	}
	for i, pd := range d.Params {
		if pd.RHat > 1.02 || pd.ESSBulk < 100 {
			t.Logf("  %s: rhat %.3f ess %.0f", names[i], pd.RHat, pd.ESSBulk)
		}
	}
}
