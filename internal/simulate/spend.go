package simulate

import (
	"math"
	"math/rand/v2"
)

// spendSeries draws the weekly spend (whole currency units) of every
// channel in catalogue order. demand is the baseline demand index (mean 1):
// paid search follows it because search volume does, which is what lets MTA
// over-credit search.
func spendSeries(rng *rand.Rand, weeks int, demand []float64) [][]float64 {
	out := make([][]float64, len(catalogue))
	for c, d := range catalogue {
		var x []float64
		switch d.name {
		case "tv":
			x = flighted(rng, weeks, uniform(rng, 80e3, 160e3), [2]int{3, 8}, [2]int{2, 8})
		case "ooh":
			x = flighted(rng, weeks, uniform(rng, 20e3, 60e3), [2]int{4, 8}, [2]int{3, 10})
		case "print":
			x = intermittent(rng, weeks, uniform(rng, 8e3, 25e3), 0.8)
		case "search":
			x = demandLed(rng, demand, uniform(rng, 30e3, 70e3), 1.2, 0.1)
			quarterly(rng, x, 0.15)
		case "social":
			x = alwaysOn(rng, weeks, uniform(rng, 20e3, 50e3), 0.8, 0.15, 0.08)
			quarterly(rng, x, 0.3)
		case "display":
			x = alwaysOn(rng, weeks, uniform(rng, 15e3, 40e3), 0.7, 0.2, 0.05)
			quarterly(rng, x, 0.3)
		}
		for t := range x {
			x[t] = math.Round(x[t])
		}
		out[c] = x
	}
	return out
}

// flighted alternates bursts of spend (durations in on weeks) with silences
// (off weeks), as TV and out-of-home are bought.
func flighted(rng *rand.Rand, weeks int, level float64, on, off [2]int) []float64 {
	x := make([]float64, weeks)
	active := rng.IntN(2) == 0
	for t := 0; t < weeks; {
		if !active {
			t += intBetween(rng, off[0], off[1])
			active = true
			continue
		}
		n := intBetween(rng, on[0], on[1])
		m := uniform(rng, 0.7, 1.3)
		for i := 0; i < n && t < weeks; i, t = i+1, t+1 {
			x[t] = level * m * uniform(rng, 0.85, 1.15)
		}
		active = false
	}
	return x
}

// intermittent spends in a week with probability p, at a varying level.
func intermittent(rng *rand.Rand, weeks int, level, p float64) []float64 {
	x := make([]float64, weeks)
	for t := range x {
		if rng.Float64() < p {
			x[t] = level * uniform(rng, 0.6, 1.4)
		}
	}
	return x
}

// demandLed spends in proportion to demand^elasticity with log-normal noise.
func demandLed(rng *rand.Rand, demand []float64, level, elasticity, sd float64) []float64 {
	x := make([]float64, len(demand))
	for t, d := range demand {
		x[t] = level * math.Pow(d, elasticity) * math.Exp(sd*rng.NormFloat64())
	}
	return x
}

// quarterly multiplies each 13-week block of x by a budget factor drawn in
// [1−spread, 1+spread]: always-on budgets are reset every quarter.
func quarterly(rng *rand.Rand, x []float64, spread float64) {
	var m float64
	for t := range x {
		if t%13 == 0 {
			m = uniform(rng, 1-spread, 1+spread)
		}
		x[t] *= m
	}
}

// alwaysOn spends every week around level, with an AR(1) drift on the log
// scale and, with probability push per week, a 2–4 week push at 1.3–1.8×.
func alwaysOn(rng *rand.Rand, weeks int, level, phi, sd, push float64) []float64 {
	x := make([]float64, weeks)
	var z float64
	boost, left := 1.0, 0
	for t := range x {
		z = phi*z + sd*rng.NormFloat64()
		if left == 0 {
			boost = 1
			if rng.Float64() < push {
				boost, left = uniform(rng, 1.3, 1.8), intBetween(rng, 2, 4)
			}
		}
		if left > 0 {
			left--
		}
		x[t] = level * boost * math.Exp(z)
	}
	return x
}
