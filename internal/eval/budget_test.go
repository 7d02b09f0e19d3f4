package eval

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// historyBudget returns the budget that keeps every channel at its history
// with bounds ±30%.
func historyBudget(t *testing.T) *report.Budget {
	w := testWorld(t)
	b := &report.Budget{}
	for _, ch := range w.Channels {
		s := stat.Sum(ch.Spend)
		b.Channels = append(b.Channels, report.BudgetChannel{Name: ch.Name, Current: s, Recommended: s, Min: 0.7 * s, Max: 1.3 * s})
		b.Total += s
	}
	return b
}

func TestScoreBudgetKeepingHistory(t *testing.T) {
	w := testWorld(t)
	s, err := ScoreBudget(w, historyBudget(t))
	require.NoError(t, err)
	// The historical plan earns the world's true media contribution.
	assert.InDelta(t, w.Truth.Media, s.Current, 1e-9*w.Truth.Media)
	assert.Equal(t, s.Current, s.Recommended)
	assert.Greater(t, s.Optimal, s.Current, "±30% leaves room to gain")
	assert.Zero(t, s.Ratio())
}

func TestScoreBudgetAtTheOptimum(t *testing.T) {
	w := testWorld(t)
	b := historyBudget(t)
	lo, hi := make([]float64, len(b.Channels)), make([]float64, len(b.Channels))
	for c, bc := range b.Channels {
		lo[c], hi[c] = bc.Min, bc.Max
	}
	x, _, err := w.TrueOptimum(b.Total, lo, hi)
	require.NoError(t, err)
	for c := range b.Channels {
		b.Channels[c].Recommended = x[c]
	}
	s, err := ScoreBudget(w, b)
	require.NoError(t, err)
	assert.InDelta(t, 1, s.Ratio(), 1e-9)
	assert.Equal(t, x, s.OptimalSpend)
	assert.Equal(t, x, s.RecommendedSpend)
	require.Len(t, s.Channels, len(w.Channels))
	assert.Equal(t, w.Channels[0].Name, s.Channels[0])

	out := Summary{Results: []Result{{Seed: 7, Budget: &s}}}.Budgets()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2+len(w.Channels))
	for c, l := range lines[1 : 1+len(w.Channels)] {
		f := strings.Fields(l)
		require.Len(t, f, 5, l)
		assert.Equal(t, w.Channels[c].Name, f[1])
		assert.Equal(t, f[3], f[4], "the recommendation is the optimum")
	}
}

func TestScoreBudgetHalfway(t *testing.T) {
	// Only search and social are in the plan: the others stay at history.
	// Moving a share of spend from one to the other and back is a
	// different gain; the ratio follows the true curves.
	w := testWorld(t)
	full := historyBudget(t)
	b := &report.Budget{}
	for _, bc := range full.Channels {
		if bc.Name == "search" || bc.Name == "social" {
			b.Channels = append(b.Channels, bc)
			b.Total += bc.Current
		}
	}
	require.Len(t, b.Channels, 2)
	shift := 0.1 * b.Channels[0].Current
	b.Channels[0].Recommended -= shift
	b.Channels[1].Recommended += shift
	s, err := ScoreBudget(w, b)
	require.NoError(t, err)
	c0, c1 := w.Channel(b.Channels[0].Name), w.Channel(b.Channels[1].Name)
	want := w.Truth.Media -
		w.TrueContributionAt(c0, b.Channels[0].Current) - w.TrueContributionAt(c1, b.Channels[1].Current) +
		w.TrueContributionAt(c0, b.Channels[0].Recommended) + w.TrueContributionAt(c1, b.Channels[1].Recommended)
	assert.InDelta(t, want, s.Recommended, 1e-9*want)
	assert.GreaterOrEqual(t, s.Optimal, max(s.Current, s.Recommended)*(1-1e-9))
}

func TestScoreBudgetErrors(t *testing.T) {
	w := testWorld(t)
	b := historyBudget(t)
	b.Channels[0].Recommended *= 1.1
	_, err := ScoreBudget(w, b)
	assert.ErrorContains(t, err, "spends")

	b = historyBudget(t)
	b.Channels[0].Name = "radio"
	_, err = ScoreBudget(w, b)
	assert.ErrorContains(t, err, `"radio"`)

	b = historyBudget(t)
	b.Channels[1].Name = b.Channels[0].Name
	_, err = ScoreBudget(w, b)
	assert.ErrorContains(t, err, "twice")
}
