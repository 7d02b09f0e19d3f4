package simulate

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/triad-mmm/triad/stat"
)

// geoSpendSeries draws the weekly spend of every geo and channel
// ([geo][channel][week], whole currency units). A channel's national level
// is drawn as in a national world and shared out by population times a
// per-geo intensity; each geo then has its own flighting: its own TV and
// out-of-home flights, print weeks, search noise and always-on drift, with
// the always-on channels' quarterly budget resets shared nationally. Spend
// that differs across geos in timing is what lets a geo model separate
// channels that a national panel cannot.
func geoSpendSeries(rng *rand.Rand, weeks, geos int, demand []float64, d geoDraws) [][][]float64 {
	out := make([][][]float64, geos)
	for g := range out {
		out[g] = make([][]float64, len(catalogue))
	}
	var popTotal float64
	for _, p := range d.pop {
		popTotal += p
	}
	for c, def := range catalogue {
		var level float64
		var quarters []float64
		switch def.name {
		case "tv":
			level = uniform(rng, 80e3, 160e3)
		case "ooh":
			level = uniform(rng, 20e3, 60e3)
		case "print":
			level = uniform(rng, 8e3, 25e3)
		case "search":
			level = uniform(rng, 30e3, 70e3)
			quarters = quarterFactors(rng, weeks, 0.15)
		case "social":
			level = uniform(rng, 20e3, 50e3)
			quarters = quarterFactors(rng, weeks, 0.3)
		case "display":
			level = uniform(rng, 15e3, 40e3)
			quarters = quarterFactors(rng, weeks, 0.3)
		}
		share := make([]float64, geos)
		for g := range share {
			share[g] = d.pop[g] / popTotal * d.spendMul[g][c]
		}
		normalise(share)
		for g := range out {
			lv := level * share[g]
			var x []float64
			switch def.name {
			case "tv":
				x = flighted(rng, weeks, lv, [2]int{3, 8}, [2]int{2, 8})
			case "ooh":
				x = flighted(rng, weeks, lv, [2]int{4, 8}, [2]int{3, 10})
			case "print":
				x = intermittent(rng, weeks, lv, 0.8)
			case "search":
				x = demandLed(rng, demand, lv, 1.2, 0.1)
			case "social":
				x = alwaysOn(rng, weeks, lv, 0.8, 0.15, 0.08)
			case "display":
				x = alwaysOn(rng, weeks, lv, 0.7, 0.2, 0.05)
			}
			for t := range x {
				if quarters != nil {
					x[t] *= quarters[t]
				}
				x[t] = math.Round(x[t])
			}
			out[g][c] = x
		}
	}
	return out
}

// quarterFactors draws a budget factor in [1−spread, 1+spread] per 13-week
// block, as quarterly applies it.
func quarterFactors(rng *rand.Rand, weeks int, spread float64) []float64 {
	f := make([]float64, weeks)
	for t := range f {
		f[t] = 1
	}
	quarterly(rng, f, spread)
	return f
}

// geoBaseline draws the shared weekly shocks, the geos' prices and noise,
// and sets every geo's baseline and KPI so that media is exactly the drawn
// share of noiseless revenue. It fills the national KPI and controls and
// returns the truth inputs of the national summary.
func (w *World) geoBaseline(in geoInputs, d geoDraws, media float64) truthInputs {
	T := len(w.Dates)
	rng := newRand(w.Options.Seed, streamGeoNoise)
	// The shared time effect: trend and seasonality (shape) plus a common
	// weekly shock, identifiable because every geo sees it.
	shock := make([]float64, T)
	var z float64
	for t := range shock {
		z = 0.5*z + 0.02*rng.NormFloat64()
		shock[t] = z
	}
	ctl := in.ctl
	meanP := ctl.meanPrice
	rel := w.geoPrices(rng, in, d, shock)
	base := in.base
	base.Level = media * (1/in.share - 1) / rel // per capita
	base.Shocks = shock
	priceCoef := -ctl.elasticity * base.Level / meanP
	promoCoef := ctl.promoLift * base.Level

	pops := make([]float64, len(w.Geos))
	for g, geo := range w.Geos {
		pops[g] = geo.Population
	}
	slices.Sort(pops)
	median := pops[len(pops)/2]

	baseline, noiseless := make([]float64, T), make([]float64, T)
	effects := [][]float64{make([]float64, T), make([]float64, T)}
	w.KPI = make([]float64, T)
	price := make([]float64, T)
	var noiseVar float64
	for g := range w.Geos {
		geo := &w.Geos[g]
		geo.Baseline = make([]float64, T)
		own := make([]float64, T)
		for t := range own {
			geo.Baseline[t] = base.Level * geo.Population * geo.Intercept * (in.shape[t] + shock[t])
			pe := priceCoef * geo.Population * (geo.Price[t] - meanP)
			pr := promoCoef * geo.Population * ctl.promo[t]
			own[t] = geo.Baseline[t] + pe + pr
			for c := range geo.Contribution {
				own[t] += geo.Contribution[c][t]
			}
			baseline[t] += geo.Baseline[t]
			effects[0][t] += pe
			effects[1][t] += pr
			noiseless[t] += own[t]
			price[t] += geo.Price[t] * geo.Population
		}
		geo.NoiseRel = in.noiseRel * math.Sqrt(median/geo.Population)
		noiseVar += geo.addNoise(rng, own)
		for t := range own {
			w.KPI[t] += geo.KPI[t]
		}
	}
	noise := make([]float64, T)
	var popTotal float64
	for _, p := range pops {
		popTotal += p
	}
	for t := range w.KPI {
		w.KPI[t] = round2(w.KPI[t])
		noise[t] = w.KPI[t] - noiseless[t]
		price[t] /= popTotal
	}
	w.ControlNames = []string{"price", "promo"}
	w.Controls = [][]float64{price, ctl.promo}
	return truthInputs{
		share: in.share, noiseRel: in.noiseRel, noiseSD: math.Sqrt(noiseVar), base: base,
		controls: []ControlTruth{
			{Name: "price", Coef: priceCoef, Center: meanP},
			{Name: "promo", Coef: promoCoef},
		},
		baseline: baseline, controlEffects: effects, noise: noise,
	}
}

// addNoise sets the geo's KPI to its noiseless revenue own plus Normal
// noise of SD NoiseRel × its mean, in cents, and returns the variance.
func (geo *Geo) addNoise(rng *rand.Rand, own []float64) float64 {
	sd := geo.NoiseRel * stat.Sum(own) / float64(len(own))
	geo.KPI = make([]float64, len(own))
	for t := range own {
		geo.KPI[t] = round2(own[t] + sd*rng.NormFloat64())
	}
	return sd * sd
}

// geoPrices draws every geo's price around the national one and returns
// the noiseless non-media revenue relative to the per-capita level,
// summed over geos and weeks, from which the level follows.
func (w *World) geoPrices(rng *rand.Rand, in geoInputs, d geoDraws, shock []float64) float64 {
	ctl, meanP := in.ctl, in.ctl.meanPrice
	var rel float64
	for g := range w.Geos {
		geo := &w.Geos[g]
		geo.Price = make([]float64, len(w.Dates))
		var r float64
		for t := range geo.Price {
			geo.Price[t] = round2(ctl.price[t] * math.Exp(d.priceOff[g]+0.01*rng.NormFloat64()))
			r += geo.Intercept*(in.shape[t]+shock[t]) - ctl.elasticity*(geo.Price[t]-meanP)/meanP + ctl.promoLift*ctl.promo[t]
		}
		rel += geo.Population * r
	}
	return rel
}
