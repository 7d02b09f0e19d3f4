package eval

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/report"
)

const tol = 1e-12

// twoPairs: A is off by +0.5 and covered, B off by −0.5 and missed.
func twoPairs() []Pair {
	return []Pair{
		{Channel: "a", Spend: 100, TrueROI: 2, TrueContribution: 200,
			ROI: report.Interval{Mean: 2.5, Lo: 1.5, Hi: 3}, Contribution: report.Interval{Mean: 250}},
		{Channel: "b", Spend: 50, TrueROI: 1, TrueContribution: 50,
			ROI: report.Interval{Mean: 0.5, Lo: 0.3, Hi: 0.9}, Contribution: report.Interval{Mean: 25}},
	}
}

func TestScore(t *testing.T) {
	a := Score(twoPairs())
	assert.Equal(t, 2, a.N)
	assert.Equal(t, 1, a.Covered)
	assert.InDelta(t, 0.5, a.Coverage(), tol)
	assert.InDelta(t, 0.5, a.MeanAbsROIError, tol)
	assert.InDelta(t, (0.25+0.5)/2, a.MeanRelROIError, tol)
	// (0.5·100 + 0.5·50) / (200 + 50)
	assert.InDelta(t, 0.3, a.SpendWeightedError, tol)
	// |275 − 250| / 250
	assert.InDelta(t, 0.1, a.TotalMediaError, tol)
}

func TestScoreEmptyAndUnknown(t *testing.T) {
	e := Score(nil)
	assert.Zero(t, e.N)
	assert.True(t, math.IsNaN(e.Coverage()))
	assert.True(t, math.IsNaN(e.MeanAbsROIError))
	assert.True(t, math.IsNaN(e.TotalMediaError))

	p := twoPairs()
	p[1].ROI = report.Unknown
	p[1].Contribution = report.Unknown
	u := Score(p)
	assert.Equal(t, 1, u.Covered, "an unknown interval is a miss")
	assert.True(t, math.IsNaN(u.MeanAbsROIError))
	assert.True(t, math.IsNaN(u.SpendWeightedError))
	assert.True(t, math.IsNaN(u.TotalMediaError))
}

func TestCovers(t *testing.T) {
	iv := report.Interval{Mean: 1, Lo: 0.5, Hi: 2}
	assert.True(t, Covers(iv, 0.5), "ends are inside")
	assert.True(t, Covers(iv, 2))
	assert.True(t, Covers(iv, 1.3))
	assert.False(t, Covers(iv, 0.49))
	assert.False(t, Covers(iv, 2.01))
	assert.False(t, Covers(report.Interval{Mean: 1, Lo: math.NaN(), Hi: 2}, 1))
	assert.False(t, Covers(iv, math.NaN()))
}

func TestPool(t *testing.T) {
	a1 := Accuracy{N: 2, Covered: 1, MeanAbsROIError: 0.5, MeanRelROIError: 0.375, SpendWeightedError: 0.3, TotalMediaError: 0.1}
	a2 := Accuracy{N: 3, Covered: 3, MeanAbsROIError: 1, MeanRelROIError: 0.1, SpendWeightedError: 0.5, TotalMediaError: 0.3}
	p := Pool([]Accuracy{a1, Score(nil), a2})
	assert.Equal(t, 5, p.N)
	assert.Equal(t, 4, p.Covered)
	assert.InDelta(t, (2*0.5+3*1.0)/5, p.MeanAbsROIError, tol)
	assert.InDelta(t, (2*0.375+3*0.1)/5, p.MeanRelROIError, tol)
	assert.InDelta(t, 0.4, p.SpendWeightedError, tol, "averaged over worlds, not channels")
	assert.InDelta(t, 0.2, p.TotalMediaError, tol)

	assert.Zero(t, Pool(nil).N)
	assert.True(t, math.IsNaN(Pool([]Accuracy{Score(nil)}).MeanAbsROIError))
}

func TestIFErrors(t *testing.T) {
	s := []IFScore{
		{Channel: "search", Est: report.Interval{Mean: 1.2, Lo: 1.1, Hi: 1.3}, True: 1},
		{Channel: "social", Est: report.Interval{Mean: 0.3, Lo: 0.2, Hi: 0.5}, True: 0.4},
	}
	assert.InDelta(t, 0.2, s[0].RelError(), tol)
	assert.InDelta(t, 0.25, s[1].RelError(), tol)
	assert.InDelta(t, 0.225, MeanIFError(s), tol)
	assert.False(t, s[0].Covered())
	assert.True(t, s[1].Covered())
	assert.True(t, math.IsNaN(MeanIFError(nil)))
	assert.Zero(t, RelativeError(0, 0))
	assert.True(t, math.IsInf(RelativeError(1, 0), 1))
	assert.InDelta(t, 0.5, RelativeError(-1.5, -1), tol)
}

func TestGainRatio(t *testing.T) {
	assert.InDelta(t, 0.75, GainRatio(100, 130, 140), tol)
	assert.InDelta(t, -0.5, GainRatio(100, 80, 140), tol, "a losing plan scores below zero")
	assert.InDelta(t, 1, BudgetScore{Current: 10, Recommended: 12, Optimal: 12}.Ratio(), tol)
	assert.True(t, math.IsNaN(GainRatio(100, 100, 100)), "nothing to gain")
	assert.True(t, math.IsNaN(GainRatio(100, 100, 90)))
}

func TestParseSeeds(t *testing.T) {
	for in, want := range map[string][]uint64{
		"1-10":     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		"3":        {3},
		"1, 3,7-9": {1, 3, 7, 8, 9},
		"5-5":      {5},
		"0-1,0":    {0, 1, 0},
	} {
		got, err := ParseSeeds(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "a", "1,", "3-1", "1-x", "-2", "1-100000"} {
		_, err := ParseSeeds(bad)
		assert.Error(t, err, bad)
	}
}
