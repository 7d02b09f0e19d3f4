package pipeline

import (
	"math"

	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// geoSection is the report's geos[]: each geo's population, each
// channel's spend, ROI and contribution in it (from the final fit) with
// its incrementality factor where the MTA export has geos, and the fit in
// the geo, and the panel's note on how geos were scaled. Nil for a
// national fit.
func geoSection(in *Inputs, f *fitted, a *analysis) ([]report.Geo, string) {
	gp, ok := f.final().(*mmm.GeoPosterior)
	if !ok {
		return nil, ""
	}
	var out []report.Geo
	for g, s := range gp.GeoSummary(a.level) {
		if !(s.Population > 0) {
			s.Population = math.NaN()
		}
		rg := report.Geo{Name: s.Name, Population: s.Population}
		for c, cs := range s.Channels {
			gc := report.GeoChannel{Name: cs.Name, Spend: cs.Spend, ROI: riv(cs.ROI), Contribution: riv(cs.Contribution),
				IncrementalityFactor: report.Unknown}
			if in.MTA != nil && in.MTA.Geos != nil && !in.isOffline(c) {
				if k, ok := in.MTA.GeoIndex(s.Name); ok {
					if attr := in.MTA.GeoChannelTotal(k, c); attr > 0 {
						iv := cs.Contribution
						gc.IncrementalityFactor = riv(mmm.Interval{Mean: iv.Mean / attr, Lo: iv.Lo / attr, Hi: iv.Hi / attr})
					}
				}
			}
			rg.Channels = append(rg.Channels, gc)
		}
		if g < len(a.geo.GeoFits) {
			m := a.geo.GeoFits[g].InSample
			rg.Fit = &report.GeoFit{R2: m.R2, MAPE: m.MAPE, NRMSE: m.NRMSE}
		}
		out = append(out, rg)
	}
	return out, in.Panel.Geos.Note
}
