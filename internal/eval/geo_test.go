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

func TestChannelChanges(t *testing.T) {
	iv := func(x float64) report.Interval { return report.Interval{Mean: x, Lo: x, Hi: x} }
	s := Summary{Results: []Result{
		{HasCalibrated: true, Channels: []ChannelResult{
			{Name: "tv", TrueROI: 2, Alone: iv(3), Calibrated: iv(2.5)},
			{Name: "search", TrueROI: 1, Alone: iv(1.1), Calibrated: iv(1.5)}}},
		{HasCalibrated: true, Channels: []ChannelResult{
			{Name: "search", TrueROI: 1, Alone: iv(0.9), Calibrated: iv(1.3)},
			{Name: "tv", TrueROI: 2, Alone: iv(1), Calibrated: iv(1.5)}}},
		{HasCalibrated: false, Channels: []ChannelResult{{Name: "tv", TrueROI: 2, Alone: iv(9)}}},
	}}
	cs := s.ChannelChanges()
	require.Len(t, cs, 2)
	assert.Equal(t, "tv", cs[0].Name)
	assert.Equal(t, 2, cs[0].Worlds)
	assert.InDelta(t, 1.0, cs[0].Alone, 1e-12)
	assert.InDelta(t, 0.5, cs[0].Calibrated, 1e-12)
	assert.False(t, cs[0].Worse(0.1))
	assert.InDelta(t, 0.1, cs[1].Alone, 1e-12)
	assert.InDelta(t, 0.4, cs[1].Calibrated, 1e-12)
	assert.True(t, cs[1].Worse(0.1))
	assert.Contains(t, FormatChannelChanges(cs), "search")
}
