package simulate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// oracleLift recomputes a test's true lift from its record by the contract
// of design.md §3, with the oracle's own response code.
func oracleLift(w *World, l LiftTest) float64 {
	ch := w.Channels[w.Channel(l.Channel)]
	i := int(l.Start-w.Dates[0]) / 7
	j := int(l.End-w.Dates[0]) / 7
	m := int(l.MeasureEnd()-w.Dates[0]) / 7
	var window float64
	for t := i; t <= j; t++ {
		window += ch.Spend[t]
	}
	r := l.Spend / (l.ScopeShare * window)
	base := append([]float64(nil), ch.Spend...)
	moved := append([]float64(nil), ch.Spend...)
	for t := i; t <= j; t++ {
		if l.Type == "heavy_up" {
			moved[t] *= 1 + r
		} else {
			moved[t] *= 1 - r
		}
	}
	a, b := oracleWeekly(ch.Response, base), oracleWeekly(ch.Response, moved)
	var s float64
	for t := i; t <= m; t++ {
		s += a[t] - b[t]
	}
	if l.Type == "heavy_up" {
		s = -s
	}
	return l.ScopeShare * s
}

func TestLiftTests(t *testing.T) {
	var z []float64
	heavy, stale := 0, 0
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		require.True(t, len(w.LiftTests) >= 3 && len(w.LiftTests) <= 5)
		require.Len(t, w.Truth.Tests, len(w.LiftTests))
		assert.Equal(t, "tv", w.LiftTests[0].Channel, "an offline channel is tested")
		seen := map[string]bool{}
		for k, l := range w.LiftTests {
			tt := w.Truth.Tests[k]
			require.False(t, seen[l.Channel], "one test per channel")
			seen[l.Channel] = true
			ch := w.Channels[w.Channel(l.Channel)]

			// Week alignment and the window inside the panel.
			assert.Equal(t, w.Dates[tt.StartWeek], l.Start)
			assert.Equal(t, w.Dates[tt.EndWeek].AddDays(6), l.End)
			assert.Equal(t, w.Dates[tt.MeasureEndWeek].AddDays(6), l.MeasureEnd())
			weeks := tt.EndWeek - tt.StartWeek + 1
			assert.True(t, weeks >= 3 && weeks <= 8, "%s: %d weeks", l.ID, weeks)
			assert.True(t, tt.MeasureEndWeek < len(w.Dates))
			if l.CooldownEnd != 0 {
				assert.Greater(t, l.CooldownEnd, l.End)
			}
			assert.True(t, allPositive(ch.Spend[tt.StartWeek:tt.EndWeek+1]))
			assert.True(t, l.ScopeShare >= 0.1 && l.ScopeShare <= 0.3)

			// Spend moved in scope.
			window := floats.Sum(ch.Spend[tt.StartWeek : tt.EndWeek+1])
			assert.InDelta(t, l.ScopeShare*tt.Moved*window, l.Spend, 0.006)
			if l.Type == "heavy_up" {
				heavy++
				assert.False(t, ch.Offline)
			} else {
				assert.Equal(t, "holdout", l.Type)
				assert.Equal(t, 1.0, tt.Moved)
			}

			// The true lift, recomputed independently from the record.
			want := oracleLift(w, l)
			assert.InDelta(t, want, tt.Lift, 1e-6*math.Abs(want), "seed %d %s", seed, l.ID)
			got, err := w.TrueLift(l)
			require.NoError(t, err)
			assert.InDelta(t, want, got, 1e-6*math.Abs(want))
			assert.Greater(t, tt.Lift, 0.0)
			assert.InDelta(t, tt.Lift/l.Spend, tt.IROAS, 1e-12)

			// Uncertainty: relative SE 15–40%, intervals consistent with it.
			rel := l.SE / tt.Lift
			assert.True(t, rel > 0.149 && rel < 0.401, "%s relative SE %g", l.ID, rel)
			if l.Confidence != 0 {
				zc := zTwoSided[l.Confidence]
				assert.InDelta(t, l.SE, (l.CIUpper-l.CILower)/(2*zc), 1e-9)
				assert.InDelta(t, l.Incremental, (l.CIUpper+l.CILower)/2, 0.011)
			}
			z = append(z, (l.Incremental-tt.Lift)/l.SE)
			if w.Truth.End-l.MeasureEnd() > 52*7 {
				stale++
			}

			// Per-test incrementality factor against MTA in the same window.
			if ch.Offline {
				assert.Nil(t, tt.IncrementalityFactor)
				continue
			}
			var a float64
			for _, r := range w.MTA {
				if r.Channel == ch.Platform && r.Date >= l.Start && r.Date <= l.End {
					a += r.AttributedRevenue
				}
			}
			require.NotNil(t, tt.IncrementalityFactor)
			assert.InDelta(t, tt.Lift/(l.ScopeShare*tt.Moved*a), *tt.IncrementalityFactor, 1e-9)
		}
	}
	// Measurement errors are standard normal in SE units.
	mean, sd := stat.MeanStdDev(z, nil)
	n := float64(len(z))
	assert.Less(t, math.Abs(mean), 4/math.Sqrt(n), "mean z %g over %d tests", mean, len(z))
	assert.True(t, sd > 0.6 && sd < 1.4, "sd z %g", sd)
	if !testing.Short() {
		assert.Greater(t, heavy, 0, "some world has a heavy-up test")
		assert.Greater(t, stale, 0, "some world has a stale test")
	}
}

func TestTrueLiftErrors(t *testing.T) {
	w := generate(t, Options{Seed: 1})
	l := w.LiftTests[0]
	bad := l
	bad.Channel = "radio"
	_, err := w.TrueLift(bad)
	assert.Error(t, err)
	bad = l
	bad.Start = w.Dates[0].AddDays(-7)
	_, err = w.TrueLift(bad)
	assert.Error(t, err)
	bad = l
	bad.End = w.Truth.End.AddDays(1)
	_, err = w.TrueLift(bad)
	assert.Error(t, err)
}

func TestLiftCarryover(t *testing.T) {
	// A cooldown can only add effect for a holdout: the lift measured to a
	// later date is larger, and the whole-panel lift exceeds both.
	w := generate(t, Options{Seed: 4})
	l := w.LiftTests[0]
	l.CooldownEnd = 0
	short, err := w.TrueLift(l)
	require.NoError(t, err)
	l.CooldownEnd = l.End.AddDays(21)
	long, err := w.TrueLift(l)
	require.NoError(t, err)
	assert.Greater(t, long, short)
}
