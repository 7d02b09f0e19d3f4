package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

// Calendar is the part of the panel calibration needs: the panel's time
// axis and each channel's spend on it. The pipeline fills it from the
// panel, whose civil.Calendar it shares, so that calibrate does not depend
// on how the panel was loaded and both split a window into periods the
// same way.
type Calendar struct {
	civil.Calendar
	Channels []string    // channel names, the order of Spend
	Spend    [][]float64 // [channel][period], original units
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
	if err := c.Calendar.Validate(); err != nil {
		return fmt.Errorf("calibrate: %w", err)
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

// dotFrom returns Σ_i f[i]·x[s+i].
func dotFrom(x []float64, s int, f []float64) float64 {
	v := 0.0
	for i, fi := range f {
		v += fi * x[s+i]
	}
	return v
}
