package mmm

import (
	"fmt"

	"github.com/triad-mmm/triad/stat"
)

// drive returns the series that goes through channel c's adstock and
// saturation, in original units: its media units when Data.Units has
// them, else its spend.
func (m *Model) drive(c int) []float64 {
	if c < len(m.data.Units) && m.data.Units[c] != nil {
		return m.data.Units[c]
	}
	return m.data.Spend[c]
}

// Organic reports whether channel c is organic: media units without
// spend, so a contribution and no ROI.
func (m *Model) Organic(c int) bool { return c >= 0 && c < len(m.ch) && m.ch[c].organic }

// validateUnits checks Data.Units against the panel's n periods.
func validateUnits(d Data, n int) error {
	if len(d.Units) > len(d.Channels) {
		return fmt.Errorf("mmm: %d units series for %d channels", len(d.Units), len(d.Channels))
	}
	for c, u := range d.Units {
		if u == nil {
			continue
		}
		if len(u) != n {
			return fmt.Errorf("mmm: channel %q has %d units values for %d periods", d.Channels[c], len(u), n)
		}
		for t, v := range u {
			if !stat.Finite(v) || v < 0 {
				return fmt.Errorf("mmm: channel %q units in period %d (%v) are %g, want finite and >= 0", d.Channels[c], t+1, d.Dates[t], v)
			}
		}
	}
	return nil
}

// planDrive returns the scaled drive of channel c for planned spend v:
// spend itself, the units it buys at the channel's average cost per unit
// over the fitted periods, or, for an organic channel, v read as units.
func (m *Model) planDrive(c int, v float64) float64 {
	ch := &m.ch[c]
	if ch.organic || c >= len(m.data.Units) || m.data.Units[c] == nil {
		return v / ch.scale
	}
	units, spend := 0.0, 0.0
	for t := range m.nFit {
		units += m.data.Units[c][t]
		spend += m.data.Spend[c][t]
	}
	return v * units / spend / ch.scale
}
