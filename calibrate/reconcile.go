package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// ChannelDraws is one channel's evidence: the posterior contributions of
// both fits and what MTA attributes to it.
type ChannelDraws struct {
	// MMM holds the per-draw, per-period contributions of the MMM fitted
	// without lift tests, [draw][t] in KPI units.
	MMM [][]float64
	// Calibrated holds the same for the MMM fitted with the tests; nil when
	// there was no calibrated fit, and then MMM is the final answer.
	Calibrated [][]float64
	// MTA is the attributed KPI per period; nil when MTA does not see the
	// channel (offline or unmapped). A series of zeros counts as nil, so an
	// aggregate that lists every MMM channel can be passed as it is.
	MTA []float64
	// RHat and ESS describe the sampling of the channel's ROI in the final
	// fit; NaN or 0 when unknown.
	RHat, ESS float64
}

// TestDraws is one lift test with the lift each fit predicts for it: the
// per-draw output of Posterior.LiftDraws on the test's Observation.
type TestDraws struct {
	Test            lift.Test
	MMM, Calibrated []float64 // nil when not available
}

// Input is everything reconciliation looks at; it is plain data so that the
// pipeline decides where each piece comes from.
type Input struct {
	Level    float64 // interval level; 0 means DefaultLevel
	KPIName  string
	KPIType  mmm.KPIType
	Calendar Calendar
	KPI      []float64      // per period
	Channels []ChannelDraws // in Calendar.Channels order
	Tests    []TestDraws
	// Adstock returns channel c's lag weights (posterior mean) for the
	// carryover of suggested tests; nil means no carryover.
	Adstock func(c int) []float64
	// ResidualSD is the model's residual SD per period in KPI units, the
	// noise of a suggested test's measurement.
	ResidualSD    float64
	HalfLifeWeeks float64    // staleness threshold; 0 means DefaultHalfLifeWeeks
	AsOf          civil.Date // the day test ages are measured to; 0 means the calendar's end
	Design        DesignOptions
}

// Result is the reconciliation of MMM, experiments and MTA.
type Result struct {
	Header      Header
	Channels    []ChannelResult
	Experiments []ExperimentResult
	TestNext    []Suggestion
}

// Reconcile compares the MMM alone, the calibrated MMM, the lift tests and
// MTA per channel and per quarter (design.md §4), flags disagreements,
// and ranks the channels to test next. It returns numbers and flags; the
// words of the report's summary are report.Prose's.
func Reconcile(in Input) (*Result, error) {
	in, err := in.checked()
	if err != nil {
		return nil, err
	}
	r := &Result{}
	r.Experiments, err = experiments(in)
	if err != nil {
		return nil, err
	}
	r.Channels = channels(in)
	addFlags(in, r)
	r.Header = header(in, r.Channels)
	r.TestNext = testNext(in, r)
	return r, nil
}

// checked validates in and fills its defaults.
func (in Input) checked() (Input, error) {
	cal := in.Calendar
	if err := cal.validate(); err != nil {
		return in, err
	}
	if !(in.Level > 0 && in.Level < 1) {
		in.Level = DefaultLevel
	}
	if !(in.HalfLifeWeeks > 0) {
		in.HalfLifeWeeks = DefaultHalfLifeWeeks
	}
	if in.AsOf == 0 {
		in.AsOf = cal.End()
	}
	in.Design = in.Design.withDefaults()
	T := cal.Periods()
	if len(in.KPI) != T {
		return in, fmt.Errorf("calibrate: %d KPI values for %d periods", len(in.KPI), T)
	}
	if len(in.Channels) != len(cal.Channels) {
		return in, fmt.Errorf("calibrate: %d channel inputs for %d channels", len(in.Channels), len(cal.Channels))
	}
	draws := map[bool]int{false: -1, true: -1} // by calibrated
	check := func(c int, fit string, d [][]float64, calibrated bool) error {
		if d == nil {
			return nil
		}
		if n := draws[calibrated]; n >= 0 && n != len(d) {
			return fmt.Errorf("calibrate: channel %q: %d draws of the %s fit, other channels have %d", cal.Channels[c], len(d), fit, n)
		}
		draws[calibrated] = len(d)
		for i, row := range d {
			if len(row) != T {
				return fmt.Errorf("calibrate: channel %q: draw %d of the %s fit has %d periods, want %d", cal.Channels[c], i, fit, len(row), T)
			}
		}
		return nil
	}
	// A copy, so that dropping empty MTA series leaves the caller's alone.
	in.Channels = append([]ChannelDraws(nil), in.Channels...)
	nCal := 0
	for c, ch := range in.Channels {
		if len(ch.MMM) == 0 {
			return in, fmt.Errorf("calibrate: channel %q has no MMM draws", cal.Channels[c])
		}
		if err := check(c, "MMM", ch.MMM, false); err != nil {
			return in, err
		}
		if err := check(c, "calibrated", ch.Calibrated, true); err != nil {
			return in, err
		}
		if ch.Calibrated != nil {
			nCal++
		}
		if ch.MTA != nil && len(ch.MTA) != T {
			return in, fmt.Errorf("calibrate: channel %q: %d MTA periods, want %d", cal.Channels[c], len(ch.MTA), T)
		}
		if ch.MTA != nil && !hasNonZero(ch.MTA) {
			in.Channels[c].MTA = nil
		}
	}
	if nCal != 0 && nCal != len(in.Channels) {
		return in, fmt.Errorf("calibrate: calibrated draws for %d of %d channels", nCal, len(in.Channels))
	}
	for _, t := range in.Tests {
		for _, name := range t.Test.Channels() {
			if _, ok := cal.Channel(name); !ok {
				return in, fmt.Errorf("calibrate: lift test %s: unknown channel %q", t.Test.ID, name)
			}
		}
	}
	return in, nil
}

// final returns the draws of the answer triad reports: the calibrated fit
// when there is one.
func (ch ChannelDraws) final() [][]float64 {
	if ch.Calibrated != nil {
		return ch.Calibrated
	}
	return ch.MMM
}

// totals returns Σ_{t∈[lo,hi)} d[draw][t] per draw.
func totals(d [][]float64, lo, hi int) []float64 {
	out := make([]float64, len(d))
	for i, row := range d {
		out[i] = stat.Sum(row[lo:hi])
	}
	return out
}

// ratio returns num[i]/den per draw; NaN where den is not positive, so that
// Summarize leaves it out.
func scaled(num []float64, den float64) []float64 {
	out := make([]float64, len(num))
	for i, v := range num {
		out[i] = v / den
		if !(den > 0) {
			out[i] = nan()
		}
	}
	return out
}

func hasNonZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return true
		}
	}
	return false
}
