package simulate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"

	"github.com/triad-mmm/triad/civil"
	"gonum.org/v1/gonum/floats"
)

func TestMTASumsByWeek(t *testing.T) {
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		T := len(w.Dates)
		platform := map[string]int{}
		for c, ch := range w.Channels {
			if ch.Platform != "" {
				platform[ch.Platform] = c
			}
		}
		trueSum := make([][]float64, len(w.Channels))
		spendSum := make([][]float64, len(w.Channels))
		for c := range trueSum {
			trueSum[c], spendSum[c] = make([]float64, T), make([]float64, T)
		}
		campaigns := map[string]map[string]bool{}
		var prev civil.Date
		for _, r := range w.MTA {
			// Plain checks: this loop runs over every row of many worlds.
			if r.Date < prev || r.AttributedRevenue < 0 || r.Spend < 0 || round2(r.AttributedRevenue) != r.AttributedRevenue {
				t.Fatalf("seed %d: bad row %+v (after %s)", seed, r, prev)
			}
			prev = r.Date
			if campaigns[r.Channel] == nil {
				campaigns[r.Channel] = map[string]bool{}
			}
			campaigns[r.Channel][r.Campaign] = true
			c, ok := platform[r.Channel]
			if !ok {
				if r.Channel != unmappedPlatform || r.TrueRevenue != 0 {
					t.Fatalf("seed %d: unexpected row %+v", seed, r)
				}
				continue
			}
			wk, ok := w.week(r.Date)
			if !ok {
				t.Fatalf("seed %d: row outside the panel %+v", seed, r)
			}
			trueSum[c][wk] += r.TrueRevenue
			spendSum[c][wk] += r.Spend
		}
		rowsPerDay := 1
		for c, ch := range w.Channels {
			if ch.Offline {
				assert.NotContains(t, campaigns, ch.Name)
				assert.Zero(t, floats.Sum(trueSum[c]))
				continue
			}
			n := len(campaigns[ch.Platform])
			assert.True(t, n >= 2 && n <= 4, "%s: %d campaigns", ch.Platform, n)
			rowsPerDay += n
			for wk := 0; wk < T; wk++ {
				require.InDelta(t, ch.Contribution[wk], trueSum[c][wk], 1e-9*ch.Contribution[wk], "seed %d %s week %d", seed, ch.Name, wk)
				require.InDelta(t, ch.Spend[wk], spendSum[c][wk], 1e-6, "seed %d %s week %d spend", seed, ch.Name, wk)
			}
		}
		assert.Contains(t, campaigns, unmappedPlatform)
		assert.Len(t, w.MTA, 7*T*rowsPerDay)
		assert.Equal(t, w.Dates[0], w.MTA[0].Date)
		assert.Equal(t, w.Truth.End, w.MTA[len(w.MTA)-1].Date)
	}
}

func TestMTABiases(t *testing.T) {
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		var online, attributed float64
		for c, s := range w.Truth.Channels {
			ch := w.Channels[c]
			if ch.Offline {
				assert.Nil(t, s.IncrementalityFactor)
				assert.Nil(t, s.MTAAttributed)
				continue
			}
			require.NotNil(t, s.IncrementalityFactor)
			f := *s.IncrementalityFactor
			assert.InDelta(t, s.Contribution/(*s.MTAAttributed), f, 1e-12)
			whole, ok := w.TrueIF(c, w.Dates[0], w.Truth.End)
			require.True(t, ok)
			assert.InDelta(t, f, whole, 1e-9)
			switch ch.Name {
			case "search":
				assert.True(t, f >= 0.29 && f <= 0.61, "seed %d search IF %g", seed, f)
			default:
				assert.True(t, f >= 0.49 && f <= 0.91, "seed %d %s IF %g", seed, ch.Name, f)
			}
			online += s.Contribution
			attributed += *s.MTAAttributed
		}
		assert.Greater(t, attributed, online, "MTA over-claims online channels")

		// Search's attributed revenue tracks baseline demand more closely
		// than its true contribution does: that is the over-credit.
		c := w.Channel("search")
		attr := make([]float64, len(w.Dates))
		for _, r := range w.MTA {
			if r.Channel == w.Channels[c].Platform {
				wk, _ := w.week(r.Date)
				attr[wk] += r.AttributedRevenue
			}
		}
		base := w.Truth.Series.Baseline
		ra, rc := stat.Correlation(attr, base, nil), stat.Correlation(w.Channels[c].Contribution, base, nil)
		t.Logf("seed %d corr with baseline: search attributed %.2f, true contribution %.2f", seed, ra, rc)
		assert.Greater(t, ra, rc, "seed %d", seed)

		// Quarterly factors exist and vary around the whole-period one.
		q0, ok := w.TrueIF(c, w.Dates[0], w.Dates[12].AddDays(6))
		require.True(t, ok)
		assert.True(t, q0 > 0 && !math.IsNaN(q0))
		_, ok = w.TrueIF(w.Channel("tv"), w.Dates[0], w.Truth.End)
		assert.False(t, ok)
	}
}

func TestMTAWeekdayPattern(t *testing.T) {
	w := generate(t, Options{Seed: 2})
	var byDay [7]float64
	for _, r := range w.MTA {
		if r.Channel != unmappedPlatform {
			byDay[r.Date.Weekday()] += r.AttributedRevenue
		}
	}
	weekday := (byDay[1] + byDay[2] + byDay[3] + byDay[4]) / 4
	assert.Less(t, byDay[6], weekday, "Saturday converts less than a weekday")
}

func TestSundayWeeks(t *testing.T) {
	// Weeks may start on any weekday; the MTA days follow the panel's weeks.
	start := civil.New(2021, 1, 3) // a Sunday
	w := generate(t, Options{Seed: 9, Start: start, Weeks: 60})
	require.Equal(t, start, w.Dates[0])
	assert.Equal(t, start, w.MTA[0].Date)
	assert.Equal(t, start.AddDays(7*60-1), w.MTA[len(w.MTA)-1].Date)
	c := w.Channel("social")
	got := make([]float64, 60)
	var byDay [7]float64
	for _, r := range w.MTA {
		if r.Channel == w.Channels[c].Platform {
			wk, ok := w.week(r.Date)
			require.True(t, ok)
			got[wk] += r.TrueRevenue
			byDay[r.Date.Weekday()] += r.TrueRevenue
		}
	}
	for wk := range got {
		require.InDelta(t, w.Channels[c].Contribution[wk], got[wk], 1e-9*got[wk])
	}
	// The weekday profile is anchored on weekdays, not on the week start.
	assert.Less(t, byDay[6], byDay[1], "Saturday below Monday")
}
