package civil

import "fmt"

// Calendar is a regular time axis: period t covers the days Dates[t] ..
// Dates[t]+StepDays−1. The panel, calibration and MTA aggregation all line
// day-dated records up with periods through it, so a window that starts
// mid-week is split the same way everywhere.
type Calendar struct {
	Dates    []Date // period start days, sorted and evenly spaced
	StepDays int    // days per period: 7 weekly, 1 daily
}

// Periods returns the number of periods.
func (c Calendar) Periods() int { return len(c.Dates) }

// Start returns the first day the calendar covers, 0 when it is empty.
func (c Calendar) Start() Date {
	if len(c.Dates) == 0 {
		return 0
	}
	return c.Dates[0]
}

// End returns the last day the calendar covers: the last period's final
// day, 0 when it is empty.
func (c Calendar) End() Date {
	if len(c.Dates) == 0 {
		return 0
	}
	return c.Dates[len(c.Dates)-1].AddDays(c.StepDays - 1)
}

// Index returns the period that contains day d, and false if d lies
// outside the calendar.
func (c Calendar) Index(d Date) (int, bool) {
	if len(c.Dates) == 0 || c.StepDays <= 0 || d < c.Dates[0] || d > c.End() {
		return 0, false
	}
	return int(d-c.Dates[0]) / c.StepDays, true
}

// Validate checks that the calendar is not empty and its periods are
// evenly spaced by StepDays > 0.
func (c Calendar) Validate() error {
	if len(c.Dates) == 0 {
		return fmt.Errorf("empty calendar")
	}
	if c.StepDays <= 0 {
		return fmt.Errorf("calendar step %d days, want > 0", c.StepDays)
	}
	for t := 1; t < len(c.Dates); t++ {
		if int(c.Dates[t]-c.Dates[t-1]) != c.StepDays {
			return fmt.Errorf("calendar not regular at period %d (%v after %v, step %d days)", t, c.Dates[t], c.Dates[t-1], c.StepDays)
		}
	}
	return nil
}

// Window maps the inclusive day range [from, to] to periods: start is the
// first period it touches and f[i] the share of period start+i's days
// inside the range, so partial periods count pro rata. The range must lie
// within the calendar.
func (c Calendar) Window(from, to Date) (start int, f []float64, err error) {
	if to < from {
		return 0, nil, fmt.Errorf("window %v to %v ends before it starts", from, to)
	}
	s, ok1 := c.Index(from)
	e, ok2 := c.Index(to)
	if !ok1 || !ok2 {
		return 0, nil, fmt.Errorf("window %v to %v is outside the panel (%v to %v)", from, to, c.Start(), c.End())
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

// Between returns the total of the per-period series x (one value per
// period) over the days from..to, inclusive. A period only partly inside
// the range contributes pro rata by days, as if its value were spread
// evenly over its days: the best guess a weekly panel allows for a test
// that starts mid-week. Days outside the calendar add nothing.
func (c Calendar) Between(x []float64, from, to Date) float64 {
	if len(c.Dates) == 0 {
		return 0
	}
	s, f, err := c.Window(max(from, c.Dates[0]), min(to, c.End()))
	if err != nil {
		return 0
	}
	v := 0.0
	for i, fi := range f {
		v += fi * x[s+i]
	}
	return v
}
