package mmm_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// Fit a two-channel model to two years of weekly data and read the ROIs.
func Example() {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 104
	d := mmm.Data{StepDays: 7, Channels: []string{"tv", "search"}, Spend: [][]float64{make([]float64, n), make([]float64, n)}}
	start := civil.New(2023, 1, 2)
	tv := mmm.Hill{K: 1, S: 2}
	search := mmm.Hill{K: 0.8, S: 1}
	w := make([]float64, 9)
	mmm.Geometric{Alpha: 0.5}.Weights(w)
	x := make([]float64, n)
	for t := range n {
		d.Dates = append(d.Dates, start.AddDays(7*t))
		if (t/6)%2 == 0 {
			d.Spend[0][t] = 20000 * (0.5 + rng.Float64())
		}
		d.Spend[1][t] = 10000 * (0.5 + rng.Float64())
	}
	// Media effects: tv with carryover, search without.
	a := make([]float64, n)
	for t := range n {
		x[t] = d.Spend[0][t] / 20000
	}
	mmm.Convolve(a, x, w)
	contrib := make([]float64, 2)
	for t := range n {
		tvKPI, searchKPI := 60000*tv.Value(a[t]), 25000*search.Value(d.Spend[1][t]/10000)
		contrib[0] += tvKPI
		contrib[1] += searchKPI
		kpi := 400000 + 15000*math.Sin(2*math.Pi*d.Dates[t].DayOfYearFraction()) + tvKPI + searchKPI
		d.KPI = append(d.KPI, kpi+8000*rng.NormFloat64())
	}

	m, err := mmm.NewModel(d, mmm.DefaultSpec(d))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := mmm.Fit(context.Background(), m, mmm.FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 200, Draws: 200, Seed: 1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for c, s := range p.ChannelSummary(0.9) {
		truth := contrib[c] / s.Spend
		fmt.Printf("%s: true ROI %.1f, inside the 90%% interval: %v\n", s.Name, truth, s.ROI.Lo < truth && truth < s.ROI.Hi)
	}
	fmt.Println("draws:", p.Draws())
	// Output:
	// tv: true ROI 1.4, inside the 90% interval: true
	// search: true ROI 1.3, inside the 90% interval: true
	// draws: 400
}

// Carryover weights of the three adstock shapes over five lags.
func ExampleWeibull_Weights() {
	w := make([]float64, 5)
	for _, a := range []interface{ Weights([]float64) }{
		mmm.Geometric{Alpha: 0.5},
		mmm.Delayed{Alpha: 0.5, Theta: 1},
		mmm.Weibull{Shape: 2, Scale: 2}, // peaks in the period after spend
	} {
		a.Weights(w)
		fmt.Printf("%T %.2f\n", a, w)
	}
	// Output:
	// mmm.Geometric [0.52 0.26 0.13 0.06 0.03]
	// mmm.Delayed [0.24 0.48 0.24 0.03 0.00]
	// mmm.Weibull [0.23 0.42 0.26 0.08 0.01]
}

// A channel's media transform from components: delayed adstock with its
// own peak prior, then Hill saturation with the default priors, both at
// the centre of their priors.
func ExampleDelayedAdstock() {
	spec := mmm.ChannelSpec{
		Adstock:    mmm.DelayedAdstock{Theta: mmm.Beta{A: 3, B: 3}}, // peak near half of MaxLag
		MaxLag:     4,
		Saturation: mmm.HillSaturation{},
	}
	for _, p := range append(spec.Adstock.Params(), spec.Saturation.Params()...) {
		fmt.Printf("%s ~ %T%+v\n", p.Name, p.Prior, p.Prior)
	}
	u := make([]float64, len(spec.Adstock.Coords()))
	spec.Adstock.Center(u)
	w := make([]float64, spec.MaxLag+1)
	spec.Adstock.Weights(w, u)
	fmt.Printf("weights %.2f\n", w)

	spend := []float64{0, 2, 0, 0, 0, 0} // scaled: 1 = the channel's mean spend
	a := make([]float64, len(spend))
	mmm.Convolve(a, spend, w)
	us, v := make([]float64, 2), make([]float64, 2)
	spec.Saturation.Center(us)
	spec.Saturation.Constrain(v, us) // K and slope
	spec.Saturation.Curve(a, a, v)
	fmt.Printf("saturated %.2f\n", a)
	// Output:
	// alpha ~ mmm.Beta{A:1.5 B:3}
	// theta ~ mmm.Beta{A:3 B:3}
	// k ~ mmm.LogNormal{Mu:0 Sigma:0.6}
	// slope ~ mmm.LogNormal{Mu:0.3 Sigma:0.5}
	// weights [0.01 0.20 0.59 0.20 0.01]
	// saturated [0.00 0.00 0.22 0.56 0.22 0.00]
}

// The default media prior resolves to the share family, the same in any
// units; roi is Meridian's prior on ROI as stated.
func ExampleMediaPrior() {
	for _, s := range []string{"auto", "roi", "share"} {
		k, err := mmm.ParseMediaPrior(s)
		if err != nil {
			panic(err)
		}
		fmt.Println(k, "→", k.Resolve())
	}
	_, err := mmm.ParseMediaPrior("currency")
	fmt.Println(err)
	// Output:
	// auto → share
	// roi → roi
	// share → share
	// "currency": want auto, roi or share
}
