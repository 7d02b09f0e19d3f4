package calibrate

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// A test on tv over weeks 17–18 (the panel ends 2024-05-19), 20% of the
// business, all of its spend (0.2·200) withheld, 60 ± 15 measured.
func recentTest() lift.Test {
	return lift.Test{ID: "k", Channel: "tv", Start: day(4, 29), End: day(5, 12), Spend: 40,
		Incremental: 60, SE: 15, ScopeShare: 0.2, Include: true}
}

func TestROIPriorSingle(t *testing.T) {
	cal := weekly()
	priors, notes, err := ROIPriors([]lift.Test{recentTest()}, cal, nil, PriorOptions{})
	require.NoError(t, err)
	require.Len(t, notes, 1)
	n := notes[0]
	assert.InDelta(t, 1.5, n.IROAS, 1e-12)
	assert.Equal(t, 1.0, n.Capture)
	assert.InDelta(t, 1.5, n.ROI, 1e-12)
	s0 := math.Sqrt(math.Log(1 + 0.25*0.25))
	assert.InDelta(t, s0, n.Sigma0, 1e-12)
	assert.InDelta(t, 0, n.Mismatch, 1e-12)
	assert.Equal(t, 1.0, n.Duration)
	assert.InDelta(t, 1.0, n.AgeWeeks, 1e-12) // ends a week before the panel
	assert.InDelta(t, math.Exp2(1.0/52), n.Age, 1e-12)
	want := mmm.LogNormal{Mu: math.Log(1.5) - s0*s0/2, Sigma: s0 * math.Exp2(1.0/52)}
	assert.InDelta(t, want.Mu, priors[0].Mu, 1e-12)
	assert.InDelta(t, want.Sigma, priors[0].Sigma, 1e-12)
	_, ok := priors[1]
	assert.False(t, ok, "untested channels keep their default prior")
}

// Before inflation the prior is the moment-matched LogNormal of the
// measurement: mean = iROAS, SD = SE/spend (gonum as the oracle).
func TestROIPriorMomentMatch(t *testing.T) {
	cal := weekly()
	tt := recentTest()
	tt.End, tt.Start = cal.End(), cal.End().AddDays(-13) // age 0
	_, notes, err := ROIPriors([]lift.Test{tt}, cal, nil, PriorOptions{})
	require.NoError(t, err)
	p := notes[0].Prior
	d := distuv.LogNormal{Mu: p.Mu, Sigma: p.Sigma}
	assert.InDelta(t, 1.5, d.Mean(), 1e-12)
	assert.InDelta(t, 15.0/40, d.StdDev(), 1e-12)
}

func TestROIPriorInflation(t *testing.T) {
	cal := weekly()
	w := geometric(0.5, 8) // carryover 4 periods
	tt := recentTest()
	tt.Spend = 48 // 20% more than the scope's panel spend
	tt.Incremental = 72
	tt.SE = 18
	tt.End = cal.End() // two weeks ending at the panel's end: age 0
	tt.Start = cal.End().AddDays(-13)
	_, notes, err := ROIPriors([]lift.Test{tt}, cal, func(int) []float64 { return w }, PriorOptions{})
	require.NoError(t, err)
	n := notes[0]
	assert.InDelta(t, 0.2, n.Mismatch, 1e-12)
	assert.InDelta(t, math.Sqrt(2), n.Duration, 1e-12, "L_eff 4 over 2 periods")
	assert.Equal(t, 1.0, n.Age)
	// p for n = m = 2 under α = .5, L = 8.
	p := CaptureShare(w, ones(2), ones(2))
	assert.InDelta(t, (1+1+0.5)/(2*stat.Sum(w)), p, 1e-12)
	assert.InDelta(t, p, n.Capture, 1e-12)
	assert.InDelta(t, 1.5/p, n.ROI, 1e-12)
	assert.InDelta(t, n.Sigma0*1.2*math.Sqrt(2), n.Prior.Sigma, 1e-12)

	// Heavy-ups are not compared with the panel's spend, and measure a
	// marginal return: doubled spread.
	tt.Type = lift.HeavyUp
	_, notes, err = ROIPriors([]lift.Test{tt}, cal, func(int) []float64 { return w }, PriorOptions{})
	require.NoError(t, err)
	assert.Equal(t, 0.0, notes[0].Mismatch)
	assert.Equal(t, 2.0, notes[0].HeavyUp)
	assert.InDelta(t, n.Sigma0*2*math.Sqrt(2), notes[0].Prior.Sigma, 1e-12)
}

func TestROIPriorAgeDoublesAtHalfLife(t *testing.T) {
	cal := weekly()
	fresh, old := recentTest(), recentTest()
	fresh.End = cal.End()
	fresh.Start = fresh.End.AddDays(-13)
	old.End = cal.End().AddDays(-7 * 8)
	old.Start = old.End.AddDays(-13)
	opts := PriorOptions{HalfLifeWeeks: 8}
	_, notes, err := ROIPriors([]lift.Test{fresh, old}, cal, nil, opts)
	require.NoError(t, err)
	assert.InDelta(t, 8, notes[1].AgeWeeks, 1e-12)
	assert.InDelta(t, 2, notes[1].Age, 1e-12)
	assert.InDelta(t, 2*notes[0].Prior.Sigma, notes[1].Prior.Sigma, 1e-12)
	assert.InDelta(t, notes[0].Prior.Mu, notes[1].Prior.Mu, 1e-12, "age widens, it does not move the centre")
}

func TestROIPriorFloor(t *testing.T) {
	cal := weekly()
	tt := recentTest()
	tt.Incremental = -20 // below SE/2 = 7.5
	_, notes, err := ROIPriors([]lift.Test{tt}, cal, nil, PriorOptions{})
	require.NoError(t, err)
	n := notes[0]
	assert.True(t, n.Floored)
	assert.InDelta(t, -0.5, n.IROAS, 1e-12)
	assert.InDelta(t, 7.5/40, n.ROI, 1e-12)
	assert.InDelta(t, math.Sqrt(math.Log(5)), n.Sigma0, 1e-12)
}

func TestCombineLogNormal(t *testing.T) {
	got := CombineLogNormal([]mmm.LogNormal{{Mu: 0, Sigma: 1}, {Mu: 1, Sigma: 0.5}})
	assert.InDelta(t, 0.8, got.Mu, 1e-14) // (0·1 + 1·4) / 5
	assert.InDelta(t, 1/math.Sqrt(5), got.Sigma, 1e-14)
	assert.Equal(t, mmm.LogNormal{Mu: 2, Sigma: 0.3}, CombineLogNormal([]mmm.LogNormal{{Mu: 2, Sigma: 0.3}}))
	assert.Equal(t, mmm.LogNormal{}, CombineLogNormal(nil))
	// Order does not matter, to the bit.
	a := []mmm.LogNormal{{Mu: 0.1, Sigma: 0.3}, {Mu: 0.7, Sigma: 0.2}, {Mu: -0.4, Sigma: 0.9}}
	b := []mmm.LogNormal{a[2], a[0], a[1]}
	assert.Equal(t, CombineLogNormal(a), CombineLogNormal(b))
}

func TestROIPriorsCombinePerChannel(t *testing.T) {
	cal := weekly()
	a, b, c := recentTest(), recentTest(), recentTest()
	b.ID, b.Incremental, b.SE = "b", 100, 40
	c.ID, c.Channel, c.Spend = "c", "search", 0.2*(1800+1900)
	d := recentTest()
	d.ID, d.Include = "d", false
	priors, notes, err := ROIPriors([]lift.Test{a, b, c, d}, cal, nil, PriorOptions{})
	require.NoError(t, err)
	require.Len(t, notes, 3, "excluded tests make no prior")
	assert.Equal(t, CombineLogNormal([]mmm.LogNormal{notes[0].Prior, notes[1].Prior}), priors[0])
	assert.Equal(t, notes[2].Prior, priors[1])

	bad := recentTest()
	bad.Channel = "radio"
	_, _, err = ROIPriors([]lift.Test{bad}, cal, nil, PriorOptions{})
	assert.ErrorContains(t, err, `unknown channel "radio"`)
	bad = recentTest()
	bad.End = day(time.December, 1)
	_, _, err = ROIPriors([]lift.Test{bad}, cal, nil, PriorOptions{})
	assert.ErrorContains(t, err, "outside the panel")
}

// With a base prior a test only adds information: the combined prior is
// never wider than the base, however inflated the test, it sits between
// base and test on the log scale, and a precise test pulls it most of the
// way to the test. The product of the two Normal densities on log ROI
// (normalised numerically) is the oracle.
func TestROIPriorNeverLoosensBase(t *testing.T) {
	cal := weekly()
	base := []mmm.LogNormal{{Mu: 0.2, Sigma: 0.9}, {Mu: 0.2, Sigma: 0.9}}
	for _, tc := range []struct {
		name     string
		se       int
		halfLife float64
	}{{"stale and noisy", 40, 4}, {"recent and precise", 3, 52}} {
		tt := recentTest()
		tt.SE = float64(tc.se)
		tt.Start, tt.End = cal.Dates[2], cal.Dates[3].AddDays(6)
		if tc.se == 3 {
			tt.End = cal.End()
			tt.Start = tt.End.AddDays(-13)
		}
		alone, notesAlone, err := ROIPriors([]lift.Test{tt}, cal, nil, PriorOptions{HalfLifeWeeks: tc.halfLife})
		require.NoError(t, err)
		got, _, err := ROIPriors([]lift.Test{tt}, cal, nil, PriorOptions{HalfLifeWeeks: tc.halfLife, Base: base})
		require.NoError(t, err)
		ev, p := alone[0], got[0]
		require.Equal(t, notesAlone[0].Prior, ev)
		assert.LessOrEqual(t, p.Sigma, base[0].Sigma, tc.name)
		assert.LessOrEqual(t, p.Sigma, ev.Sigma, tc.name)
		lo, hi := math.Min(ev.Mu, base[0].Mu), math.Max(ev.Mu, base[0].Mu)
		assert.True(t, p.Mu >= lo && p.Mu <= hi, "%s: μ %g between %g and %g", tc.name, p.Mu, lo, hi)
		// Oracle: mean and SD of exp(−(u−μb)²/2σb²)·exp(−(u−μt)²/2σt²) on a grid.
		var z, m1, m2 float64
		for u := -10.0; u <= 10; u += 1e-4 {
			w := distuv.Normal{Mu: base[0].Mu, Sigma: base[0].Sigma}.Prob(u) * distuv.Normal{Mu: ev.Mu, Sigma: ev.Sigma}.Prob(u)
			z += w
			m1 += w * u
			m2 += w * u * u
		}
		mean := m1 / z
		assert.InDelta(t, mean, p.Mu, 1e-6, tc.name)
		assert.InDelta(t, math.Sqrt(m2/z-mean*mean), p.Sigma, 1e-6, tc.name)
		if tc.se == 3 {
			assert.Less(t, math.Abs(p.Mu-ev.Mu), 0.1*math.Abs(base[0].Mu-ev.Mu), "a precise test dominates")
		} else {
			assert.Greater(t, ev.Sigma, 2.0, "the stale, noisy test alone is wider than the base")
		}
	}
	_, ok := func() (mmm.LogNormal, bool) {
		got, _, _ := ROIPriors([]lift.Test{recentTest()}, cal, nil, PriorOptions{Base: base})
		p, ok := got[1]
		return p, ok
	}()
	assert.False(t, ok, "untested channels are not in the map")
	_, _, err := ROIPriors([]lift.Test{recentTest()}, cal, nil, PriorOptions{Base: base[:0]})
	assert.Error(t, err, "a base that misses the tested channel")
}
