package report

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample must be internally consistent, since the lead uses it for CLI
// tests and demos: check its identities against independent sums.
func TestSampleReportConsistent(t *testing.T) {
	r := SampleReport()
	require.Len(t, r.Charts.Dates, 156)
	require.Len(t, r.Channels, 6)
	require.Len(t, r.Experiments, 4)
	require.NotNil(t, r.Budget)
	offline := 0
	var spend float64
	for i, c := range r.Channels {
		spend += c.Spend
		if c.Offline != nil && *c.Offline {
			offline++
			assert.Nil(t, c.MTA)
		}
		cal := c.Calibrated
		assert.InDelta(t, cal.ROI.Mean*c.Spend, cal.Contribution.Mean, 1e-6*c.Spend, c.Name)
		// The channel's media series sums to its calibrated contribution.
		sum := 0.0
		for _, v := range r.Charts.Media[i].Values {
			sum += v
		}
		assert.InEpsilon(t, cal.Contribution.Mean, sum, 1e-9, c.Name)
		if c.MTA != nil {
			assert.InEpsilon(t, cal.Contribution.Mean/c.MTA.Attributed, c.MTA.IncrementalityFactor.Mean, 1e-12)
		}
		qs := 0.0
		for _, q := range c.Quarters {
			qs += q.Spend
		}
		assert.InEpsilon(t, c.Spend, qs, 1e-9, "quarters add up to the period for %s", c.Name)
		assert.Len(t, c.Quarters, 12)
	}
	assert.Equal(t, 2, offline)
	assert.InEpsilon(t, spend, r.Header.TotalSpend, 1e-12)

	b := r.Budget
	rec := 0.0
	for _, c := range b.Channels {
		rec += c.Recommended
		assert.GreaterOrEqual(t, c.Recommended, c.Min-1e-6, c.Name)
		assert.LessOrEqual(t, c.Recommended, c.Max+1e-6, c.Name)
	}
	assert.InEpsilon(t, b.Total, rec, 1e-9, "the plan spends the total")
	assert.Greater(t, b.ExpectedGain.Mean, 0.0)
	// The curves' marginal returns at current spend match mROI.
	for i, cv := range r.Charts.ResponseCurves {
		m := (interpolate(cv.Points, cv.CurrentSpend*1.001) - interpolate(cv.Points, cv.CurrentSpend*0.999)) / (0.002 * cv.CurrentSpend)
		assert.InEpsilon(t, r.Channels[i].Calibrated.MROI.Mean, m, 0.05, cv.Channel)
	}
	for _, e := range r.Experiments {
		require.NotNil(t, e.Z)
		hasFlag := false
		for _, f := range e.Flags {
			hasFlag = hasFlag || f.Code == FlagExperimentDisagrees
		}
		assert.Equal(t, math.Abs(*e.Z) > 2, hasFlag, e.TestID)
	}
}

func TestInterpolate(t *testing.T) {
	pts := []CurvePoint{{Spend: 0, Mean: 0}, {Spend: 10, Mean: 5}, {Spend: 20, Mean: 7}}
	assert.Equal(t, 2.5, interpolate(pts, 5))
	assert.Equal(t, 6.0, interpolate(pts, 15))
	assert.Equal(t, 0.0, interpolate(pts, -1))
	assert.Equal(t, 7.0, interpolate(pts, 99))
	assert.True(t, math.IsNaN(interpolate(nil, 1)))
}
