package simulate

import (
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/stat"
)

// drawGeoMTA builds a geo world's daily export: one row per day × geo ×
// online platform (no campaigns), plus the unmapped affiliate platform per
// geo, in date, geo, platform order. Attribution is biased as in a national
// world (search claims brand demand, social and display over-credit by
// view-through), and each geo's platforms over- or under-claim by their own
// factor (log-normal, SD 0.2), so the true incrementality factor differs
// by geo. The national constants are solved so that each channel's
// national factor hits a drawn target.
func (w *World) drawGeoMTA(rng *rand.Rand) []MTARow {
	T, G := len(w.Dates), len(w.Geos)
	swd, rwd := w.weekdayProfiles(rng)
	var online []int
	for c, def := range catalogue {
		if !def.offline {
			online = append(online, c)
		}
	}
	claim := make([][]float64, G) // [geo][online channel]
	for g := range claim {
		claim[g] = make([]float64, len(online))
		for i := range online {
			claim[g][i] = math.Exp(0.2*rng.NormFloat64() - 0.02)
		}
	}
	drift := viewDrift(rng, len(online), T)
	spend := make([][][]float64, G) // [geo][online channel][week·7+day]
	for g, geo := range w.Geos {
		spend[g] = make([][]float64, len(online))
		for i, c := range online {
			for t := 0; t < T; t++ {
				spend[g][i] = append(spend[g][i], splitCents(geo.Spend[c][t], swd[:])...)
			}
		}
	}
	var popTotal float64
	for _, geo := range w.Geos {
		popTotal += geo.Population
	}
	affLevel := uniform(rng, 1500, 4000)
	const noiseSD = 0.15
	cells := make([]mtaCell, 0, T*7*G*(len(online)+1))
	for t := 0; t < T; t++ {
		for d := 0; d < 7; d++ {
			day := w.Dates[t].AddDays(d)
			for g, geo := range w.Geos {
				for i, c := range online {
					ch := w.Channels[c]
					tr := geo.Contribution[c][t] * rwd[d]
					noise := math.Exp(noiseSD*rng.NormFloat64() - noiseSD*noiseSD/2)
					cl := mtaCell{ch: i, row: MTARow{Date: day, Geo: geo.Name, Channel: ch.Platform,
						Spend: spend[g][i][t*7+d], TrueRevenue: tr}}
					cl.attrTrue = tr * claim[g][i] * noise
					if ch.Name == "search" {
						cl.attrBase = geo.Baseline[t] * rwd[d] * 0.7 * claim[g][i] * noise
					} else {
						cl.attrTrue *= drift[i][t]
					}
					cells = append(cells, cl)
				}
				noise := math.Exp(noiseSD*rng.NormFloat64() - noiseSD*noiseSD/2)
				attr := round2(affLevel * 7 * rwd[d] * noise * geo.Population / popTotal)
				cells = append(cells, mtaCell{ch: -1, row: MTARow{Date: day, Geo: geo.Name, Channel: unmappedPlatform,
					AttributedRevenue: attr, Spend: round2(0.1 * attr)}})
			}
		}
	}
	return w.solveAttribution(rng, online, cells)
}

// mtaCell is one export row before the attribution constants are solved:
// attrTrue and attrBase are its two parts of attributed revenue.
type mtaCell struct {
	row                MTARow
	ch                 int // index into the online channels, −1 for the unmapped platform
	attrTrue, attrBase float64
}

// solveAttribution sets each online channel's constant so that its
// national incrementality factor hits a drawn target (search: IF = C / (A
// + φ·B); others: IF = C / (κ·A)) and returns the rows.
func (w *World) solveAttribution(rng *rand.Rand, online []int, cells []mtaCell) []MTARow {
	phi := make([]float64, len(online))
	kappa := make([]float64, len(online))
	for i, c := range online {
		var a, b float64
		for _, cl := range cells {
			if cl.ch == i {
				a += cl.attrTrue
				b += cl.attrBase
			}
		}
		contrib := stat.Sum(w.Channels[c].Contribution)
		if w.Channels[c].Name == "search" {
			target := uniform(rng, 0.3, 0.6)
			kappa[i] = 1
			phi[i] = math.Max(0, (contrib/target-a)/b)
		} else {
			kappa[i] = contrib / (uniform(rng, 0.5, 0.9) * a)
		}
	}
	rows := make([]MTARow, len(cells))
	for r, cl := range cells {
		if cl.ch >= 0 {
			cl.row.AttributedRevenue = round2(kappa[cl.ch]*cl.attrTrue + phi[cl.ch]*cl.attrBase)
		}
		rows[r] = cl.row
	}
	return rows
}

// geoSummaries returns the truth of every geo and channel.
func (w *World) geoSummaries() []GeoSummary {
	type key struct{ geo, platform string }
	attributed := map[key]float64{}
	for _, r := range w.MTA {
		attributed[key{r.Geo, r.Channel}] += r.AttributedRevenue
	}
	out := make([]GeoSummary, len(w.Geos))
	for g, geo := range w.Geos {
		s := GeoSummary{Name: geo.Name, Population: geo.Population, KPITotal: stat.Sum(geo.KPI),
			Intercept: geo.Intercept, NoiseRelative: geo.NoiseRel}
		for c, ch := range w.Channels {
			cs := GeoChannelSummary{Name: ch.Name, Spend: stat.Sum(geo.Spend[c]),
				Contribution: stat.Sum(geo.Contribution[c]), Effect: geo.Effect[c]}
			if cs.Spend > 0 {
				roi := cs.Contribution / cs.Spend
				cs.ROI = &roi
			}
			if a := attributed[key{geo.Name, ch.Platform}]; !ch.Offline && a > 0 {
				f := cs.Contribution / a
				cs.MTAAttributed, cs.IncrementalityFactor = &a, &f
			}
			s.Channels = append(s.Channels, cs)
		}
		out[g] = s
	}
	return out
}
