package eval

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/report"
)

// fakeReport is a report on testWorld whose numbers are set from the
// truth: the MMM alone overstates every ROI by 0.5 with a narrow interval
// that misses, the calibrated MMM hits every ROI, MTA factors are 20% high,
// one test on search was used and one on tv was not, and the budget keeps
// history. Channels are listed in reverse to check matching by name.
func fakeReport(t *testing.T) *report.Report {
	w := testWorld(t)
	r := &report.Report{}
	for _, tc := range w.Truth.Channels {
		off := tc.ROI + 0.5
		ch := report.Channel{
			Name:  tc.Name,
			Spend: tc.Spend,
			MMM: report.ChannelEstimates{
				ROI:          report.Interval{Mean: off, Lo: off - 0.1, Hi: off + 0.1},
				Contribution: report.Interval{Mean: off * tc.Spend},
			},
			Calibrated: &report.ChannelEstimates{
				ROI:          report.Interval{Mean: tc.ROI, Lo: tc.ROI - 0.1, Hi: tc.ROI + 0.1},
				Contribution: report.Interval{Mean: tc.Contribution},
			},
		}
		if tc.IncrementalityFactor != nil {
			f := 1.2 * *tc.IncrementalityFactor
			ch.MTA = &report.MTAEstimates{IncrementalityFactor: report.Interval{Mean: f, Lo: f, Hi: f}}
		}
		r.Channels = append(r.Channels, ch)
	}
	slices.Reverse(r.Channels)
	r.Experiments = []report.Experiment{{Channel: "search", Used: true}, {Channel: "tv", Used: false}}
	r.Budget = historyBudget(t)
	return r
}

func TestEvaluate(t *testing.T) {
	w := testWorld(t)
	res, err := Evaluate(w, fakeReport(t))
	require.NoError(t, err)
	C := len(w.Channels)
	var spend float64
	for _, tc := range w.Truth.Channels {
		spend += tc.Spend
	}

	assert.Equal(t, uint64(1), res.Seed)
	assert.True(t, res.HasCalibrated)
	assert.Equal(t, C, res.Alone.N)
	assert.Zero(t, res.Alone.Covered)
	assert.InDelta(t, 0.5, res.Alone.MeanAbsROIError, tol)
	assert.InDelta(t, 0.5*spend/w.Truth.Media, res.Alone.SpendWeightedError, 1e-9)
	assert.InDelta(t, 0.5*spend/w.Truth.Media, res.Alone.TotalMediaError, 1e-9)

	assert.Equal(t, C, res.Calibrated.Covered)
	assert.InDelta(t, 0, res.Calibrated.MeanAbsROIError, tol)
	assert.InDelta(t, 0, res.Calibrated.TotalMediaError, 1e-9)

	assert.Equal(t, 1, res.TestedAlone.N, "only the used test counts")
	assert.Equal(t, 1, res.TestedCalibrated.N)
	assert.Equal(t, C-1, res.UntestedAlone.N)
	assert.Equal(t, C-1, res.UntestedCalibrated.N)
	for _, c := range res.Channels {
		assert.Equal(t, c.Name == "search", c.Tested, c.Name)
	}

	online := 0
	for _, tc := range w.Truth.Channels {
		if tc.IncrementalityFactor != nil {
			online++
		}
	}
	require.Positive(t, online)
	assert.Len(t, res.IF, online)
	assert.InDelta(t, 0.2, MeanIFError(res.IF), 1e-12)

	require.NotNil(t, res.Budget)
	assert.Zero(t, res.Budget.Ratio())
}

func TestEvaluateWithoutCalibrationOrBudget(t *testing.T) {
	w := testWorld(t)
	r := fakeReport(t)
	for i := range r.Channels {
		r.Channels[i].Calibrated = nil
	}
	r.Budget = nil
	res, err := Evaluate(w, r)
	require.NoError(t, err)
	assert.False(t, res.HasCalibrated)
	assert.Zero(t, res.Calibrated.N)
	assert.Nil(t, res.Budget)
	for _, c := range res.Channels {
		assert.False(t, c.Calibrated.Known())
	}
	s := Summary{Results: []Result{res}}.String()
	assert.Contains(t, s, "n/a")
}

func TestEvaluateMissingChannel(t *testing.T) {
	w := testWorld(t)
	r := fakeReport(t)
	r.Channels = r.Channels[1:]
	_, err := Evaluate(w, r)
	assert.ErrorContains(t, err, "not in the report")
}

func TestSummaryTotals(t *testing.T) {
	acc := func(n, cov int, mae float64) Accuracy {
		return Accuracy{N: n, Covered: cov, MeanAbsROIError: mae, SpendWeightedError: mae, TotalMediaError: mae}
	}
	r1 := Result{Seed: 1, HasCalibrated: true,
		Alone: acc(6, 5, 1), Calibrated: acc(6, 6, 0.5),
		TestedAlone: acc(2, 1, 1.5), TestedCalibrated: acc(2, 2, 0.5),
		UntestedAlone: acc(4, 4, 0.75), UntestedCalibrated: acc(4, 4, 0.5),
		IF:     []IFScore{{Est: report.Interval{Mean: 1.1, Lo: 0.9, Hi: 1.2}, True: 1}},
		Budget: &BudgetScore{Current: 100, Recommended: 108, Optimal: 110}}
	r2 := Result{Seed: 2, HasCalibrated: true,
		Alone: acc(6, 3, 2), Calibrated: acc(6, 4, 1),
		TestedAlone: acc(3, 1, 2), TestedCalibrated: acc(3, 2, 1),
		UntestedAlone: acc(3, 2, 2), UntestedCalibrated: acc(3, 2, 1),
		IF:     []IFScore{{Est: report.Interval{Mean: 0.7, Lo: 0.6, Hi: 0.8}, True: 1}, {Est: report.Interval{Mean: 2, Lo: 1, Hi: 3}, True: 2}},
		Budget: &BudgetScore{Current: 100, Recommended: 103, Optimal: 110}}
	r3 := Result{Seed: 3, Alone: acc(6, 6, 1), TestedAlone: acc(0, 0, 0), UntestedAlone: acc(6, 6, 1),
		Budget: &BudgetScore{Current: 100, Recommended: 100, Optimal: 100}}
	s := Summary{Results: []Result{r1, r2, r3}}
	tt := s.Totals()
	assert.Equal(t, 3, tt.Worlds)
	assert.True(t, tt.HasCalibrated)
	assert.Equal(t, 18, tt.Alone.N)
	assert.Equal(t, 14, tt.Alone.Covered)
	assert.Equal(t, 12, tt.Calibrated.N, "the uncalibrated world is left out")
	assert.Equal(t, 10, tt.Calibrated.Covered)
	// Tested: alone (2·1.5 + 3·2)/5 = 1.8, calibrated (2·0.5 + 3·1)/5 = 0.8.
	assert.InDelta(t, 1.8, tt.TestedAlone.MeanAbsROIError, tol)
	assert.InDelta(t, 0.8, tt.TestedCalibrated.MeanAbsROIError, tol)
	assert.InDelta(t, 0.8/1.8, tt.TestedRatio, tol)
	assert.Equal(t, 3, tt.IFChannels)
	assert.InDelta(t, (0.1+0.3+0)/3, tt.IFError, tol)
	assert.InDelta(t, 2.0/3, tt.IFCoverage, tol)
	// Seed 3 has nothing to gain and is left out of the budget figures.
	assert.Equal(t, 2, tt.BudgetWorlds)
	assert.InDelta(t, (0.8+0.3)/2, tt.BudgetRatio, tol)
	assert.InDelta(t, 0.3, tt.BudgetMin, tol)

	out := s.String()
	for _, want := range []string{"14/18=0.78", "10/12=0.83", "0.444", "13.3%", "0.550", "worst budget ratio 0.300 over 2 worlds"} {
		assert.Contains(t, out, want)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Greater(t, len(lines), 9)
	assert.False(t, math.IsNaN(tt.Alone.MeanAbsROIError))
}

func TestSummaryChannels(t *testing.T) {
	w := testWorld(t)
	res, err := Evaluate(w, fakeReport(t))
	require.NoError(t, err)
	out := Summary{Results: []Result{res}}.Channels()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1+len(w.Channels))
	for _, l := range lines[1:] {
		// The MMM alone misses every channel, the calibrated model none.
		assert.Equal(t, 1, strings.Count(l, "*"), l)
	}
}
