package mmm

import (
	"fmt"

	"github.com/triad-mmm/triad/stat"
)

// An organic channel in the geo model (Meridian's organic media, Robyn's
// organic_vars) is a channel whose units drive it and that spent nothing:
// its units per capita go through the channel's adstock and saturation,
// shared across geos as a paid channel's are, and its effect pools across
// geos through η and z as a paid channel's does. Its coordinate is its
// share of the KPI over the fitted periods, so Meridian's β solve reads
// b = share·KPI/(ȳ·Σ_g pop_g·e_g·Σ_t S_gt): the national contribution is
// share × KPI, as a paid channel's is ROI × spend.

// geoDrive returns the series that drives channel c in geo g, in original
// units: its units when GeoData.Units has them, else its spend.
func (d GeoData) geoDrive(c, g int) []float64 {
	if c < len(d.Units) && d.Units[c] != nil {
		return d.Units[c][g]
	}
	return d.Spend[c][g]
}

// Organic reports whether channel c is organic: units without spend, so
// a contribution and no ROI.
func (m *GeoModel) Organic(c int) bool { return c >= 0 && c < len(m.ch) && m.ch[c].organic }

// validateGeoUnits checks GeoData.Units: one series per geo and period,
// finite and >= 0.
func validateGeoUnits(d GeoData) error {
	if len(d.Units) > len(d.Channels) {
		return fmt.Errorf("mmm: %d units panels for %d channels", len(d.Units), len(d.Channels))
	}
	for c, u := range d.Units {
		if u == nil {
			continue
		}
		if len(u) != len(d.Geos) {
			return fmt.Errorf("mmm: channel %q has units for %d geos, want %d", d.Channels[c], len(u), len(d.Geos))
		}
		for g, row := range u {
			if len(row) != len(d.Dates) {
				return fmt.Errorf("mmm: channel %q has %d units values in geo %q for %d periods", d.Channels[c], len(row), d.Geos[g], len(d.Dates))
			}
			for t, v := range row {
				if !stat.Finite(v) || v < 0 {
					return fmt.Errorf("mmm: channel %q units in geo %q on %s are %g, want finite and >= 0", d.Channels[c], d.Geos[g], d.Dates[t], v)
				}
			}
		}
	}
	return nil
}
