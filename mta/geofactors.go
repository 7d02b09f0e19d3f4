package mta

import "math"

// GeoFactors returns each geo's incrementality factor per channel,
// contribution(geo, c) / the geo's MTA attribution of c over the period,
// NaN where the contribution is unknown or the geo's MTA attributed
// nothing to the channel. It is nil without per-geo aggregates.
func (a *Aggregate) GeoFactors(contribution func(geo string, c int) (float64, bool)) map[string][]float64 {
	if a.Geos == nil {
		return nil
	}
	out := make(map[string][]float64, len(a.Geos))
	for g, name := range a.Geos {
		f := make([]float64, len(a.Channels))
		for c := range f {
			f[c] = math.NaN()
			if v, ok := contribution(name, c); ok {
				if attr := a.GeoChannelTotal(g, c); attr > 0 {
					f[c] = v / attr
				}
			}
		}
		out[name] = f
	}
	return out
}
