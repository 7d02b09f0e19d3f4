package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/triad-mmm/triad/stat"
)

// Geo is one geo of a geo world with its truth. Per geo g, channel c and
// week t, on the per-capita scale the geo model assumes:
//
//	y_gt/pop_g = L·Intercept_g·(shape_t + shock_t) + γ·(z_gt − z̄)
//	             + Effect_gc · β_c · Hill(adstock(x_gc/pop_g)_t / s_c) + ε_gt
//
// with β_c, the adstock, the Hill curve and the per-capita spend scale s_c
// shared by all geos (World.Channels[c].Response holds them: a geo world's
// national Response is per capita, at Effect 1), Effect_gc = exp(η_c·z_gc)
// and ε_gt Normal with an SD that grows as the geo shrinks (small geos are
// noisier per capita). Response[c] is the geo's own response in revenue
// units: Scale s_c·pop_g and Beta β_c·Effect_gc·pop_g.
type Geo struct {
	Name       string
	Population float64
	// Intercept is the geo's baseline per capita relative to the national
	// level (exp τ_g).
	Intercept float64
	// NoiseRel is the noise SD relative to the geo's mean noiseless revenue.
	NoiseRel float64
	KPI      []float64
	// Price is the geo's price (a control that varies by geo); promo is
	// national (World.Controls[1]).
	Price        []float64
	Spend        [][]float64 // [channel][week], whole currency units
	Effect       []float64   // [channel] exp(η_c z_gc)
	Response     []Response  // [channel]
	Contribution [][]float64 // [channel][week]
	Baseline     []float64
}

// geoInputs are the national draws a world is built on (a geo world
// divides them over its geos).
type geoInputs struct {
	params          []channelParams
	share, noiseRel float64
	base            BaselineTruth
	shape, demand   []float64
	ctl             controls
}

// geoDraws are the geo-level parameters, drawn from one stream.
type geoDraws struct {
	pop, intercept, priceOff []float64
	spendMul, z              [][]float64 // [geo][channel]
	eta                      []float64   // [channel]
}

// drawGeoSizes draws unbalanced geos: populations follow Zipf's law
// (rank^−1, a few big geos and a long tail of small ones) with log-normal
// jitter, and are handed to geo names in random order so that name order
// says nothing about size.
func drawGeoSizes(rng *rand.Rand, n int) geoDraws {
	d := geoDraws{pop: make([]float64, n), intercept: make([]float64, n), priceOff: make([]float64, n),
		spendMul: make([][]float64, n), z: make([][]float64, n), eta: make([]float64, len(catalogue))}
	perm := rng.Perm(n)
	for r := 0; r < n; r++ {
		p := 5e6 / float64(r+1) * math.Exp(0.25*rng.NormFloat64())
		d.pop[perm[r]] = math.Max(20000, math.Round(p))
	}
	for c := range d.eta {
		d.eta[c] = uniform(rng, 0.15, 0.35)
	}
	for g := 0; g < n; g++ {
		d.intercept[g] = math.Exp(0.15 * rng.NormFloat64())
		d.priceOff[g] = 0.03 * rng.NormFloat64()
		d.spendMul[g] = make([]float64, len(catalogue))
		d.z[g] = make([]float64, len(catalogue))
		for c := range catalogue {
			d.spendMul[g][c] = math.Exp(0.3 * rng.NormFloat64())
			d.z[g][c] = rng.NormFloat64()
		}
	}
	return d
}

// geoName returns the name of geo g of n: geo_01 … geo_40.
func geoName(g, n int) string {
	return fmt.Sprintf("geo_%0*d", len(fmt.Sprint(n)), g+1)
}

// generateGeos fills w as a geo world (Options.Geos > 0). The national
// series (KPI, spend, contributions, controls) are the sums over geos
// (controls: population-weighted means), so every national truth keeps
// its meaning.
func (w *World) generateGeos(in geoInputs) (*World, error) {
	o := w.Options
	T, N := len(w.Dates), o.Geos
	d := drawGeoSizes(newRand(o.Seed, streamGeoSizes), N)
	spend := geoSpendSeries(newRand(o.Seed, streamGeoSpend), T, N, in.demand, d)
	w.Geos = make([]Geo, N)
	for g := range w.Geos {
		w.Geos[g] = Geo{Name: geoName(g, N), Population: d.pop[g], Intercept: d.intercept[g],
			Spend: spend[g], Effect: make([]float64, len(catalogue)),
			Response: make([]Response, len(catalogue)), Contribution: make([][]float64, len(catalogue))}
	}
	w.GeoEta = d.eta
	media, err := w.geoMedia(in.params, d)
	if err != nil {
		return nil, err
	}
	ti := w.geoBaseline(in, d, media)
	tests, ttruth, err := w.drawGeoLiftTests(newRand(o.Seed, streamGeoLift), o.LiftTests)
	if err != nil {
		return nil, err
	}
	w.LiftTests = tests
	ti.tests = ttruth
	w.MTA = w.drawGeoMTA(newRand(o.Seed, streamGeoMTA))
	w.Truth = w.summarise(ti)
	w.Truth.Geos = w.geoSummaries()
	for c := range w.Truth.Channels {
		eta := d.eta[c]
		w.Truth.Channels[c].GeoEta = &eta
	}
	return w, nil
}

// geoMedia solves each channel's per-capita β from its drawn national ROI
// (ROI_c · Σ spend = β_c Σ_g Effect_gc·pop_g·D_gc, D_gc the geo's response
// at unit β), fills every geo's contributions and the national channels,
// and returns the total media contribution.
func (w *World) geoMedia(params []channelParams, d geoDraws) (float64, error) {
	T := len(w.Dates)
	var media float64
	w.Channels = make([]ChannelTruth, len(catalogue))
	for c, def := range catalogue {
		national := make([]float64, T)
		var capita []float64
		for g := range w.Geos {
			for t, v := range w.Geos[g].Spend[c] {
				national[t] += v
				capita = append(capita, v/w.Geos[g].Population)
			}
		}
		scale := meanPositive(capita)
		if scale == 0 {
			return 0, fmt.Errorf("simulate: seed %d: channel %s has no spend", w.Options.Seed, def.name)
		}
		var unit float64
		for g := range w.Geos {
			geo := &w.Geos[g]
			geo.Effect[c] = math.Exp(d.eta[c] * d.z[g][c])
			geo.Response[c] = Response{Adstock: params[c].adstock, Saturation: params[c].hill,
				Scale: scale * geo.Population, Beta: geo.Effect[c] * geo.Population}
			unit += geo.Response[c].Total(geo.Spend[c])
		}
		beta := params[c].roi * stat.Sum(national) / unit
		contrib := make([]float64, T)
		for g := range w.Geos {
			geo := &w.Geos[g]
			geo.Response[c].Beta *= beta
			geo.Contribution[c] = make([]float64, T)
			geo.Response[c].Weekly(geo.Contribution[c], geo.Spend[c])
			for t, v := range geo.Contribution[c] {
				contrib[t] += v
			}
		}
		media += stat.Sum(contrib)
		r := Response{Adstock: params[c].adstock, Saturation: params[c].hill, Scale: scale, Beta: beta}
		w.Channels[c] = ChannelTruth{Name: def.name, Offline: def.offline, Platform: def.platform,
			Spend: national, Response: r, Contribution: contrib}
	}
	return media, nil
}

// GeoIndex returns the index of the named geo, or −1.
func (w *World) GeoIndex(name string) int {
	return slices.IndexFunc(w.Geos, func(g Geo) bool { return g.Name == name })
}

// GeoNames returns the geos' names in panel order.
func (w *World) GeoNames() []string {
	out := make([]string, len(w.Geos))
	for g, geo := range w.Geos {
		out[g] = geo.Name
	}
	return out
}

// geoTotal is TrueContribution in a geo world: each week's national spend
// is shared out over the geos as the history shares it (by population in a
// week the history did not spend), and the geos' responses are summed.
func (w *World) geoTotal(c int, spend []float64) float64 {
	var popTotal float64
	for _, geo := range w.Geos {
		popTotal += geo.Population
	}
	hist := w.Channels[c].Spend
	x := make([]float64, len(spend))
	var total float64
	for _, geo := range w.Geos {
		for t, v := range spend {
			if hist[t] > 0 {
				x[t] = v * geo.Spend[c][t] / hist[t]
			} else {
				x[t] = v * geo.Population / popTotal
			}
		}
		total += geo.Response[c].Total(x)
	}
	return total
}
