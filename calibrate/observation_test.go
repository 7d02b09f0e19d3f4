package calibrate

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
)

// weekly returns a 20-week calendar starting Monday 2024-01-01 with tv at
// 100 a week and search at 100·(t+1).
func weekly() Calendar {
	n := 20
	cal := Calendar{Calendar: civil.Calendar{StepDays: 7}, Channels: []string{"tv", "search"}, Spend: [][]float64{make([]float64, n), make([]float64, n)}}
	d0 := civil.New(2024, time.January, 1)
	for t := range n {
		cal.Dates = append(cal.Dates, d0.AddDays(7*t))
		cal.Spend[0][t] = 100
		cal.Spend[1][t] = 100 * float64(t+1)
	}
	return cal
}

func day(m time.Month, d int) civil.Date { return civil.New(2024, m, d) }

func holdout(ch string, start, end civil.Date, spend, scope float64) lift.Test {
	return lift.Test{ID: "t1", Channel: ch, Start: start, End: end, Spend: spend, Incremental: 50, SE: 10, ScopeShare: scope, Include: true}
}

func TestObservationWholeWeeks(t *testing.T) {
	cal := weekly()
	// Weeks 1–3 of tv, a 20% geo holdout of all of its spend there.
	tt := holdout("tv", day(1, 8), day(1, 28), 0.2*300, 0.2)
	o, warns, err := Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.Empty(t, warns)
	assert.Equal(t, 1, o.Start)
	assert.InDeltaSlice(t, []float64{1, 1, 1}, o.Moved, 1e-12)
	assert.InDeltaSlice(t, []float64{1, 1, 1}, o.Measure, 1e-12)
	assert.False(t, o.HeavyUp)
	assert.Equal(t, 0.2, o.Scope)
	assert.Equal(t, 50.0, o.Measured)
	assert.Equal(t, 10.0, o.SD)
}

func TestObservationPartialWeeks(t *testing.T) {
	cal := weekly()
	// Wednesday of week 1 to Tuesday of week 3 on search (spend 200, 300,
	// 400 in weeks 1, 2, 3): day shares 5/7, 1, 2/7.
	tt := holdout("search", day(1, 10), day(1, 23), 60, 0.5)
	o, _, err := Observation(tt, cal, 1)
	require.NoError(t, err)
	base := 5.0/7*200 + 300 + 2.0/7*400 // = 557.142857...
	r := 60 / (0.5 * base)
	assert.InDelta(t, 0.21538461538461537, r, 1e-12, "hand value 60/(0.5·3900/7)")
	assert.Equal(t, 1, o.Start)
	assert.InDeltaSlice(t, []float64{r * 5 / 7, r, r * 2 / 7}, o.Moved, 1e-12)
	assert.InDeltaSlice(t, []float64{5.0 / 7, 1, 2.0 / 7}, o.Measure, 1e-12)
}

func TestObservationPartialShareOfSpend(t *testing.T) {
	cal := weekly()
	// Half the business, 30 of its 100 of tv spend over weeks 0–1 withheld.
	tt := holdout("tv", day(1, 1), day(1, 14), 30, 0.5)
	o, warns, err := Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.Empty(t, warns)
	assert.Equal(t, 0, o.Start)
	assert.InDeltaSlice(t, []float64{0.3, 0.3}, o.Moved, 1e-12)
}

func TestObservationHoldoutClamp(t *testing.T) {
	cal := weekly()
	// 5% more than the scope spent: clamped silently.
	o, warns, err := Observation(holdout("tv", day(1, 1), day(1, 14), 1.05*0.5*200, 0.5), cal, 0)
	require.NoError(t, err)
	assert.Empty(t, warns)
	assert.InDeltaSlice(t, []float64{1, 1}, o.Moved, 1e-12)
	// 50% more: clamped with a warning naming the mismatch.
	o, warns, err = Observation(holdout("tv", day(1, 1), day(1, 14), 1.5*0.5*200, 0.5), cal, 0)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1, 1}, o.Moved, 1e-12)
	require.Len(t, warns, 1)
	assert.Contains(t, warns[0], "lift test t1")
	assert.Contains(t, warns[0], "50% above")
}

func TestObservationHeavyUp(t *testing.T) {
	cal := weekly()
	tt := holdout("tv", day(1, 1), day(1, 14), 300, 0.5) // 3× the scope's spend added
	tt.Type = lift.HeavyUp
	o, warns, err := Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.Empty(t, warns, "adding more than the base spend is a valid heavy-up")
	assert.True(t, o.HeavyUp)
	assert.InDeltaSlice(t, []float64{3, 3}, o.Moved, 1e-12)

	tt.Type = lift.ConversionLift
	tt.Spend = 100
	o, _, err = Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.False(t, o.HeavyUp, "conversion-lift tests are holdouts")
	assert.InDeltaSlice(t, []float64{1, 1}, o.Moved, 1e-12)
}

func TestObservationBaseSpend(t *testing.T) {
	cal := weekly()
	tt := holdout("tv", day(1, 1), day(1, 14), 30, 0.5)
	tt.BaseSpend = 120 // the test's own account: a quarter of the scope's spend
	o, _, err := Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.25, 0.25}, o.Moved, 1e-12)
}

func TestObservationCooldown(t *testing.T) {
	cal := weekly()
	tt := holdout("tv", day(1, 8), day(1, 21), 0.2*200, 0.2)
	tt.CooldownEnd = day(2, 7) // two more weeks and three days
	o, _, err := Observation(tt, cal, 0)
	require.NoError(t, err)
	assert.Equal(t, 1, o.Start)
	assert.InDeltaSlice(t, []float64{1, 1}, o.Moved, 1e-12)
	assert.InDeltaSlice(t, []float64{1, 1, 1, 1, 3.0 / 7}, o.Measure, 1e-12)
}

func TestObservationErrors(t *testing.T) {
	cal := weekly()
	cases := map[string]struct {
		t   lift.Test
		ch  int
		msg string
	}{
		"before panel": {holdout("tv", day(1, 1).AddDays(-7), day(1, 14), 10, 1), 0, "outside the panel"},
		"after panel":  {holdout("tv", day(5, 1), day(6, 1), 10, 1), 0, "outside the panel"},
		"cooldown after": {func() lift.Test {
			x := holdout("tv", day(5, 6), day(5, 12), 10, 1)
			x.CooldownEnd = day(6, 30)
			return x
		}(), 0, "measurement window"},
		"bad index":      {holdout("tv", day(1, 1), day(1, 14), 10, 1), 5, "out of range"},
		"wrong channel":  {holdout("tv", day(1, 1), day(1, 14), 10, 1), 1, `not "search"`},
		"zero scope":     {holdout("tv", day(1, 1), day(1, 14), 10, 0), 0, "scope share"},
		"negative spend": {holdout("tv", day(1, 1), day(1, 14), -1, 1), 0, "spend -1"},
		"end before":     {holdout("tv", day(1, 14), day(1, 1), 10, 1), 0, "ends before"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := Observation(c.t, cal, c.ch)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "lift test t1")
			assert.Contains(t, err.Error(), c.msg)
		})
	}
	cal.Spend[0][3] = 0
	_, _, err := Observation(holdout("tv", day(1, 22), day(1, 28), 10, 1), cal, 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no tv spend")
}

func TestObservations(t *testing.T) {
	cal := weekly()
	a := holdout("tv", day(1, 8), day(1, 28), 60, 0.2)
	b := holdout("search", day(1, 8), day(1, 28), 90, 0.1)
	b.ID, b.Include = "t2", false
	c := holdout("search", day(2, 5), day(2, 18), 0.1*(600+700), 0.1)
	c.ID = "t3"
	tests := []lift.Test{a, b, c}
	obs, ok, warns := Observations(tests, cal)
	assert.Empty(t, warns)
	assert.Equal(t, []bool{true, true, true}, ok)
	require.Len(t, obs, 3)
	assert.Equal(t, 1, obs[2].Channel)
	assert.Equal(t, 5, obs[2].Start)
	lifts := Lifts(tests, obs, ok)
	assert.Equal(t, []mmm.LiftObs{obs[0], obs[2]}, lifts, "t2 is not included")

	c.Channel = "radio"
	a.Start, a.End = day(12, 1), day(12, 14) // after the panel
	tests = []lift.Test{a, b, c}
	obs, ok, warns = Observations(tests, cal)
	assert.Equal(t, []bool{false, true, false}, ok)
	require.Len(t, warns, 2)
	assert.Contains(t, warns[0], "lift test "+a.ID+" cannot be predicted by the model: ")
	assert.Contains(t, warns[1], "lift test t3 cannot be predicted by the model: ")
	assert.Contains(t, warns[1], `unknown channel "radio"`)
	assert.Empty(t, Lifts(tests, obs, ok))
}

// A test that states no spend (an organic channel switched off) is a full
// holdout of the channel in its scope over the window.
func TestObservationZeroSpendIsFullHoldout(t *testing.T) {
	o, warns, err := Observation(holdout("tv", day(1, 8), day(1, 21), 0, 0.3), weekly(), 0)
	require.NoError(t, err)
	assert.Empty(t, warns)
	assert.Equal(t, 0.3, o.Scope)
	assert.InDeltaSlice(t, []float64{1, 1}, o.Moved, 1e-12)
}
