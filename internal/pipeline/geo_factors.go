package pipeline

import (
	"slices"
	"strings"

	"github.com/triad-mmm/triad/mmm"
)

// geoFactor is a factor column of a geo panel read per geo: one factor
// over every geo-period (flat, geo after geo, n periods each), so that its
// levels and reference are those of the whole panel, not of the first
// geo as the national coding takes them.
type geoFactor struct {
	factor
	n int
}

// newGeoFactor codes column col from its values per geo.
func newGeoFactor(col string, byGeo [][]string) geoFactor {
	var flat []string
	for _, s := range byGeo {
		flat = append(flat, s...)
	}
	n := 0
	if len(byGeo) > 0 {
		n = len(byGeo[0])
	}
	return geoFactor{factor: newFactor(col, flat), n: n}
}

// indicator returns level l's 0/1 series in every geo.
func (f geoFactor) indicator(l string) [][]float64 {
	all := f.factor.indicator(l)
	out := make([][]float64, len(all)/max(f.n, 1))
	for g := range out {
		out[g] = all[g*f.n : (g+1)*f.n]
	}
	return out
}

// slice returns the factor over periods [s0, e0), recoded: levels absent
// from them would be constant indicators.
func (f geoFactor) slice(s0, e0 int) geoFactor {
	var byGeo [][]string
	for g := 0; g < len(f.values)/max(f.n, 1); g++ {
		byGeo = append(byGeo, slices.Clone(f.values[g*f.n+s0:g*f.n+e0]))
	}
	return newGeoFactor(f.column, byGeo)
}

// geoFactorValue reads a factor cell as the national pass does.
func geoFactorValue(s string) string { return strings.TrimSpace(s) }

// geoControlData adds the factor indicators and the treatments to d's
// controls, per geo, after the configured ones and in the order modelData
// gives them nationally (factors, then treatments).
func (in *Inputs) geoControlData(d *mmm.GeoData) {
	ex := in.Extras
	if ex == nil || len(ex.geoFactors)+len(ex.geoTreatments) == 0 {
		return
	}
	d.ControlNames = append([]string(nil), d.ControlNames...)
	d.Controls = append([][][]float64(nil), d.Controls...)
	for _, f := range ex.geoFactors {
		for _, l := range f.levels {
			d.ControlNames = append(d.ControlNames, factorControl(f.column, l))
			d.Controls = append(d.Controls, f.indicator(l))
		}
	}
	for j, t := range in.Config.Model.Treatments {
		d.ControlNames = append(d.ControlNames, t.Name)
		d.Controls = append(d.Controls, ex.geoTreatments[j])
	}
}
