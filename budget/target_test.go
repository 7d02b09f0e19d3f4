package budget

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMaxBudgetForTargetROILog(t *testing.T) {
	// f_c' = a_c/(b_c+x) = target at x_c = a_c/target − b_c, clipped.
	r := logCurves{a: []float64{3e5, 2e5, 5e5, 1e5}, b: []float64{5e4, 1e5, 8e4, 2e4}, mult: [][]float64{
		spread(100, 0.3, 1), spread(100, 0.3, 2), spread(100, 0.3, 3), spread(100, 0.3, 4)}}
	cur := []float64{1e5, 1e5, 1e5, 1e5}
	b := []Bounds{{Max: 1e6}, {Max: 1e6}, {Max: 2e5}, {Min: 5e4, Max: 1e6}}
	const target = 1.5
	total, plan, err := MaxBudgetForTargetROI(r, Problem{Current: cur, Bounds: b}, target, 0.9)
	require.NoError(t, err)
	lo, hi := boundsLoHi(b, cur)
	var want float64
	x := make([]float64, 4)
	for c := range x {
		x[c] = math.Min(math.Max(r.a[c]/target-r.b[c], lo[c]), hi[c])
		want += x[c]
	}
	// Channel 2 is capped at its maximum, channel 3 held at its minimum.
	require.Equal(t, hi[2], x[2])
	require.Equal(t, lo[3], x[3])
	assert.InEpsilon(t, want, total, 1e-8)
	requireFeasible(t, plan.Recommended, lo, hi, total)
	for c := range x {
		assert.InDelta(t, x[c], plan.Recommended[c], 1e-7*total, "channel %d", c)
		if plan.Recommended[c] > lo[c] {
			assert.GreaterOrEqual(t, plan.MROIRecommended[c].Mean, target*(1-1e-6))
		}
	}
}

func TestMaxBudgetForTargetROIExtremes(t *testing.T) {
	r := logCurves{a: []float64{3e5, 2e5}, b: []float64{5e4, 1e5}, mult: ones(2, 3)}
	cur := []float64{1e5, 1e5}
	// Nothing pays 100 per unit: stay at the minimums (70% by default).
	total, plan, err := MaxBudgetForTargetROI(r, Problem{Current: cur}, 100, 0.9)
	require.NoError(t, err)
	assert.InEpsilon(t, 1.4e5, total, 1e-12)
	assert.Equal(t, []float64{7e4, 7e4}, plan.Recommended)
	// Everything pays 0.01 per unit: spend every maximum.
	total, _, err = MaxBudgetForTargetROI(r, Problem{Current: cur}, 0.01, 0.9)
	require.NoError(t, err)
	assert.InEpsilon(t, 2.6e5, total, 1e-12)
	// All minimums zero and nothing pays: a zero budget.
	total, plan, err = MaxBudgetForTargetROI(r, Problem{Current: cur, Bounds: wide(2, 1e6)}, 100, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 0.0, total)
	assert.Equal(t, []float64{0, 0}, plan.Recommended)
	assert.Less(t, plan.ExpectedGain.Mean, 0.0)

	_, _, err = MaxBudgetForTargetROI(r, Problem{Current: cur}, 0, 0.9)
	require.Error(t, err)
	_, _, err = MaxBudgetForTargetROI(r, Problem{Current: cur, Objective: Quantile{Q: 0.2}}, 1, 0.9)
	require.Error(t, err)
}

func TestMaxBudgetForTargetROISShaped(t *testing.T) {
	// An S-curve channel is funded only where its average return beyond the
	// minimum beats the target: f(x) − λx is maximised globally. Check the
	// result against a dense search of f(x) − λx.
	r := hillCurves{beta: []float64{1e6, 4e5}, k: []float64{2e5, 1e5}, s: []float64{3, 0.8}, mult: ones(2, 2)}
	cur := []float64{1e5, 1e5}
	b := wide(2, 6e5)
	for _, target := range []float64{0.5, 2, 3, 5} {
		total, plan, err := MaxBudgetForTargetROI(r, Problem{Current: cur, Bounds: b}, target, 0.9)
		require.NoError(t, err)
		var want float64
		for c := range cur {
			best, bx := math.Inf(-1), 0.0
			for i := 0; i <= 600000; i++ {
				x := float64(i)
				if v := r.meanF(c, x) - target*x; v >= best {
					best, bx = v, x
				}
			}
			want += bx
		}
		assert.InDelta(t, want, total, 2, "target %g", target)
		for c, x := range plan.Recommended {
			if x > 1 {
				assert.GreaterOrEqual(t, r.meanSlope(c, x), target*(1-1e-5), "target %g channel %d", target, c)
			}
		}
	}
}
