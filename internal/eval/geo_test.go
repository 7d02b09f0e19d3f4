package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
)

func TestGeoCoverage(t *testing.T) {
	roi := func(x float64) *float64 { return &x }
	w := &simulate.World{}
	w.Truth.Geos = []simulate.GeoSummary{
		{Name: "a", Channels: []simulate.GeoChannelSummary{{Name: "tv", ROI: roi(2)}, {Name: "search", ROI: roi(1)}}},
		{Name: "b", Channels: []simulate.GeoChannelSummary{{Name: "tv", ROI: roi(3)}, {Name: "search"}}},
	}
	r := &report.Report{Geos: []report.Geo{
		{Name: "b", Channels: []report.GeoChannel{{Name: "tv", ROI: report.Interval{Mean: 2, Lo: 1, Hi: 2.5}}, {Name: "search", ROI: report.Unknown}}},
		{Name: "a", Channels: []report.GeoChannel{{Name: "search", ROI: report.Interval{Mean: 1, Lo: 0.5, Hi: 1.5}}, {Name: "tv", ROI: report.Unknown}}},
	}}
	covered, n, err := GeoCoverage(w, r)
	require.NoError(t, err)
	// a/tv unknown (a miss), a/search covered, b/tv misses 3, b/search has no spend.
	assert.Equal(t, 1, covered)
	assert.Equal(t, 3, n)

	r.Geos = r.Geos[:1]
	_, _, err = GeoCoverage(w, r)
	assert.ErrorContains(t, err, `geo "a"`)
}

func TestGeoRecoveryTargets(t *testing.T) {
	iv := func(m, lo, hi float64) report.Interval { return report.Interval{Mean: m, Lo: lo, Hi: hi} }
	// Two worlds, two channels: tv tested in both, search untested; the
	// truth is 1 for every channel.
	world := func(seed uint64, tvA, tvC, sA, sC, nat float64) GeoWorld {
		chans := []ChannelResult{
			{Name: "tv", Spend: 1, TrueROI: 1, Tested: true, Alone: iv(tvA, 0, 3), Calibrated: iv(tvC, 0, 3)},
			{Name: "search", Spend: 1, TrueROI: 1, Alone: iv(sA, 0, 3), Calibrated: iv(sC, 1.5, 3)},
		}
		natChans := []ChannelResult{
			{Name: "tv", Spend: 1, TrueROI: 1, Tested: true, Alone: iv(nat, 0, 3), Calibrated: iv(nat, 0, 3)},
			{Name: "search", Spend: 1, TrueROI: 1, Alone: iv(nat, 0, 3), Calibrated: iv(nat, 0, 3)},
		}
		return GeoWorld{Geo: result(seed, chans), National: result(seed, natChans), GeoCovered: 9, GeoPairs: 10}
	}
	g := GeoRecovery{Worlds: []GeoWorld{world(1, 1.5, 1.1, 1.1, 1.3, 2), world(2, 0.6, 0.9, 0.9, 1.25, 2)}}

	effects := g.CalibrationEffects()
	require.Len(t, effects, 2)
	s, tv := effects[0], effects[1]
	assert.Equal(t, "search", s.Name, "untested channels first")
	assert.False(t, s.Tested)
	assert.Equal(t, 2, s.Worlds)
	assert.InDelta(t, 0.1, s.Alone, 1e-12)
	assert.InDelta(t, 0.275, s.Calibrated, 1e-12)
	assert.InDelta(t, 0.175, s.Diff, 1e-12)
	assert.InDelta(t, 0.025, s.SE, 1e-12) // diffs 0.2 and 0.15
	assert.True(t, s.Worse(0.1), "7 SE above zero")
	assert.Equal(t, "tv", tv.Name)
	assert.InDelta(t, -0.35, tv.Diff, 1e-12)
	assert.False(t, tv.Worse(0.1))
	noisy := CalibrationEffect{Worlds: 3, Alone: 0.1, Calibrated: 0.2, Diff: 0.1, SE: 0.06}
	assert.False(t, noisy.Worse(0.1), "within two SE")

	targets := g.Targets()
	byName := map[string]Target{}
	for _, tg := range targets {
		byName[tg.Name] = tg
	}
	// geo calibrated |error| 0.1, 0.3, 0.1, 0.25: mean 0.1875; national 1.
	assert.InDelta(t, 0.1875, byName["ROI error geo/national, calibrated"].Value, 1e-12)
	assert.True(t, byName["ROI error geo/national, calibrated"].Pass())
	assert.InDelta(t, 0.275, byName["ROI error geo/national, untested channels"].Value, 1e-12)
	// search's calibrated intervals [1.5, 3] miss 1: 2 of 4 cover.
	cov := byName["90% ROI interval coverage, calibrated"]
	assert.InDelta(t, 0.5, cov.Value, 1e-12)
	assert.False(t, cov.Pass())
	assert.InDelta(t, 0.9, byName["per-geo 90% ROI interval coverage"].Value, 1e-12)
	assert.InDelta(t, 0.1/0.45, byName["tested channels' ROI error calibrated/alone"].Value, 1e-12)
	assert.Contains(t, g.String(), "WORSE")
	assert.Contains(t, g.String(), "FAIL")
	assert.Contains(t, g.String(), "P(at most 2) = 0.052", "2 of 4 at 90%: 1 − 0.9⁴ − 4·0.9³·0.1")
	assert.InDelta(t, 0.9*0.9*0.9, 1-binomialCDF(2, 3, 0.9), 1e-12)
	assert.Equal(t, 0.0, binomialCDF(-1, 3, 0.9))
}

// result scores channels as Evaluate does, from their intervals.
func result(seed uint64, chans []ChannelResult) Result {
	r := Result{Seed: seed, HasCalibrated: true, Channels: chans}
	var a, c, ta, tc, ua, uc []Pair
	for _, ch := range chans {
		pa := Pair{Channel: ch.Name, Spend: ch.Spend, TrueROI: ch.TrueROI, TrueContribution: ch.TrueROI * ch.Spend,
			ROI: ch.Alone, Contribution: ch.Alone.Scale(ch.Spend)}
		pc := pa
		pc.ROI, pc.Contribution = ch.Calibrated, ch.Calibrated.Scale(ch.Spend)
		a, c = append(a, pa), append(c, pc)
		if ch.Tested {
			ta, tc = append(ta, pa), append(tc, pc)
		} else {
			ua, uc = append(ua, pa), append(uc, pc)
		}
	}
	r.Alone, r.Calibrated = Score(a), Score(c)
	r.TestedAlone, r.TestedCalibrated = Score(ta), Score(tc)
	r.UntestedAlone, r.UntestedCalibrated = Score(ua), Score(uc)
	return r
}
