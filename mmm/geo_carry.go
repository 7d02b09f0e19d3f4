package mmm

import (
	"fmt"

	"github.com/triad-mmm/triad/stat"
)

// A fit window on a geo panel works as nationally (see carry.go): the
// model's periods are the window's and GeoData.Carry holds each geo's
// drive in the periods just before, whose last MaxLag values feed the
// carryover of the window's first periods in every convolution of the
// geo's series, in the log density and its gradient, the lift terms and
// the posterior's views. The helpers below are no-ops without carry.

// geoCarry returns channel c's scaled carry per geo (nil without): the
// last MaxLag values over the geo's first-period population and the
// channel's scale, as the drive of the window is scaled.
func (m *GeoModel) geoCarry(c, maxLag int, scale float64) [][]float64 {
	d := m.data
	if c >= len(d.Carry) || d.Carry[c] == nil {
		return nil
	}
	out := make([][]float64, m.G)
	for g, src := range d.Carry[c] {
		src = src[len(src)-carryLen(src, maxLag):]
		out[g] = make([]float64, len(src))
		k := d.popAt(g, 0) * scale
		for i, v := range src {
			out[g][i] = v / k
		}
	}
	return out
}

// addCarry adds geo g's carry to a, the adstock of its periods from 0.
func (ch *geoChannel) addCarry(g int, a, w []float64) {
	if ch.pre != nil {
		addCarry(a, ch.pre[g], w)
	}
}

// addCarryAt adds geo g's carry to a, the adstock of its periods start,
// start+1, ...
func (ch *geoChannel) addCarryAt(g int, a, w []float64, start int) {
	if ch.pre != nil {
		addCarryAt(a, ch.pre[g], w, start)
	}
}

// carryGrad adds geo g's carry part of dLL/dw to gw for dLL/dA ga of its
// periods start, start+1, ...
func (ch *geoChannel) carryGrad(g int, gw, ga []float64, start int) {
	if ch.pre != nil {
		carryGrad(gw, ga, ch.pre[g], start)
	}
}

// validateGeoCarry checks GeoData.Carry: one series per geo, finite and
// >= 0.
func validateGeoCarry(d GeoData) error {
	if len(d.Carry) > len(d.Channels) {
		return fmt.Errorf("mmm: %d carry panels for %d channels", len(d.Carry), len(d.Channels))
	}
	for c, panel := range d.Carry {
		if panel == nil {
			continue
		}
		if len(panel) != len(d.Geos) {
			return fmt.Errorf("mmm: channel %q has carry for %d geos, want %d", d.Channels[c], len(panel), len(d.Geos))
		}
		for g, s := range panel {
			for i, v := range s {
				if !stat.Finite(v) || v < 0 {
					return fmt.Errorf("mmm: channel %q carry value %d in geo %q is %g, want finite and >= 0", d.Channels[c], i+1, d.Geos[g], v)
				}
			}
		}
	}
	return nil
}
