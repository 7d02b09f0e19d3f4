package simulate

import (
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// BaselineTruth describes the non-media, non-control part of revenue:
//
//	baseline_t = Level · (1 + Trend·u + Curve·u² + Σ_k A_k sin(2πk f_t) + B_k cos(2πk f_t))
//
// with u = t/(weeks−1) and f_t the week start's DayOfYearFraction.
type BaselineTruth struct {
	Level   float64   `json:"level"`
	Trend   float64   `json:"trend"`
	Curve   float64   `json:"curve"`
	FourSin []float64 `json:"fourier_sin"`
	FourCos []float64 `json:"fourier_cos"`
	// Shocks are a geo world's shared weekly deviations (added to the shape
	// in every geo); a national world has none.
	Shocks []float64 `json:"shared_shocks,omitempty"`
}

// shape returns the baseline relative to Level for each date.
func (b BaselineTruth) shape(dates []civil.Date) []float64 {
	out := make([]float64, len(dates))
	n := len(dates)
	for t, d := range dates {
		u := 0.0
		if n > 1 {
			u = float64(t) / float64(n-1)
		}
		v := 1 + b.Trend*u + b.Curve*u*u + fourier(b.FourSin, b.FourCos, d.DayOfYearFraction())
		out[t] = v
	}
	return out
}

func fourier(a, b []float64, f float64) float64 {
	var s float64
	for k := range a {
		w := 2 * math.Pi * float64(k+1) * f
		s += a[k]*math.Sin(w) + b[k]*math.Cos(w)
	}
	return s
}

// drawBaseline draws trend and yearly seasonality (order 2) with a peak
// amplitude of 6–15% of the level. Level is set later, once media is known.
func drawBaseline(rng *rand.Rand, dates []civil.Date) BaselineTruth {
	b := BaselineTruth{
		Trend:   uniform(rng, -0.05, 0.15),
		Curve:   uniform(rng, -0.04, 0.04),
		FourSin: []float64{rng.NormFloat64(), 0.5 * rng.NormFloat64()},
		FourCos: []float64{rng.NormFloat64(), 0.5 * rng.NormFloat64()},
	}
	amp := uniform(rng, 0.06, 0.15)
	var peak float64
	for _, d := range dates {
		peak = math.Max(peak, math.Abs(fourier(b.FourSin, b.FourCos, d.DayOfYearFraction())))
	}
	for k := range b.FourSin {
		b.FourSin[k] *= amp / peak
		b.FourCos[k] *= amp / peak
	}
	return b
}

// ControlTruth is one control's effect: Coef · (value − Center) in KPI units.
type ControlTruth struct {
	Name   string  `json:"name"`
	Coef   float64 `json:"coef"`
	Center float64 `json:"center"`
}

// controls holds the drawn control series and their effects relative to
// the baseline level (multiplied by Level later).
type controls struct {
	price, promo []float64
	elasticity   float64 // revenue falls by elasticity·(price/mean − 1) of the level
	promoLift    float64 // a promo week adds promoLift·level
	meanPrice    float64
}

// drawControls draws a price that drifts (AR(1) on the log scale), may step
// up once, and is discounted in half of the promo weeks; promo is 0/1 in
// about one week in ten.
func drawControls(rng *rand.Rand, weeks int) controls {
	c := controls{
		price:      make([]float64, weeks),
		promo:      make([]float64, weeks),
		elasticity: uniform(rng, 0.8, 2.0),
		promoLift:  uniform(rng, 0.04, 0.10),
	}
	p0 := uniform(rng, 8, 20)
	step, stepAt := 0.0, weeks
	if rng.Float64() < 0.5 {
		step, stepAt = uniform(rng, 0.03, 0.06), intBetween(rng, weeks/4, 3*weeks/4)
	}
	discount := rng.Float64() < 0.5
	var z float64
	for t := range c.price {
		z = 0.9*z + 0.01*rng.NormFloat64()
		p := p0 * math.Exp(z)
		if t >= stepAt {
			p *= 1 + step
		}
		if t >= 4 && rng.Float64() < 0.1 {
			c.promo[t] = 1
			if discount {
				p *= 0.9
			}
		}
		c.price[t] = round2(p)
	}
	c.meanPrice = stat.Sum(c.price) / float64(weeks)
	return c
}

// relEffect returns the controls' combined effect at week t relative to the
// baseline level.
func (c controls) relEffect(t int) float64 {
	return -c.elasticity*(c.price[t]/c.meanPrice-1) + c.promoLift*c.promo[t]
}
