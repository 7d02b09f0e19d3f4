package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

// Calendar is the part of the panel calibration needs: the regular time axis
// and each channel's spend on it. It is a plain value so that calibrate does
// not depend on how the panel was loaded; the pipeline fills it from the
// panel (Dates, StepDays, Channels, Spend).
type Calendar struct {
	Dates    []civil.Date // period start dates, regular
	StepDays int          // days per period: 7 weekly, 1 daily
	Channels []string     // channel names, the order of Spend
	Spend    [][]float64  // [channel][period], original units
}

// Periods returns the number of periods.
func (c Calendar) Periods() int { return len(c.Dates) }

// End returns the last day the panel covers.
func (c Calendar) End() civil.Date {
	if len(c.Dates) == 0 {
		return 0
	}
	return c.Dates[len(c.Dates)-1].AddDays(c.StepDays - 1)
}

// Index returns the period containing day d.
func (c Calendar) Index(d civil.Date) (int, bool) {
	if len(c.Dates) == 0 || c.StepDays <= 0 || d < c.Dates[0] || d > c.End() {
		return 0, false
	}
	return int(d-c.Dates[0]) / c.StepDays, true
}

// Channel returns the index of the named channel.
func (c Calendar) Channel(name string) (int, bool) {
	for i, n := range c.Channels {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// validate checks that the calendar is regular and its spend matches it.
func (c Calendar) validate() error {
	if len(c.Dates) == 0 {
		return fmt.Errorf("calibrate: empty calendar")
	}
	if c.StepDays <= 0 {
		return fmt.Errorf("calibrate: calendar step %d days, want > 0", c.StepDays)
	}
	for t := 1; t < len(c.Dates); t++ {
		if int(c.Dates[t]-c.Dates[t-1]) != c.StepDays {
			return fmt.Errorf("calibrate: calendar not regular at period %d (%v after %v, step %d days)", t, c.Dates[t], c.Dates[t-1], c.StepDays)
		}
	}
	if len(c.Channels) != len(c.Spend) {
		return fmt.Errorf("calibrate: %d channel names for %d spend series", len(c.Channels), len(c.Spend))
	}
	for i, s := range c.Spend {
		if len(s) != len(c.Dates) {
			return fmt.Errorf("calibrate: channel %q has %d spend periods, calendar has %d", c.Channels[i], len(s), len(c.Dates))
		}
	}
	return nil
}

// window maps the inclusive day range [from, to] to periods: start is the
// first period it touches and f[i] the share of period start+i's days inside
// the range, so partial periods count pro rata. The range must lie within
// the calendar.
func (c Calendar) window(from, to civil.Date) (start int, f []float64, err error) {
	if to < from {
		return 0, nil, fmt.Errorf("window %v to %v ends before it starts", from, to)
	}
	s, ok1 := c.Index(from)
	e, ok2 := c.Index(to)
	if !ok1 || !ok2 {
		return 0, nil, fmt.Errorf("window %v to %v is outside the panel (%v to %v)", from, to, c.Dates[0], c.End())
	}
	f = make([]float64, e-s+1)
	step := float64(c.StepDays)
	for i := range f {
		lo, hi := c.Dates[s+i], c.Dates[s+i].AddDays(c.StepDays-1)
		lo, hi = max(lo, from), min(hi, to)
		f[i] = float64(hi-lo+1) / step
	}
	return s, f, nil
}

// SpendBetween returns channel ch's spend over the inclusive day range
// [from, to], counting partial periods pro rata. The range is clipped to the
// calendar.
func (c Calendar) SpendBetween(ch int, from, to civil.Date) float64 {
	if len(c.Dates) == 0 || ch < 0 || ch >= len(c.Spend) {
		return 0
	}
	from, to = max(from, c.Dates[0]), min(to, c.End())
	s, f, err := c.window(from, to)
	if err != nil {
		return 0
	}
	return dotFrom(c.Spend[ch], s, f)
}

// dotFrom returns Σ_i f[i]·x[s+i].
func dotFrom(x []float64, s int, f []float64) float64 {
	v := 0.0
	for i, fi := range f {
		v += fi * x[s+i]
	}
	return v
}

// sum returns Σ x.
