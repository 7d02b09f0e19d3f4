package calibrate

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
)

// TestObservation maps test t to the model's lift term, resolving its
// channel by name: Observation for a single-channel test, and for a
// combined-channel test ("facebook+search", as Robyn's calibration_input
// has) one term whose lift is the sum of its channels' lifts. The combined
// test's spend is taken to have moved the same share r of every channel's
// spend in the window, r = Spend / (ScopeShare · Σ_c Σ_t f_t·x_ct), which is
// 1 for a full holdout of all of them.
func TestObservation(t lift.Test, cal Calendar) (mmm.LiftObs, []string, error) {
	if !t.Combined() {
		c, ok := cal.Channel(t.Channel)
		if !ok {
			return mmm.LiftObs{}, nil, fmt.Errorf("calibrate: lift test %s: unknown channel %q", t.ID, t.Channel)
		}
		return Observation(t, cal, c)
	}
	if err := cal.validate(); err != nil {
		return mmm.LiftObs{}, nil, err
	}
	fail := func(err error) (mmm.LiftObs, []string, error) {
		return mmm.LiftObs{}, nil, fmt.Errorf("calibrate: lift test %s: %w", t.ID, err)
	}
	names := t.Channels()
	chans := make([]int, len(names))
	bases := make([]float64, len(names))
	total := 0.0
	s, f, err := cal.Window(t.Start, t.End)
	if err != nil {
		return fail(fmt.Errorf("treatment %w", err))
	}
	for k, name := range names {
		c, ok := cal.Channel(name)
		if !ok {
			return fail(fmt.Errorf("unknown channel %q", name))
		}
		chans[k], bases[k] = c, dotFrom(cal.Spend[c], s, f)
		total += bases[k]
	}
	if !(total > 0) {
		return fail(fmt.Errorf("the panel has no %s spend between %v and %v", strings.Join(names, " or "), t.Start, t.End))
	}
	var out mmm.LiftObs
	var warns []string
	for k, c := range chans {
		one := t
		one.Channel = names[k]
		one.Spend = t.Spend * bases[k] / total
		if t.BaseSpend > 0 {
			one.BaseSpend = t.BaseSpend * bases[k] / total
		}
		if bases[k] == 0 {
			continue // the channel did not spend in the window: no lift of its own
		}
		o, w, err := Observation(one, cal, c)
		if err != nil {
			return mmm.LiftObs{}, nil, err
		}
		warns = append(warns, w...)
		if out.Moved == nil {
			out = o
			continue
		}
		out.Also = append(out.Also, mmm.LiftPart{Channel: o.Channel, Moved: o.Moved})
	}
	out.Measured, out.SD = t.Incremental, t.SE
	return out, warns, nil
}
