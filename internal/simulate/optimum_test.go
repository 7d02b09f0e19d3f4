package simulate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
)

func bounds(w *World, share float64) (lo, hi []float64, total float64) {
	for _, c := range w.Truth.Channels {
		lo = append(lo, (1-share)*c.Spend)
		hi = append(hi, (1+share)*c.Spend)
		total += c.Spend
	}
	return lo, hi, total
}

func TestTrueOptimumBeatsAndRespects(t *testing.T) {
	for _, seed := range seeds(t)[:4] {
		w := generate(t, Options{Seed: seed})
		lo, hi, total := bounds(w, 0.3)
		x, v, err := w.TrueOptimum(total, lo, hi)
		require.NoError(t, err)
		assert.InDelta(t, total, floats.Sum(x), 1e-9*total)
		for c := range x {
			require.True(t, x[c] >= lo[c]-1e-9 && x[c] <= hi[c]+1e-9, "seed %d channel %d", seed, c)
		}
		assert.GreaterOrEqual(t, v, w.Truth.Media-1e-6, "the current plan is feasible")
		var check float64
		for c := range x {
			check += w.TrueContributionAt(c, x[c])
		}
		assert.InDelta(t, v, check, 1e-9*v)

		// KKT: channels strictly inside their bounds share one marginal
		// return, and none at its upper bound earns less at the margin
		// than one at its lower bound could give up.
		h := 1e-4 * total / 6
		mr := func(c int) float64 {
			return (w.TrueContributionAt(c, x[c]+h) - w.TrueContributionAt(c, x[c]-h)) / (2 * h)
		}
		var inner []float64
		for c := range x {
			if x[c] > lo[c]+1e-3*total && x[c] < hi[c]-1e-3*total {
				inner = append(inner, mr(c))
			}
		}
		for i := 1; i < len(inner); i++ {
			assert.InDelta(t, inner[0], inner[i], 0.02*math.Abs(inner[0]), "seed %d: equal marginal returns", seed)
		}
		// No transfer from a channel that can give to one that can take
		// pays at the margin.
		canTake, canGive := math.Inf(-1), math.Inf(1)
		for c := range x {
			if x[c] < hi[c]-1e-3*total {
				canTake = math.Max(canTake, mr(c))
			}
			if x[c] > lo[c]+1e-3*total {
				canGive = math.Min(canGive, mr(c))
			}
		}
		assert.LessOrEqual(t, canTake, canGive*1.02, "seed %d", seed)
		t.Logf("seed %d: optimum gains %.2f%% over current; %d channels inside their bounds", seed, 100*(v/w.Truth.Media-1), len(inner))
	}
}

// On two channels the optimum is a one-dimensional search: brute force it.
func TestTrueOptimumTwoChannelsBruteForce(t *testing.T) {
	w := generate(t, Options{Seed: 3})
	lo, hi, _ := bounds(w, 0.3)
	// Lock all but search and social.
	a, b := w.Channel("search"), w.Channel("social")
	var total float64
	for c := range lo {
		if c != a && c != b {
			lo[c] = w.Truth.Channels[c].Spend
			hi[c] = lo[c]
		}
		total += w.Truth.Channels[c].Spend
	}
	x, v, err := w.TrueOptimum(total, lo, hi)
	require.NoError(t, err)
	for c := range x {
		if c != a && c != b {
			assert.Equal(t, lo[c], x[c], "locked")
		}
	}
	pair := x[a] + x[b]
	best := math.Inf(-1)
	for i := 0; i <= 5000; i++ {
		s := lo[a] + (hi[a]-lo[a])*float64(i)/5000
		if pair-s < lo[b] || pair-s > hi[b] {
			continue
		}
		best = math.Max(best, w.TrueContributionAt(a, s)+w.TrueContributionAt(b, pair-s))
	}
	got := w.TrueContributionAt(a, x[a]) + w.TrueContributionAt(b, x[b])
	assert.GreaterOrEqual(t, got, best-1e-7*best)
	assert.Greater(t, v, 0.0)
}

func TestTrueOptimumErrors(t *testing.T) {
	w := generate(t, Options{Seed: 1, Weeks: 60})
	lo, hi, total := bounds(w, 0.3)
	_, _, err := w.TrueOptimum(total, lo[:2], hi)
	assert.Error(t, err)
	_, _, err = w.TrueOptimum(2*total, lo, hi)
	assert.Error(t, err)
	_, _, err = w.TrueOptimum(0.5*total, lo, hi)
	assert.Error(t, err)
	bad := append([]float64(nil), hi...)
	bad[0] = lo[0] - 1
	_, _, err = w.TrueOptimum(total, lo, bad)
	assert.Error(t, err)
	// All locked: the answer is the bounds.
	x, _, err := w.TrueOptimum(floats.Sum(lo), lo, lo)
	require.NoError(t, err)
	assert.Equal(t, lo, x)
}

func BenchmarkTrueOptimum(b *testing.B) {
	w, err := Generate(Options{Seed: 1})
	require.NoError(b, err)
	lo, hi, total := bounds(w, 0.3)
	for i := 0; i < b.N; i++ {
		if _, _, err := w.TrueOptimum(total, lo, hi); err != nil {
			b.Fatal(err)
		}
	}
}
