package budget

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEfficiency(t *testing.T) {
	truth := logCurves{a: []float64{3e5, 2e5, 5e5}, b: []float64{5e4, 1e5, 8e4}, mult: ones(3, 1)}
	cur := []float64{2e5, 1e5, 1e5}
	p := Problem{Current: cur}
	plan, err := Optimize(truth, p, 0.9)
	require.NoError(t, err)

	eff, err := Efficiency(truth, p, plan.Recommended)
	require.NoError(t, err)
	assert.InDelta(t, 1, eff, 1e-9)
	eff, err = Efficiency(truth, p, cur)
	require.NoError(t, err)
	assert.Equal(t, 0.0, eff)
	// Halfway is worth more than half the gain on concave curves.
	mid := make([]float64, 3)
	for c := range mid {
		mid[c] = (cur[c] + plan.Recommended[c]) / 2
	}
	eff, err = Efficiency(truth, p, mid)
	require.NoError(t, err)
	assert.Greater(t, eff, 0.5)
	assert.Less(t, eff, 1.0)

	// Nothing to gain when the current plan is already optimal.
	_, err = Efficiency(truth, Problem{Current: plan.Recommended, Bounds: DefaultBounds(cur, 0.3)}, plan.Recommended)
	require.ErrorIs(t, err, ErrNoGain)
	_, err = Efficiency(truth, p, []float64{1})
	require.Error(t, err)
}
