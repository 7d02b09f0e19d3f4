package compare

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/report"
)

func run(start, end civil.Date, periods int, roi float64, flags []string, tests []string, seed float64) *Run {
	est := report.ChannelEstimates{ROI: report.Interval{Mean: roi, Lo: roi - 0.1, Hi: roi + 0.1}}
	c := report.Channel{Name: "tv", Spend: 100 * float64(periods), MMM: est, Calibrated: &est}
	for _, f := range flags {
		c.Flags = append(c.Flags, report.Flag{Code: f, Message: f + "!"})
	}
	r := &report.Report{Interval: 0.9, Period: report.Period{Start: start, End: end, Periods: periods},
		Channels: []report.Channel{c}, FitCalibrated: &report.Fit{},
		Budget: &report.Budget{Total: 100, Channels: []report.BudgetChannel{{Name: "tv", Current: 100, Recommended: 80}}}}
	for _, id := range tests {
		r.Experiments = append(r.Experiments, report.Experiment{TestID: id, Channel: "tv", MeasuredIROAS: report.Interval{Mean: 2, Lo: 1.8, Hi: 2.2}})
	}
	draws := make([]float64, 100)
	for i := range draws {
		draws[i] = roi + 0.05*math.Sin(float64(i))
	}
	return &Run{Report: r, Fits: map[string]Draws{"calibrated": {"roi_total[tv]": draws}},
		Manifest: &manifest.Manifest{Config: map[string]any{"sampler": map[string]any{"seed": seed}, "data": map[string]any{"panel": "/x"}}}}
}

// A rolling window of 13 weeks forward, a test added, a flag swapped and a
// setting changed: each lands in its field.
func TestDiffOfConstructedRuns(t *testing.T) {
	d0 := civil.New(2024, 1, 1)
	before := run(d0, d0.AddDays(7*52-1), 52, 1, []string{"no_test"}, []string{"A"}, 1)
	after := run(d0.AddDays(7*13), d0.AddDays(7*65-1), 52, 2, []string{"stale_test"}, []string{"A", "B"}, 2)
	d := Diff(before, after)
	assert.Equal(t, "calibrated", d.Fit)
	assert.Equal(t, 13, d.PeriodsAdded)
	assert.Equal(t, 13, d.PeriodsDropped)
	require.Len(t, d.Channels, 1)
	c := d.Channels[0]
	assert.Equal(t, 1.0, c.ProbabilityChanged)
	assert.Equal(t, "up", c.Direction)
	assert.InDelta(t, 1, c.ROIChange.Mean, 0.01)
	assert.InDelta(t, 1, c.RelativeChange, 0.01)
	require.Len(t, d.TestsAdded, 1)
	assert.Equal(t, "B", d.TestsAdded[0].TestID)
	assert.True(t, *d.TestsAdded[0].Toward)
	assert.Equal(t, []report.FlagChange{{Channel: "tv", Code: "stale_test", Message: "stale_test!"}}, d.FlagsAppeared)
	assert.Equal(t, []report.FlagChange{{Channel: "tv", Code: "no_test", Message: "no_test!"}}, d.FlagsGone)
	assert.Equal(t, []report.ConfigChange{{Key: "sampler.seed", Before: 1.0, After: 2.0}}, d.ConfigChanged)
	require.Len(t, d.BudgetChanges, 1)
	assert.Equal(t, 0.0, d.BudgetChanges[0].ShareChange)
	var codes []string
	for _, k := range c.Causes {
		codes = append(codes, k.Cause)
		assert.False(t, k.ROIChange.Known(), "several causes: none measured")
	}
	assert.Equal(t, []string{report.CauseNewData, report.CauseNewTests, report.CauseConfig}, codes)
}

// A run without draws still compares on its report, with null
// probabilities, and says so.
func TestDiffWithoutDraws(t *testing.T) {
	d0 := civil.New(2024, 1, 1)
	before := run(d0, d0.AddDays(7*52-1), 52, 1, nil, nil, 1)
	after := run(d0, d0.AddDays(7*65-1), 65, 1.5, nil, nil, 1)
	before.Fits = nil
	d := Diff(before, after)
	c := d.Channels[0]
	assert.True(t, math.IsNaN(c.ProbabilityChanged))
	assert.InDelta(t, 0.5, c.ROIChange.Mean, 1e-12)
	require.Len(t, c.Causes, 1)
	assert.InDelta(t, 0.5, c.Causes[0].ROIChange.Mean, 1e-12, "a sole cause carries the change")
	assert.NotEmpty(t, d.Notes)
}
