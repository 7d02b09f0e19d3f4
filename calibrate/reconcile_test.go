package calibrate

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
)

// perWeek returns draws whose every period holds v[draw].
func perWeek(T int, v ...float64) [][]float64 {
	d := make([][]float64, len(v))
	for i, x := range v {
		d[i] = make([]float64, T)
		for t := range d[i] {
			d[i][t] = x
		}
	}
	return d
}

// fixture: four weeks straddling Q1/Q2 2024, tv (offline) and search (in
// MTA), four draws, interval level 0.5 so the bounds are the 25% and 75%
// type-7 quantiles.
func fixture() Input {
	d0 := civil.New(2024, time.March, 18)
	cal := Calendar{Calendar: civil.Calendar{StepDays: 7}, Channels: []string{"tv", "search"},
		Spend: [][]float64{{10, 10, 10, 10}, {20, 20, 20, 20}}}
	for t := range 4 {
		cal.Dates = append(cal.Dates, d0.AddDays(7*t))
	}
	tv := lift.Test{ID: "A", Channel: "tv", Start: civil.New(2024, time.April, 1), End: civil.New(2024, time.April, 14),
		Spend: 10, Incremental: 8, SE: 1, ScopeShare: 0.5, Include: true}
	se := lift.Test{ID: "B", Channel: "search", Start: d0, End: d0.AddDays(6),
		Spend: 2, Incremental: 1, SE: 0.5, ScopeShare: 0.2, Include: false}
	return Input{
		Level:    0.5,
		KPIName:  "revenue",
		Calendar: cal,
		KPI:      []float64{100, 100, 100, 100},
		Channels: []ChannelDraws{
			{MMM: perWeek(4, 1, 2, 3, 4), Calibrated: perWeek(4, 2, 2.5, 2.5, 3), RHat: 1.01, ESS: 800},
			{MMM: perWeek(4, 4, 5, 6, 7), Calibrated: perWeek(4, 5, 6, 7, 8), MTA: []float64{20, 20, 20, 20}, RHat: 1.1, ESS: 400},
		},
		Tests: []TestDraws{
			{Test: tv, MMM: []float64{1, 2, 3, 4}, Calibrated: []float64{6, 7, 7, 8}},
			{Test: se, MMM: []float64{0.5, 0.5, 1, 1}},
		},
		ResidualSD: 5,
	}
}

func assertInterval(t *testing.T, want Interval, got *Interval, msg string) {
	t.Helper()
	require.NotNil(t, got, msg)
	assert.InDelta(t, want.Mean, got.Mean, 1e-12, msg+" mean")
	assert.InDelta(t, want.Lo, got.Lo, 1e-12, msg+" lo")
	assert.InDelta(t, want.Hi, got.Hi, 1e-12, msg+" hi")
}

func TestQuarter(t *testing.T) {
	assert.Equal(t, "2024Q1", Quarter(civil.New(2024, time.March, 31)))
	assert.Equal(t, "2024Q2", Quarter(civil.New(2024, time.April, 1)))
	assert.Equal(t, "2023Q4", Quarter(civil.New(2023, time.December, 31)))
}

func TestReconcileChannels(t *testing.T) {
	r, err := Reconcile(fixture())
	require.NoError(t, err)
	require.Len(t, r.Channels, 2)
	tv, se := r.Channels[0], r.Channels[1]

	assert.Equal(t, 40.0, tv.Spend)
	assertInterval(t, Interval{Mean: 10, Lo: 7, Hi: 13}, &tv.MMM.Contribution, "tv MMM contribution")
	assertInterval(t, Interval{Mean: 0.25, Lo: 0.175, Hi: 0.325}, tv.MMM.ROI, "tv MMM ROI")
	assertInterval(t, Interval{Mean: 10, Lo: 9.5, Hi: 10.5}, &tv.Calibrated.Contribution, "tv calibrated contribution")
	assert.Nil(t, tv.MMM.CPIK, "revenue KPI")
	assert.Nil(t, tv.MTA, "offline")

	// search: calibrated totals 20, 24, 28, 32 against 80 attributed.
	require.NotNil(t, se.MTA)
	assert.Equal(t, 80.0, se.MTA.Attributed)
	assert.Equal(t, 1.0, *se.MTA.ROAS)
	assertInterval(t, Interval{Mean: 0.325, Lo: 0.2875, Hi: 0.3625}, se.MTA.IF, "search IF")

	require.Len(t, se.Quarters, 2)
	q1, q2 := se.Quarters[0], se.Quarters[1]
	assert.Equal(t, "2024Q1", q1.Quarter)
	assert.Equal(t, civil.New(2024, time.March, 18), q1.Start)
	assert.Equal(t, civil.New(2024, time.March, 31), q1.End)
	assert.Equal(t, "2024Q2", q2.Quarter)
	assert.Equal(t, civil.New(2024, time.April, 14), q2.End)
	assert.Equal(t, 40.0, q1.Spend)
	assertInterval(t, Interval{Mean: 11, Lo: 9.5, Hi: 12.5}, &q1.MMM, "search Q1 MMM")
	assertInterval(t, Interval{Mean: 13, Lo: 11.5, Hi: 14.5}, q1.Calibrated, "search Q1 calibrated")
	assert.Equal(t, 40.0, *q1.MTAAttributed)
	assertInterval(t, Interval{Mean: 0.325, Lo: 0.2875, Hi: 0.3625}, q1.IF, "search Q1 IF")
	assert.Nil(t, tv.Quarters[0].IF, "no IF without MTA")
	assert.Nil(t, tv.Quarters[0].MTAAttributed)
}

func TestReconcileExperiments(t *testing.T) {
	r, err := Reconcile(fixture())
	require.NoError(t, err)
	require.Len(t, r.Experiments, 2)
	a, b := r.Experiments[0], r.Experiments[1]

	zq := distuv.UnitNormal.Quantile(0.75)
	assertInterval(t, Interval{Mean: 0.8, Lo: 0.8 - zq*0.1, Hi: 0.8 + zq*0.1}, &a.Measured, "measured iROAS")
	assertInterval(t, Interval{Mean: 0.25, Lo: 0.175, Hi: 0.325}, a.MMM, "MMM iROAS")
	assertInterval(t, Interval{Mean: 0.7, Lo: 0.675, Hi: 0.725}, a.Calibrated, "calibrated iROAS")
	// z = (8 − 2.5) / sqrt(1 + var(1,2,3,4)) with var = 5/3.
	require.NotNil(t, a.Z)
	assert.InDelta(t, 5.5/math.Sqrt(1+5.0/3), *a.Z, 1e-12)
	assert.True(t, a.Disagrees)
	assert.Nil(t, a.IF, "tv is not in MTA")
	assert.True(t, a.Used)
	assert.Equal(t, "holdout", a.Type)
	assert.Equal(t, 0.0, a.AgeWeeks)

	assert.False(t, b.Used)
	assert.Nil(t, b.Calibrated)
	// z = (1 − 0.75) / sqrt(0.25 + 1/12).
	assert.InDelta(t, 0.25/math.Sqrt(0.25+1.0/12), *b.Z, 1e-12)
	assert.False(t, b.Disagrees)
	// IF = 1 / (20 attributed in week 0 × 0.2 scope).
	require.NotNil(t, b.IF)
	assert.InDelta(t, 0.25, *b.IF, 1e-12)
	assert.InDelta(t, 3, b.AgeWeeks, 1e-12)
}

func TestIFBase(t *testing.T) {
	cal := weekly()
	mta := make([]float64, cal.Periods())
	for i := range mta {
		mta[i] = 70 * float64(i+1)
	}
	// Wednesday of week 1 to Tuesday of week 3: 5/7·140 + 210 + 2/7·280.
	tt := holdout("search", day(1, 10), day(1, 23), 60, 0.5)
	got, err := IFBase(tt, cal, 1, mta)
	require.NoError(t, err)
	assert.InDelta(t, 0.5*(100+210+80), got, 1e-12)
	// A heavy-up: MTA's ROAS in the window times the added spend.
	tt.Type = lift.HeavyUp
	got, err = IFBase(tt, cal, 1, mta)
	require.NoError(t, err)
	assert.InDelta(t, 390.0/(5.0/7*200+300+2.0/7*400)*60, got, 1e-12)
	_, err = IFBase(tt, cal, 1, mta[:3])
	assert.Error(t, err)
}

func TestReconcileFlags(t *testing.T) {
	r, err := Reconcile(fixture())
	require.NoError(t, err)
	codes := func(c ChannelResult) []FlagCode {
		var s []FlagCode
		for _, f := range c.Flags {
			s = append(s, f.Code)
		}
		return s
	}
	assert.Equal(t, []FlagCode{FlagExperimentDisagrees}, codes(r.Channels[0]))
	d := r.Channels[0].Flags[0].Disagreements
	require.Len(t, d, 1)
	assert.Equal(t, "A", d[0].TestID)
	assert.InDelta(t, 0.8, d[0].Measured, 1e-12)
	assert.InDelta(t, 0.25, d[0].MMM, 1e-12)
	assert.Equal(t, []FlagCode{FlagMTAOverclaims, FlagUntested, FlagPoorConvergence}, codes(r.Channels[1]))
	assert.InDelta(t, 3.08, 1/r.Channels[1].Flags[0].IF.Mean, 0.005)
	assert.Equal(t, 1, r.Channels[1].Flags[1].Excluded)

	// Underclaiming MTA, a stale test, a low ESS.
	in := fixture()
	in.Channels[1].MTA = []float64{2, 2, 2, 2}
	in.Channels[1].RHat, in.Channels[1].ESS = 1.0, 50
	in.Tests[1].Test.Include = true
	in.HalfLifeWeeks = 2
	r, err = Reconcile(in)
	require.NoError(t, err)
	assert.Equal(t, []FlagCode{FlagMTAUnderclaims, FlagStaleTest, FlagPoorConvergence}, codes(r.Channels[1]))
	assert.InDelta(t, 31, 100/r.Channels[1].Flags[0].IF.Mean, 0.5)
	st := r.Channels[1].Flags[1]
	assert.Equal(t, 2.0, st.HalfLifeWeeks)
	assert.Greater(t, st.AgeWeeks, st.HalfLifeWeeks)
	assert.Equal(t, in.Calendar.End(), st.AsOf)
	assert.Equal(t, 50.0, r.Channels[1].Flags[2].ESS)
	assert.Equal(t, "mta_underclaims", FlagMTAUnderclaims.String())
}

func TestReconcileHeader(t *testing.T) {
	r, err := Reconcile(fixture())
	require.NoError(t, err)
	h := r.Header
	assert.Equal(t, 400.0, h.TotalKPI)
	assert.Equal(t, 80.0, h.MTAAttributed)
	// Media per draw 28, 34, 38, 44.
	assertInterval(t, Interval{Mean: 36, Lo: 32.5, Hi: 39.5}, &h.MediaContribution, "media")
	assertInterval(t, Interval{Mean: 0.91, Lo: 1 - 39.5/400, Hi: 1 - 32.5/400}, h.BaselineShare, "baseline share")
	// 80 / (20, 24, 28, 32), over the channels MTA sees only.
	over := []float64{4, 80.0 / 24, 80.0 / 28, 2.5}
	assertInterval(t, *interval(over, 0.5), h.OverClaim, "over-claim")
	assert.InDelta(t, (4+80.0/24+80.0/28+2.5)/4, h.OverClaim.Mean, 1e-12)

	for _, none := range [][]float64{nil, {0, 0, 0, 0}} {
		in := fixture()
		in.Channels[1].MTA = none
		r, err = Reconcile(in)
		require.NoError(t, err)
		assert.Nil(t, r.Header.OverClaim)
		assert.Zero(t, r.Header.MTAAttributed)
		assert.Nil(t, r.Channels[1].MTA, "all-zero attribution: MTA does not see the channel")
		assert.Equal(t, none, in.Channels[1].MTA, "input untouched")
	}
}

func TestReconcileWithoutCalibration(t *testing.T) {
	in := fixture()
	for c := range in.Channels {
		in.Channels[c].Calibrated = nil
	}
	for k := range in.Tests {
		in.Tests[k].Calibrated = nil
		in.Tests[k].Test.Include = false
	}
	r, err := Reconcile(in)
	require.NoError(t, err)
	assert.Nil(t, r.Channels[0].Calibrated)
	// IF against the MMM alone: 16, 20, 24, 28 over 80.
	assertInterval(t, Interval{Mean: 0.275, Lo: 0.2375, Hi: 0.3125}, r.Channels[1].MTA.IF, "IF from MMM")
}

func TestReconcileCount(t *testing.T) {
	in := fixture()
	in.KPIType = mmm.Count
	in.KPIName = "orders"
	r, err := Reconcile(in)
	require.NoError(t, err)
	// tv MMM: 40 / (4, 8, 12, 16) = 10, 5, 3.33, 2.5.
	want := interval([]float64{10, 5, 40.0 / 12, 2.5}, 0.5)
	assertInterval(t, *want, r.Channels[0].MMM.CPIK, "CPIK")
	assertInterval(t, Interval{Mean: 5.208333333333333, Lo: 3.125, Hi: 6.25}, r.Channels[0].MMM.CPIK, "CPIK interval")

	// Too many non-positive draws: no CPIK rather than a biased one.
	in.Channels[0].MMM = perWeek(4, -1, 0, 3, 4)
	r, err = Reconcile(in)
	require.NoError(t, err)
	assert.Nil(t, r.Channels[0].MMM.CPIK)
}

func TestReconcileErrors(t *testing.T) {
	cases := map[string]func(*Input){
		"kpi length":         func(in *Input) { in.KPI = in.KPI[:3] },
		"channel count":      func(in *Input) { in.Channels = in.Channels[:1] },
		"no draws":           func(in *Input) { in.Channels[0].MMM = nil },
		"draw count":         func(in *Input) { in.Channels[1].MMM = in.Channels[1].MMM[:3] },
		"draw length":        func(in *Input) { in.Channels[1].Calibrated[2] = []float64{1} },
		"partial calibrated": func(in *Input) { in.Channels[1].Calibrated = nil },
		"mta length":         func(in *Input) { in.Channels[1].MTA = []float64{1} },
		"unknown channel":    func(in *Input) { in.Tests[0].Test.Channel = "radio" },
		"bad spend":          func(in *Input) { in.Tests[0].Test.Spend = -1 },
	}
	for name, mod := range cases {
		t.Run(name, func(t *testing.T) {
			in := fixture()
			mod(&in)
			_, err := Reconcile(in)
			assert.Error(t, err)
		})
	}
}

func TestDesignTest(t *testing.T) {
	// Without carryover SE(ROI) = σ·sqrt(n·h/(1−h)) / (h·n·spend)
	// = 0.5 / sqrt(n·h·(1−h)) for σ = 50, spend = 100.
	d, ok := DesignTest(100, 2, 50, 0.4, nil, 7, DesignOptions{})
	require.True(t, ok)
	// Cheapest reaching 0.4: h = .2, n = 10 (h·n = 2; h = .3 needs 8 weeks,
	// h = .5 needs 7, h = .1 none within 12).
	assert.Equal(t, 0.2, d.HoldoutShare)
	assert.Equal(t, 10, d.Weeks)
	assert.Equal(t, 0, d.CooldownWeeks)
	assert.True(t, d.Reaches)
	assert.InDelta(t, 0.5/math.Sqrt(10*0.16), d.ExpectedSE, 1e-12)
	assert.InDelta(t, 0.2*10*100*2, d.ExpectedLift, 1e-9)

	// Out of reach: the most precise design, h = .5 for 12 weeks.
	d, ok = DesignTest(100, 2, 50, 0.1, nil, 7, DesignOptions{})
	require.True(t, ok)
	assert.False(t, d.Reaches)
	assert.Equal(t, 0.5, d.HoldoutShare)
	assert.Equal(t, 12, d.Weeks)
	assert.InDelta(t, 0.5/math.Sqrt(3), d.ExpectedSE, 1e-12)

	// Carryover over two periods: one cooldown week, measured over n+1
	// weeks, all of the effect captured.
	d, ok = DesignTest(100, 2, 50, 0.42, []float64{1, 1}, 7, DesignOptions{})
	require.True(t, ok)
	assert.Equal(t, 1, d.CooldownWeeks)
	assert.Equal(t, 0.2, d.HoldoutShare)
	assert.Equal(t, 10, d.Weeks)
	assert.InDelta(t, 50*math.Sqrt(11*0.25)/(0.2*10*100), d.ExpectedSE, 1e-12)

	// Daily data with the same weekly spend and independent daily noise
	// give the same weekly answer.
	dd, ok := DesignTest(100.0/7, 2, 50/math.Sqrt(7), 0.4, nil, 1, DesignOptions{})
	require.True(t, ok)
	assert.Equal(t, 10, dd.Weeks)
	assert.InDelta(t, 0.5/math.Sqrt(10*0.16), dd.ExpectedSE, 1e-12)

	_, ok = DesignTest(0, 2, 50, 0.4, nil, 7, DesignOptions{})
	assert.False(t, ok)
	_, ok = DesignTest(100, 2, 0, 0.4, nil, 7, DesignOptions{})
	assert.False(t, ok)
}

func TestReconcileTestNext(t *testing.T) {
	r, err := Reconcile(fixture())
	require.NoError(t, err)
	require.Len(t, r.TestNext, 2)
	s, tv := r.TestNext[0], r.TestNext[1]
	assert.Equal(t, "search", s.Channel, "untested and larger: first")
	assert.Equal(t, 1, s.Rank)
	// search ROI .25, .3, .35, .4 (SD sqrt(.0125/3)) on 80 spend, doubled.
	sd := math.Sqrt(0.0125 / 3)
	assert.InDelta(t, sd, s.ROISD, 1e-12)
	assert.InDelta(t, 80*sd*2, s.Score, 1e-12)
	assert.Equal(t, FlagUntested, s.Boost)
	assert.Equal(t, 80.0, s.Spend)
	// Target: max(0.5·SD, 0.2·0.325).
	assert.InDelta(t, 0.065, s.TargetSE, 1e-12)
	want, ok := DesignTest(20, 0.325, 5, 0.065, nil, 7, DesignOptions{})
	require.True(t, ok)
	assert.Equal(t, want, s.Design)

	assert.Equal(t, "tv", tv.Channel)
	assert.InDelta(t, 40*math.Sqrt(0.005/3), tv.Score, 1e-12)
}

func TestRecentSpend(t *testing.T) {
	x := []float64{5, 5, 0, 0, 10, 0, 20}
	assert.Equal(t, 15.0, recentSpend(x, 7, 3))
	assert.Equal(t, 5.0, recentSpend([]float64{5, 5, 0, 0}, 7, 2), "falls back to the whole panel")
	assert.Equal(t, 0.0, recentSpend([]float64{0, 0}, 7, 2))
}

// Results must encode as JSON (which rejects NaN and Inf) also in the
// degenerate cases: a channel without spend, a quarter without
// attribution, non-finite draws.
func TestReconcileJSONFinite(t *testing.T) {
	in := fixture()
	in.Calendar.Spend[0] = []float64{0, 0, 0, 0}
	in.Tests = in.Tests[1:]
	in.Channels[1].MTA = []float64{0, 0, 5, 5}
	in.Channels[1].MMM[2][1] = math.NaN()
	in.Channels[1].RHat, in.Channels[1].ESS = math.NaN(), math.NaN()
	r, err := Reconcile(in)
	require.NoError(t, err)
	assert.Nil(t, r.Channels[0].MMM.ROI)
	assert.Nil(t, r.Channels[1].Quarters[0].IF)
	require.Len(t, r.TestNext, 1, "no ranking without spend")
	_, err = json.Marshal(r)
	require.NoError(t, err)
}
