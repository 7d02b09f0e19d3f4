package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// Observation turns lift test t on channel (an index into cal.Channels) into
// the model's lift likelihood term (counterfactual mode, design.md §3).
//
// The treatment window [Start, End] maps to periods with day shares f_t, so
// partial periods count pro rata, and Moved_t = r·f_t with
//
//	r = Spend / (ScopeShare · Σ_t f_t·x_t)
//
// the share of the scope's spend the test moved (r = 1 for a full holdout;
// r = Spend/BaseSpend when the test states its base spend). A holdout cannot
// withhold more than was spent: r > 1 is clamped to 1, with a warning beyond
// 10%. The measurement window [Start, MeasureEnd] gives the Measure
// weights, so a cooldown extends it. Conversion-lift tests are holdouts.
//
// Warnings describe usable tests whose spend disagrees with the panel.
func Observation(t lift.Test, cal Calendar, channel int) (mmm.LiftObs, []string, error) {
	if err := cal.validate(); err != nil {
		return mmm.LiftObs{}, nil, err
	}
	fail := func(err error) (mmm.LiftObs, []string, error) {
		return mmm.LiftObs{}, nil, fmt.Errorf("calibrate: lift test %s: %w", t.ID, err)
	}
	if channel < 0 || channel >= len(cal.Channels) {
		return fail(fmt.Errorf("channel index %d out of range (%d channels)", channel, len(cal.Channels)))
	}
	if t.Channel != "" && t.Channel != cal.Channels[channel] {
		return fail(fmt.Errorf("test is on channel %q, not %q", t.Channel, cal.Channels[channel]))
	}
	if !(t.SE > 0) || !stat.Finite(t.SE) {
		return fail(fmt.Errorf("standard error %g, want > 0", t.SE))
	}
	if !stat.Finite(t.Incremental) {
		return fail(fmt.Errorf("incremental KPI %g", t.Incremental))
	}
	tm, warns, err := counterfactual(designOf(t), cal, channel)
	if err != nil {
		return fail(err)
	}
	for i, w := range warns {
		warns[i] = fmt.Sprintf("lift test %s: %s", t.ID, w)
	}
	return mmm.LiftObs{
		Channel:  channel,
		Start:    tm.start,
		Moved:    tm.moved,
		Measure:  tm.measure,
		HeavyUp:  t.Type == lift.HeavyUp,
		Scope:    t.ScopeShare,
		Measured: t.Incremental,
		SD:       t.SE,
		// A test that moved no spend (an organic channel's) measured the
		// channel's contribution in its window.
		Contribution: t.Spend == 0,
	}, warns, nil
}

// Observations maps every test to its likelihood term (TestObservation:
// channels resolved by name, combined-channel tests as one term). ok[k] is false where test k cannot be predicted by the
// model (an unknown channel, a window without spend); warns then says why,
// after the warnings of the terms before it. Lifts picks what enters the
// fit.
func Observations(tests []lift.Test, cal Calendar) (obs []mmm.LiftObs, ok []bool, warns []string) {
	for _, t := range tests {
		o, w, err := TestObservation(t, cal)
		warns = append(warns, w...)
		if err != nil {
			warns = append(warns, fmt.Sprintf("lift test %s cannot be predicted by the model: %v", t.ID, err))
		}
		obs = append(obs, o)
		ok = append(ok, err == nil)
	}
	return obs, ok, warns
}

// Lifts returns the terms of the included tests that the model can
// predict, in the order of tests: the lift tests of a counterfactual fit.
func Lifts(tests []lift.Test, obs []mmm.LiftObs, ok []bool) []mmm.LiftObs {
	var out []mmm.LiftObs
	for k, t := range tests {
		if t.Include && ok[k] {
			out = append(out, obs[k])
		}
	}
	return out
}

// designOf reduces a test record to its counterfactual design.
func designOf(t lift.Test) design {
	return design{
		start:      t.Start,
		end:        t.End,
		measureEnd: t.MeasureEnd(),
		spend:      t.Spend,
		scope:      t.ScopeShare,
		base:       t.BaseSpend,
		heavyUp:    t.Type == lift.HeavyUp,
	}
}
