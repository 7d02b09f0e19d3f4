package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// LiftTest is one geo lift test as a canonical record (design.md §1).
type LiftTest struct {
	ID      string
	Channel string
	// Type is "holdout" (spend withheld in the scope) or "heavy_up".
	Type string
	// Start is a week start, End a week end (inclusive treatment window).
	Start, End civil.Date
	// CooldownEnd is the end of the measurement when it continued after End
	// (a week end), or 0.
	CooldownEnd civil.Date
	ScopeShare  float64
	// Spend is the spend the test withheld (or added) in its scope.
	Spend       float64
	Incremental float64
	// SE is the standard error of Incremental. A record with Confidence 0
	// reports it; one with a confidence level reports the interval
	// [CILower, CIUpper] instead, from which SE follows exactly.
	SE               float64
	Confidence       float64
	CILower, CIUpper float64
	// Geos are the treated geos of a geo-holdout test (sorted), nil for a
	// national test. A geo test has no ScopeShare: its scope is its geos.
	Geos []string
}

// MeasureEnd returns the last day of the measurement window.
func (l LiftTest) MeasureEnd() civil.Date {
	if l.CooldownEnd != 0 {
		return l.CooldownEnd
	}
	return l.End
}

// TestTruth is a lift test's true lift, in the scope, over its measurement
// window, and the true incremental ROAS (Lift/Spend).
type TestTruth struct {
	ID       string  `json:"test_id"`
	Channel  string  `json:"channel"`
	Type     string  `json:"test_type"`
	Scope    float64 `json:"scope_share"`
	Spend    float64 `json:"spend"`
	Lift     float64 `json:"true_lift"`
	IROAS    float64 `json:"true_iroas"`
	Measured float64 `json:"measured"`
	SE       float64 `json:"se"`
	// Weeks are 0-based panel indices: treatment [StartWeek, EndWeek],
	// measurement to MeasureEndWeek.
	StartWeek      int `json:"start_week"`
	EndWeek        int `json:"end_week"`
	MeasureEndWeek int `json:"measure_end_week"`
	// Moved is the fraction r of the channel's spend the test moved in its
	// window and scope (1 for a full holdout).
	Moved float64 `json:"moved"`
	// MTAAttributed is the MTA credit of the spend the test moved: scope ×
	// r × the revenue MTA attributed to the channel in the treatment window
	// (start_date..end_date; attribution taken as proportional to spend).
	// IncrementalityFactor = Lift / MTAAttributed is the per-test factor of
	// design.md §4 without measurement noise. Both are null for offline
	// channels.
	MTAAttributed        *float64 `json:"mta_attributed"`
	IncrementalityFactor *float64 `json:"incrementality_factor"`
	// Geos are a geo test's treated geos; its Scope is then their share of
	// the channel's spend in the treatment window, and its MTAAttributed
	// the MTA credit of those geos alone.
	Geos []string `json:"geos,omitempty"`
}

// z values of two-sided intervals.
var zTwoSided = map[float64]float64{0.9: 1.6448536269514722, 0.95: 1.959963984540054}

// trueLift computes scope · Σ_{t=i..m} [C(hi)_t − C(lo)_t] where the spend
// of weeks i..j is removed (holdout: lo = x·(1−r) there) or added
// (heavy-up: hi = x·(1+r) there).
func trueLift(resp Response, x []float64, i, j, m int, r, scope float64, heavyUp bool) float64 {
	lo := append([]float64(nil), x...)
	hi := append([]float64(nil), x...)
	for t := i; t <= j; t++ {
		if heavyUp {
			hi[t] = x[t] * (1 + r)
		} else {
			lo[t] = x[t] * (1 - r)
		}
	}
	cl := make([]float64, len(x))
	ch := make([]float64, len(x))
	resp.Weekly(cl, lo)
	resp.Weekly(ch, hi)
	var s float64
	for t := i; t <= m; t++ {
		s += ch[t] - cl[t]
	}
	return scope * s
}

// TrueLift returns the true lift of a test record on this world, by the
// definition of design.md §3: r = Spend / (ScopeShare · Σ_window x), the
// window and measurement end taken from the record's dates. It fails when
// the channel is unknown or the dates are not inside the panel.
func (w *World) TrueLift(l LiftTest) (float64, error) {
	c := w.Channel(l.Channel)
	if c < 0 {
		return 0, fmt.Errorf("simulate: test %s: unknown channel %q", l.ID, l.Channel)
	}
	i, ok1 := w.week(l.Start)
	j, ok2 := w.week(l.End)
	m, ok3 := w.week(l.MeasureEnd())
	if !ok1 || !ok2 || !ok3 || j < i || m < j {
		return 0, fmt.Errorf("simulate: test %s: window %s..%s (measured to %s) not inside the panel", l.ID, l.Start, l.End, l.MeasureEnd())
	}
	if len(l.Geos) > 0 {
		return w.trueGeoLift(l, c, i, j, m)
	}
	x := w.Channels[c].Spend
	window := stat.Sum(x[i : j+1])
	if window == 0 || l.ScopeShare <= 0 {
		return 0, fmt.Errorf("simulate: test %s: no spend in the window or no scope", l.ID)
	}
	r := l.Spend / (l.ScopeShare * window)
	return trueLift(w.Channels[c].Response, x, i, j, m, r, l.ScopeShare, l.Type == "heavy_up"), nil
}

// week returns the index of the week containing day d.
func (w *World) week(d civil.Date) (int, bool) {
	if len(w.Dates) == 0 || d < w.Dates[0] {
		return 0, false
	}
	t := int(d-w.Dates[0]) / 7
	return t, t < len(w.Dates)
}

// drawLiftTests places n tests (default 3–5): the first on TV, the others
// on distinct channels in random order, each in a window where the channel
// spends every week, mostly in the last 18 months of the panel and now and
// then more than a year before its end.
func (w *World) drawLiftTests(rng *rand.Rand, n int) ([]LiftTest, []TestTruth, error) {
	if n == 0 {
		n = intBetween(rng, 3, 5)
	}
	order := []int{0}
	rest := rng.Perm(len(catalogue) - 1)
	for _, c := range rest {
		order = append(order, c+1)
	}
	var tests []LiftTest
	var truth []TestTruth
	heavyDone := false // at most one heavy-up test per world
	for _, c := range order {
		if len(tests) == n {
			break
		}
		ch := w.Channels[c]
		cool := 0
		if rng.Float64() < 0.5 {
			cool = intBetween(rng, 2, 4)
		}
		length := intBetween(rng, 3, 8)
		// Most tests are recent; now and then one is older than a year at
		// the panel's end (stale), as in a real test history.
		stale := len(tests) > 0 && rng.Float64() < 0.2
		starts, length := windowStarts(ch.Spend, length, cool, stale)
		if len(starts) == 0 {
			continue
		}
		i := starts[rng.IntN(len(starts))]
		j := i + length - 1
		m := j + cool
		k := len(tests)
		tt := TestTruth{
			ID: fmt.Sprintf("LT%02d", k+1), Channel: ch.Name, Type: "holdout",
			Scope: round2(uniform(rng, 0.1, 0.3)), Moved: 1,
			StartWeek: i, EndWeek: j, MeasureEndWeek: m,
		}
		window := stat.Sum(ch.Spend[i : j+1])
		heavy := !heavyDone && !ch.Offline && rng.Float64() < 0.3
		if heavy {
			heavyDone = true
			tt.Type = "heavy_up"
			tt.Moved = round2(uniform(rng, 0.5, 1))
		}
		tt.Spend = round2(tt.Scope * tt.Moved * window)
		tt.Lift = trueLift(ch.Response, ch.Spend, i, j, m, tt.Moved, tt.Scope, heavy)
		tt.IROAS = tt.Lift / tt.Spend
		tests = append(tests, w.record(rng, &tt))
		truth = append(truth, tt)
	}
	if len(tests) < n {
		return nil, nil, fmt.Errorf("simulate: seed %d: placed %d of %d lift tests", w.Options.Seed, len(tests), n)
	}
	return tests, truth, nil
}

// record returns the file record of the test tt, measured with noise, and
// notes the measurement in tt. A geo test's scope is its geos.
func (w *World) record(rng *rand.Rand, tt *TestTruth) LiftTest {
	l := LiftTest{ID: tt.ID, Channel: tt.Channel, Type: tt.Type, Start: w.Dates[tt.StartWeek],
		End: w.Dates[tt.EndWeek].AddDays(6), Spend: tt.Spend, Geos: tt.Geos}
	if tt.Geos == nil {
		l.ScopeShare = tt.Scope
	}
	measure(rng, &l, tt.Lift)
	if tt.MeasureEndWeek > tt.EndWeek {
		l.CooldownEnd = w.Dates[tt.MeasureEndWeek].AddDays(6)
	}
	tt.Measured, tt.SE = l.Incremental, l.SE
	return l
}

// windowStarts returns the weeks a test of length weeks (shortened down to
// 3 when none fits) followed by cool weeks of measurement may start at, in
// which x is positive every week: in the last 18 months of the panel, or
// more than a year before its end, the other range when none fits.
func windowStarts(x []float64, length, cool int, stale bool) ([]int, int) {
	T := len(x)
	for ; length >= 3; length-- {
		recent := [2]int{max(10, T-78), T - 2 - length - cool}
		old := [2]int{10, T - 56 - length - cool}
		ranges := [][2]int{recent, old}
		if stale {
			ranges[0], ranges[1] = old, recent
		}
		for _, r := range ranges {
			var starts []int
			for s := r[0]; s <= r[1]; s++ {
				if allPositive(x[s : s+length]) {
					starts = append(starts, s)
				}
			}
			if len(starts) > 0 {
				return starts, length
			}
		}
	}
	return nil, length
}

// measure gives l a noisy measurement of its true lift: a relative SE of
// 15–40%, reported as the SE or as a 90% or 95% interval.
func measure(rng *rand.Rand, l *LiftTest, lift float64) {
	relSE := uniform(rng, 0.15, 0.40)
	se := relSE * math.Abs(lift)
	l.Incremental = round2(lift + se*rng.NormFloat64())
	if rng.Float64() < 0.5 {
		l.SE = round2(se)
		return
	}
	l.Confidence = 0.9
	if rng.Float64() < 0.5 {
		l.Confidence = 0.95
	}
	z := zTwoSided[l.Confidence]
	l.CILower = round2(l.Incremental - z*se)
	l.CIUpper = round2(l.Incremental + z*se)
	l.SE = (l.CIUpper - l.CILower) / (2 * z)
}

func allPositive(x []float64) bool {
	for _, v := range x {
		if v <= 0 {
			return false
		}
	}
	return true
}
