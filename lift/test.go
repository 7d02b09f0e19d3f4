package lift

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Type is the design of a lift test.
type Type int

const (
	// Holdout withheld spend from part of the business (a geo or user holdout).
	Holdout Type = iota
	// HeavyUp added spend on top of the usual plan.
	HeavyUp
	// ConversionLift is a platform's user-level holdout (ghost ads, PSA); it
	// is modelled as a holdout.
	ConversionLift
)

func (t Type) String() string {
	switch t {
	case Holdout:
		return "holdout"
	case HeavyUp:
		return "heavy_up"
	case ConversionLift:
		return "conversion_lift"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// ParseType reads a test_type cell. Spelling variants seen in practice
// (heavy-up, HeavyUp, conversion lift) are accepted.
func ParseType(s string) (Type, error) {
	k := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "", "holdout", "geoholdout", "geo":
		return Holdout, nil
	case "heavyup", "scaleup", "increase":
		return HeavyUp, nil
	case "conversionlift", "conversion", "userholdout":
		return ConversionLift, nil
	}
	return 0, fmt.Errorf("unknown test_type %s (want holdout, heavy_up or conversion_lift)", tabular.Quote(s))
}

// SESource records how a test's standard error was obtained, weakest last.
type SESource int

const (
	// SEGiven: the file gave the standard error.
	SEGiven SESource = iota
	// SEFromCI: derived from a confidence interval.
	SEFromCI
	// SEFromPValue: derived from a p-value (or Robyn's confidence = 1 − p),
	// which assumes a normal test statistic centred on the estimate.
	SEFromPValue
	// SEAssumed: the file had no uncertainty; ParseOptions.RelativeSE times
	// the estimate was assumed.
	SEAssumed
)

func (s SESource) String() string {
	switch s {
	case SEGiven:
		return "given"
	case SEFromCI:
		return "confidence_interval"
	case SEFromPValue:
		return "p_value"
	case SEAssumed:
		return "assumed"
	}
	return fmt.Sprintf("SESource(%d)", int(s))
}

// Test is one lift test in canonical form, whatever format it was read
// from.
type Test struct {
	ID, Channel string
	// Start and End bound the treatment window, both days included.
	Start, End civil.Date
	// CooldownEnd is the last day of measurement after End (0 if none):
	// effects carried over past End count only up to it.
	CooldownEnd civil.Date
	// Spend is the spend the test moved in the treated scope over the
	// window: withheld for a holdout, added for a heavy-up.
	Spend float64
	// BaseSpend is the spend the treated scope would have had over the window
	// without the test, when the source says so (PyMC-Marketing's x); 0 if
	// unknown, in which case a holdout is taken to have withheld all of it.
	BaseSpend float64
	// Incremental is the measured incremental KPI in the treated scope over
	// the measurement window.
	Incremental float64
	// SE is the standard error of Incremental; always positive.
	SE       float64
	SESource SESource
	// ScopeShare is the share of the business (KPI) the test covered, in (0, 1].
	ScopeShare float64
	// ScopeGiven reports whether the file gave scope_share; a geo test
	// without it takes its geos' share of the channel's spend (SetGeoScopes).
	ScopeGiven bool
	// Geos are a geo test's treated geos (sorted; names of the panel's
	// geos), nil for a national test.
	Geos []string
	Type Type
	// Include false keeps the test in the report but out of the fit.
	Include bool
	// InRevenue says Incremental and SE are revenue while the model's KPI is
	// a count with a revenue per KPI: the caller converts them.
	InRevenue bool
	// Row is the 1-based data row of the source file, for messages.
	Row int
}

// Channels returns the test's channels: one, or several for a
// combined-channel test (Channel "facebook+search"), which measured the
// sum of their lifts.
func (t Test) Channels() []string { return strings.Split(t.Channel, "+") }

// Combined reports whether the test moved more than one channel.
func (t Test) Combined() bool { return strings.Contains(t.Channel, "+") }

// IROAS returns the measured incremental KPI per unit of spend moved.
func (t Test) IROAS() float64 {
	if t.Spend == 0 {
		return 0
	}
	return t.Incremental / t.Spend
}

// IROASSE returns the standard error of IROAS, taking the spend as exact.
func (t Test) IROASSE() float64 {
	if t.Spend == 0 {
		return 0
	}
	return t.SE / t.Spend
}

// MeasureEnd returns the last day of the measurement window: CooldownEnd if
// the test had a cooldown, else End.
func (t Test) MeasureEnd() civil.Date {
	if t.CooldownEnd > t.End {
		return t.CooldownEnd
	}
	return t.End
}

// Days returns the length of the treatment window in days.
func (t Test) Days() int { return int(t.End-t.Start) + 1 }

// metricIsKPI reports whether a test's metric names the model's KPI: its
// column, its type, or for a count KPI the generic "conversion(s)".
func (o ParseOptions) metricIsKPI(m string) bool {
	m = strings.TrimSpace(m)
	if strings.EqualFold(m, o.KPI) || strings.EqualFold(m, o.KPIType) {
		return true
	}
	return o.KPIType == "count" && (strings.EqualFold(m, "conversion") || strings.EqualFold(m, "conversions"))
}

// metricHint says how to make a revenue test usable on a count KPI.
func (o ParseOptions) metricHint(m string) string {
	if strings.EqualFold(strings.TrimSpace(m), "revenue") && o.KPIType == "count" {
		return fmt.Sprintf("; set model.revenue_per_kpi to convert revenue into %s", o.KPI)
	}
	return ""
}
