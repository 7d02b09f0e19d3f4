package lift

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Calendar is what the checks need to know about the panel. *panel.Panel
// satisfies it.
type Calendar interface {
	// Index returns the period containing day d, false outside the panel.
	Index(d civil.Date) (int, bool)
	// End returns the last day the panel covers.
	End() civil.Date
	// SpendBetween returns channel c's spend over the days [from, to],
	// pro rata for partly covered periods.
	SpendBetween(c int, from, to civil.Date) float64
	// Channel returns the index of the named channel.
	Channel(name string) (int, bool)
}

// Severity ranks a finding.
type Severity int

const (
	Info Severity = iota
	Warning
	// Error findings make a test unusable for calibration.
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Code identifies the kind of a finding; report flags use it.
type Code string

const (
	OutsidePanel          Code = "outside_panel"
	UnknownChannel        Code = "unknown_channel"
	SpendMismatch         Code = "spend_mismatch"
	SignificantlyNegative Code = "significantly_negative"
	Stale                 Code = "stale_test"
	ShorterThanCarryover  Code = "shorter_than_carryover"
	Overlap               Code = "overlapping_tests"
)

// Finding is one result of the pre-fit checks.
type Finding struct {
	TestID   string
	Code     Code
	Severity Severity
	Message  string
	// Source, Row and Column locate the test in its file (Row 0: unknown;
	// Column "": the finding is about the test as a whole).
	Source string
	Row    int
	Column string
}

// String formats the finding for a log, e.g.
// "lift_tests.csv: row 3, column channel: lift test tv-1: channel "radio" is not a model channel".
func (f Finding) String() string {
	switch {
	case f.Source != "" && f.Row > 0 && f.Column != "":
		return fmt.Sprintf("%s: row %d, column %s: lift test %s: %s", f.Source, f.Row, f.Column, f.TestID, f.Message)
	case f.Source != "" && f.Row > 0:
		return fmt.Sprintf("%s: row %d: lift test %s: %s", f.Source, f.Row, f.TestID, f.Message)
	case f.Source != "":
		return fmt.Sprintf("%s: lift test %s: %s", f.Source, f.TestID, f.Message)
	}
	return fmt.Sprintf("lift test %s: %s", f.TestID, f.Message)
}

// CheckOptions tunes the checks; zero values take the defaults.
type CheckOptions struct {
	// Source names the lift-test file in findings (its base name is used).
	Source string
	// HalfLifeWeeks: tests whose measurement ended longer ago than this
	// before the panel's end are stale. Default 52.
	HalfLifeWeeks float64
	// AgeWeighted says the calibration discounts tests by age (roi_prior
	// mode), so that a stale finding can say what happens to the test.
	AgeWeighted bool
	// SpendTolerance is the accepted relative gap between a test's spend and
	// the panel's spend in its window × scope_share. Default 0.10.
	SpendTolerance float64
	// Format is the layout the tests were read from, so that a finding
	// about a channel or a window names its column.
	Format Format
}

// negativeZ is the one-sided 95% normal quantile: a test with
// estimate + 1.645·se < 0 is significantly negative.
const negativeZ = 1.6448536269514722

// Check runs the pre-fit checks of every test against the panel. Findings
// come in test order, then check order. A test with an Error finding cannot be
// calibrated against this panel and is not checked further.
func Check(tests []Test, cal Calendar, opts CheckOptions) []Finding {
	if opts.HalfLifeWeeks <= 0 {
		opts.HalfLifeWeeks = 52
	}
	if opts.SpendTolerance <= 0 {
		opts.SpendTolerance = 0.10
	}
	source := opts.Source
	if source != "" {
		source = filepath.Base(source)
	}
	var out []Finding
	at := func(t Test, column string, code Code, sev Severity, format string, args ...any) {
		out = append(out, Finding{TestID: t.ID, Code: code, Severity: sev, Message: fmt.Sprintf(format, args...),
			Source: source, Row: t.Row, Column: column})
	}
	add := func(t Test, code Code, sev Severity, format string, args ...any) {
		at(t, "", code, sev, format, args...)
	}
	end := cal.End()
	cols := opts.Format.fields()
	for k, t := range tests {
		known, panelSpend := true, 0.0
		var chans []int
		for _, name := range t.Channels() {
			c, ok := cal.Channel(name)
			if !ok {
				known = false
				at(t, cols.channel, UnknownChannel, Error, "channel %s is not a model channel", tabular.Quote(name))
				continue
			}
			chans = append(chans, c)
		}
		_, startIn := cal.Index(t.Start)
		_, endIn := cal.Index(t.MeasureEnd())
		if !startIn || !endIn {
			at(t, windowColumn(t, cols, startIn), OutsidePanel, Error, "window %v..%v is not inside the panel (which ends %v)",
				t.Start, t.MeasureEnd(), end)
		}
		if !known || !startIn || !endIn {
			// The other checks presume a test the model can evaluate.
			continue
		}
		for _, c := range chans {
			panelSpend += cal.SpendBetween(c, t.Start, t.End)
		}
		spendCheck(t, panelSpend, opts.SpendTolerance, add)
		if t.Incremental+negativeZ*t.SE < 0 {
			add(t, SignificantlyNegative, Warning,
				"measured incremental %.4g (SE %.4g) is significantly negative: the test says the channel lost KPI", t.Incremental, t.SE)
		}
		if age := float64(end-t.MeasureEnd()) / 7; age > opts.HalfLifeWeeks {
			consequence := "used at full weight; the channel may have changed since (include = false leaves it out of the fit)"
			if opts.AgeWeighted {
				consequence = "weighted down"
			}
			add(t, Stale, Warning, "measured until %v, %.0f weeks before the panel ends (half-life %g weeks): %s",
				t.MeasureEnd(), age, opts.HalfLifeWeeks, consequence)
		}
		for _, o := range tests[:k] {
			if o.Channel == t.Channel && o.Start <= t.MeasureEnd() && t.Start <= o.MeasureEnd() {
				add(t, Overlap, Info, "overlaps test %s on channel %s (%v..%v): their lifts are not independent",
					o.ID, t.Channel, o.Start, o.MeasureEnd())
			}
		}
	}
	// A test file that grows over the quarters: an older test that newer
	// ones contradict is flagged (these findings come last).
	bad := map[string]bool{}
	for _, f := range out {
		if f.Severity == Error {
			bad[f.TestID] = true
		}
	}
	checkContradictions(tests, bad, add)
	return out
}

// windowColumn names the column of the window's end that lies outside the
// panel: the start, else the cooldown end or the end.
func windowColumn(t Test, cols fields, startIn bool) string {
	switch {
	case !startIn:
		return cols.start
	case t.CooldownEnd > t.End:
		return cols.cooldown
	}
	return cols.end
}

// spendCheck compares the spend a test reports with what the panel says
// the treated scope spent. A heavy-up adds spend the panel's history cannot
// confirm, so it is checked only when the source gave the base spend.
func spendCheck(t Test, panel, tol float64, add func(Test, Code, Severity, string, ...any)) {
	claimed, what := t.Spend, "spend"
	if claimed == 0 && t.BaseSpend == 0 {
		return // an unpaid channel switched off: nothing to compare
	}
	if t.BaseSpend > 0 {
		claimed, what = t.BaseSpend, "base spend"
	} else if t.Type == HeavyUp {
		return
	}
	want := panel * t.ScopeShare
	if want <= 0 {
		add(t, SpendMismatch, Warning, "test %s %.4g but the panel has no spend on %s in %v..%v",
			what, claimed, t.Channel, t.Start, t.End)
		return
	}
	if gap := claimed/want - 1; math.Abs(gap) > tol {
		add(t, SpendMismatch, Warning, "test %s %.4g differs by %+.0f%% from the panel's %.4g × scope_share %g = %.4g in %v..%v",
			what, claimed, 100*gap, panel, t.ScopeShare, want, t.Start, t.End)
	}
}

// CheckCarryover flags a test whose treatment window is shorter than the
// channel's carryover (carryoverPeriods, e.g. the prior-mean adstock's
// effective length) unless a cooldown extended the measurement by at least
// that much: most of such a test's effect falls outside what it measured.
// The counterfactual calibration accounts for this; the flag explains why a
// short test moves the model less than its face value.
func CheckCarryover(t Test, carryoverPeriods float64, stepDays int) (Finding, bool) {
	if stepDays <= 0 || !(carryoverPeriods > 0) {
		return Finding{}, false
	}
	ran := float64(t.Days()) / float64(stepDays)
	after := float64(t.MeasureEnd()-t.End) / float64(stepDays)
	if ran >= carryoverPeriods || after >= carryoverPeriods {
		return Finding{}, false
	}
	unit := "periods"
	switch stepDays {
	case 7:
		unit = "weeks"
	case 1:
		unit = "days"
	}
	msg := fmt.Sprintf("ran %.1f %s, shorter than the channel's carryover (%.1f %s)", ran, unit, carryoverPeriods, unit)
	if after > 0 {
		msg += fmt.Sprintf(", with a cooldown of only %.1f %s", after, unit)
	}
	msg += ": part of its effect falls after the measurement window"
	return Finding{TestID: t.ID, Code: ShorterThanCarryover, Severity: Warning, Message: msg, Row: t.Row}, true
}
