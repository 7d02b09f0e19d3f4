package lift

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

// grid is a regular panel: period t covers start + t·step .. + step − 1.
type grid struct {
	start    civil.Date
	step     int
	channels []string
	spend    [][]float64 // [channel][t]
}

func (g grid) Channel(name string) (int, bool) {
	for c, n := range g.channels {
		if n == name {
			return c, true
		}
	}
	return 0, false
}

func (g grid) n() int { return len(g.spend[0]) }

func (g grid) Index(d civil.Date) (int, bool) {
	if d < g.start {
		return 0, false
	}
	t := int(d-g.start) / g.step
	return t, t < g.n()
}

func (g grid) End() civil.Date { return g.start.AddDays(g.n()*g.step - 1) }

// SpendBetween spreads each period's spend evenly over its days.
func (g grid) SpendBetween(c int, from, to civil.Date) float64 {
	s := 0.0
	for d := from; d <= to; d++ {
		if t, ok := g.Index(d); ok {
			s += g.spend[c][t] / float64(g.step)
		}
	}
	return s
}

func weekly(start string, weeks int, perWeek ...float64) grid {
	g := grid{start: day(start), step: 7}
	for _, v := range perWeek {
		row := make([]float64, weeks)
		for t := range row {
			row[t] = v
		}
		g.spend = append(g.spend, row)
	}
	return g
}

func TestCheck(t *testing.T) {
	// 2023-01-02 (a Monday) + 104 weeks: ends 2024-12-29.
	cal := weekly("2023-01-02", 104, 700, 1400)
	cal.channels = []string{"tv", "search"}
	base := Test{Channel: "tv", Start: day("2024-06-03"), End: day("2024-06-30"), Spend: 2800, Incremental: 5000, SE: 1000, ScopeShare: 1, Include: true}
	with := func(id string, mod func(*Test)) Test {
		t := base
		t.ID = id
		mod(&t)
		return t
	}
	tests := []Test{
		with("ok", func(*Test) {}),
		with("unknown", func(t *Test) { t.Channel = "radio" }),
		with("before", func(t *Test) { t.Start, t.End = day("2022-12-01"), day("2023-01-10") }),
		with("after", func(t *Test) {
			t.Start, t.End = day("2024-12-16"), day("2024-12-29")
			t.CooldownEnd = day("2025-01-12")
		}),
		with("spend", func(t *Test) {
			t.Channel = "search"
			t.Start, t.End = day("2024-09-02"), day("2024-09-29")
			t.Spend = 1000
			t.ScopeShare = 0.5
		}),
		with("heavy", func(t *Test) {
			t.Start, t.End = day("2024-09-02"), day("2024-09-29")
			t.Spend = 10000
			t.Type = HeavyUp
		}),
		with("negative", func(t *Test) { t.Start, t.End = day("2024-10-07"), day("2024-11-03"); t.Incremental = -2000 }),
		with("stale", func(t *Test) { t.Start, t.End = day("2023-03-06"), day("2023-04-02") }),
	}
	got := Check(tests, cal, CheckOptions{})
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s", f.TestID, f.Code, f.Severity))
	}
	assert.Equal(t, []string{
		"unknown unknown_channel error",
		"before outside_panel error",
		"after outside_panel error",
		"spend spend_mismatch warning",
		"negative significantly_negative warning",
		"stale stale_test warning",
		// The significantly negative holdout contradicts the earlier ones.
		"ok contradicted_by_newer warning",
		"stale contradicted_by_newer warning",
	}, lines)
	byID := map[string]Finding{}
	for _, f := range got {
		byID[f.TestID+string(f.Code)] = f
	}
	// Search spent 1400/week: 5600 in four weeks, × 0.5 = 2800; 1000 is −64%.
	assert.Equal(t, "test spend 1000 differs by -64% from the panel's 5600 × scope_share 0.5 = 2800 in 2024-09-02..2024-09-29",
		byID["spend"+string(SpendMismatch)].Message)
	assert.Equal(t, "measured until 2023-04-02, 91 weeks before the panel ends (half-life 52 weeks): used at full weight; "+
		"the channel may have changed since (include = false leaves it out of the fit)", byID["stale"+string(Stale)].Message)
	assert.Equal(t, "lift test negative: measured incremental -2000 (SE 1000) is significantly negative: the test says the channel lost KPI",
		byID["negative"+string(SignificantlyNegative)].String())
	// In roi_prior mode the calibration discounts stale tests, and says so.
	for _, f := range Check(tests, cal, CheckOptions{AgeWeighted: true}) {
		if f.Code == Stale {
			assert.Equal(t, "measured until 2023-04-02, 91 weeks before the panel ends (half-life 52 weeks): weighted down", f.Message)
		}
	}
	unknown := tests[1]
	unknown.Row = 3
	f := Check([]Test{unknown}, cal, CheckOptions{Source: "/data/lift_tests.csv"})
	require.Len(t, f, 1)
	assert.Equal(t, `lift_tests.csv: row 3, column channel: lift test unknown: channel "radio" is not a model channel`, f[0].String())
	// Window findings name the column that is out: the start, the end or
	// the cooldown, as the file's format spells it.
	assert.Equal(t, "start_date", byID["before"+string(OutsidePanel)].Column)
	assert.Equal(t, "cooldown_end", byID["after"+string(OutsidePanel)].Column)
	late := tests[3]
	late.CooldownEnd = 0
	late.End = day("2025-01-05")
	for format, want := range map[Format]string{Canonical: "end_date", Robyn: "liftEndDate"} {
		f := Check([]Test{late}, cal, CheckOptions{Format: format})
		require.Len(t, f, 1)
		assert.Equal(t, want, f[0].Column, format)
	}
	assert.Equal(t, "window 2024-12-16..2025-01-12 is not inside the panel (which ends 2024-12-29)",
		byID["after"+string(OutsidePanel)].Message)

	// Borderline: −1.6·se is not significant, −1.7·se is.
	edge := with("e", func(t *Test) { t.Incremental = -1.6 * t.SE })
	assert.Empty(t, codes(Check([]Test{edge}, cal, CheckOptions{})))
	edge.Incremental = -1.7 * edge.SE
	assert.Equal(t, []Code{SignificantlyNegative}, codes(Check([]Test{edge}, cal, CheckOptions{})))

	// Spend within tolerance passes; partial weeks are pro rata. Four weeks
	// from a Thursday: 28 days of 100/day = 2800.
	mid := with("mid", func(t *Test) { t.Start, t.End = day("2024-06-06"), day("2024-07-03"); t.Spend = 2900 })
	assert.Empty(t, codes(Check([]Test{mid}, cal, CheckOptions{})))
	mid.Spend = 3200
	assert.Equal(t, []Code{SpendMismatch}, codes(Check([]Test{mid}, cal, CheckOptions{})))
	assert.Empty(t, codes(Check([]Test{mid}, cal, CheckOptions{SpendTolerance: 0.2})))

	// A PyMC-style heavy-up with a base spend is checked on the base.
	up := with("up", func(t *Test) { t.Type = HeavyUp; t.Spend = 500; t.BaseSpend = 1400 })
	assert.Equal(t, []Code{SpendMismatch}, codes(Check([]Test{up}, cal, CheckOptions{})))
	up.BaseSpend = 2800
	assert.Empty(t, codes(Check([]Test{up}, cal, CheckOptions{})))

	// Staleness follows the half-life option.
	st := with("st", func(t *Test) { t.Start, t.End = day("2024-01-01"), day("2024-01-28") })
	assert.Empty(t, codes(Check([]Test{st}, cal, CheckOptions{})))
	assert.Equal(t, []Code{Stale}, codes(Check([]Test{st}, cal, CheckOptions{HalfLifeWeeks: 26})))
}

func codes(fs []Finding) []Code {
	var out []Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestCheckOverlap(t *testing.T) {
	cal := weekly("2024-01-01", 52, 100)
	cal.channels = []string{"tv"}
	a := Test{ID: "a", Channel: "tv", Start: day("2024-03-04"), End: day("2024-03-31"), Spend: 400, Incremental: 1, SE: 1, ScopeShare: 1}
	b := a
	b.ID, b.Start, b.End = "b", day("2024-04-01"), day("2024-04-28")
	assert.Empty(t, codes(Check([]Test{a, b}, cal, CheckOptions{})))
	a.CooldownEnd = day("2024-04-07") // measurement now overlaps b's window
	got := Check([]Test{a, b}, cal, CheckOptions{})
	require.Len(t, got, 1)
	assert.Equal(t, Finding{TestID: "b", Code: Overlap, Severity: Info,
		Message: "overlaps test a on channel tv (2024-03-04..2024-04-07): their lifts are not independent"}, got[0])
}

func TestCheckCarryover(t *testing.T) {
	two := Test{ID: "s", Start: day("2024-03-04"), End: day("2024-03-17")}
	f, ok := CheckCarryover(two, 4.5, 7)
	require.True(t, ok)
	assert.Equal(t, Finding{TestID: "s", Code: ShorterThanCarryover, Severity: Warning,
		Message: "ran 2.0 weeks, shorter than the channel's carryover (4.5 weeks): part of its effect falls after the measurement window"}, f)
	_, ok = CheckCarryover(two, 2, 7)
	assert.False(t, ok)
	two.CooldownEnd = two.End.AddDays(14)
	f, ok = CheckCarryover(two, 4.5, 7)
	require.True(t, ok)
	assert.Contains(t, f.Message, "with a cooldown of only 2.0 weeks")
	two.CooldownEnd = two.End.AddDays(35)
	_, ok = CheckCarryover(two, 4.5, 7)
	assert.False(t, ok)
	daily := Test{ID: "d", Start: day("2024-03-04"), End: day("2024-03-06")}
	f, ok = CheckCarryover(daily, 10, 1)
	require.True(t, ok)
	assert.Contains(t, f.Message, "ran 3.0 days")
	_, ok = CheckCarryover(daily, 0, 1)
	assert.False(t, ok)
}
