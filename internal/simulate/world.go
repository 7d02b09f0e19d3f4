package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// World is one simulated market with its truth.
type World struct {
	Options Options // with defaults filled in
	Dates   []civil.Date
	// KPI is weekly revenue, rounded to cents.
	KPI      []float64
	Channels []ChannelTruth
	// ControlNames are "price" and "promo"; Controls[j][t] their values.
	ControlNames []string
	Controls     [][]float64
	LiftTests    []LiftTest
	MTA          []MTARow
	Truth        Truth
	// Geos are the geos of a geo world (Options.Geos > 0), nil otherwise;
	// the national series above are then their sums. GeoEta[c] is the SD
	// η_c of channel c's log effect across geos.
	Geos   []Geo
	GeoEta []float64
}

// ChannelTruth is one channel's spend and true response.
type ChannelTruth struct {
	Name    string
	Offline bool
	// Platform is the channel's name in the MTA export ("" when offline).
	Platform string
	// Spend is weekly spend in whole currency units.
	Spend    []float64
	Response Response
	// Contribution is the true weekly revenue due to the channel.
	Contribution []float64
}

// Weeks returns the number of weekly periods.
func (w *World) Weeks() int { return len(w.Dates) }

// Channel returns the index of the named channel, or −1.
func (w *World) Channel(name string) int {
	for i, c := range w.Channels {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// TrueContribution returns channel c's true contribution over the panel's
// weeks for the weekly spend series spend (same length as the panel; the
// spend scale of the simulated history is kept, so the response curve is
// fixed). It returns NaN for an unknown channel or a series of the wrong
// length.
func (w *World) TrueContribution(c int, spend []float64) float64 {
	if c < 0 || c >= len(w.Channels) || len(spend) != len(w.Dates) {
		return math.NaN()
	}
	if w.Geos != nil {
		return w.geoTotal(c, spend)
	}
	return w.Channels[c].Response.Total(spend)
}

// TrueContributionAt returns channel c's true contribution when its total
// spend over the period is total, distributed over weeks as historically
// (the flighting is kept: weekly spend = total/Σ history × history).
func (w *World) TrueContributionAt(c int, total float64) float64 {
	if c < 0 || c >= len(w.Channels) {
		return math.NaN()
	}
	hist := w.Channels[c].Spend
	s := stat.Sum(hist)
	x := make([]float64, len(hist))
	for t, v := range hist {
		x[t] = v * total / s
	}
	return w.TrueContribution(c, x)
}

// Streams of the PCG generator: one per component, so that changing one
// option does not reshuffle unrelated parts of the world.
const (
	streamParams uint64 = iota + 1
	streamSpend
	streamBaseline
	streamControls
	streamNoise
	streamLift
	streamMTA
	streamGeoSizes
	streamGeoSpend
	streamGeoNoise
	streamGeoLift
	streamGeoMTA
)

func newRand(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }

// Generate draws a world from o.
func Generate(o Options) (*World, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	T := o.Weeks
	w := &World{Options: o, Dates: make([]civil.Date, T)}
	for t := range w.Dates {
		w.Dates[t] = o.Start.AddDays(7 * t)
	}
	in := w.drawInputs()
	if o.Geos > 0 {
		return w.generateGeos(in)
	}
	spend := spendSeries(newRand(o.Seed, streamSpend), T, in.demand)
	media, err := w.nationalMedia(in.params, spend)
	if err != nil {
		return nil, err
	}
	ti := w.nationalKPI(in, media)
	w.ControlNames = []string{"price", "promo"}
	w.Controls = [][]float64{in.ctl.price, in.ctl.promo}

	tests, ttruth, err := w.drawLiftTests(newRand(o.Seed, streamLift), o.LiftTests)
	if err != nil {
		return nil, err
	}
	w.LiftTests = tests
	ti.tests = ttruth

	w.MTA = w.drawMTA(newRand(o.Seed, streamMTA), ti.baseline, o.Campaigns)
	w.Truth = w.summarise(ti)
	return w, nil
}

// drawInputs draws what national and geo worlds share: the channel
// responses, the media share and noise level, the baseline's shape (and
// the demand it implies for spend) and the controls.
func (w *World) drawInputs() geoInputs {
	o := w.Options
	prng := newRand(o.Seed, streamParams)
	in := geoInputs{params: make([]channelParams, len(catalogue))}
	for c, d := range catalogue {
		in.params[c] = drawChannel(prng, d)
	}
	in.share = uniform(prng, 0.15, 0.35)
	if o.MediaShare > 0 {
		in.share = o.MediaShare
	}
	in.noiseRel = uniform(prng, 0.03, 0.06)
	if o.NoiseSD > 0 {
		in.noiseRel = o.NoiseSD
	}
	in.base = drawBaseline(newRand(o.Seed, streamBaseline), w.Dates)
	in.shape = in.base.shape(w.Dates)
	in.demand = make([]float64, len(w.Dates))
	meanShape := stat.Sum(in.shape) / float64(len(w.Dates))
	for t, v := range in.shape {
		in.demand[t] = v / meanShape
	}
	in.ctl = drawControls(newRand(o.Seed, streamControls), len(w.Dates))
	return in
}

// nationalMedia fills w.Channels from the weekly spend and returns the
// media's total contribution. β follows from the drawn ROI over the whole
// panel.
func (w *World) nationalMedia(params []channelParams, spend [][]float64) (float64, error) {
	var media float64
	w.Channels = make([]ChannelTruth, len(catalogue))
	for c, d := range catalogue {
		x := spend[c]
		r := Response{Adstock: params[c].adstock, Saturation: params[c].hill, Scale: meanPositive(x), Beta: 1}
		if r.Scale == 0 {
			return 0, fmt.Errorf("simulate: seed %d: channel %s has no spend", w.Options.Seed, d.name)
		}
		r.Beta = params[c].roi * stat.Sum(x) / r.Total(x)
		contrib := make([]float64, len(w.Dates))
		r.Weekly(contrib, x)
		media += stat.Sum(contrib)
		w.Channels[c] = ChannelTruth{Name: d.name, Offline: d.offline, Platform: d.platform, Spend: x, Response: r, Contribution: contrib}
	}
	return media, nil
}

// nationalKPI sets the baseline level so that media is exactly the drawn
// share of noiseless revenue, adds the controls' effects and the noise,
// and fills w.KPI. It returns the decomposition for the truth.
func (w *World) nationalKPI(in geoInputs, media float64) truthInputs {
	T := len(w.Dates)
	base, shape, ctl := in.base, in.shape, in.ctl
	var rel float64
	for t := range shape {
		rel += shape[t] + ctl.relEffect(t)
	}
	base.Level = media * (1/in.share - 1) / rel
	baseline := make([]float64, T)
	ctlEffect := [][]float64{make([]float64, T), make([]float64, T)}
	priceCoef := -ctl.elasticity * base.Level / ctl.meanPrice
	promoCoef := ctl.promoLift * base.Level
	noiseless := make([]float64, T)
	for t := range baseline {
		baseline[t] = base.Level * shape[t]
		ctlEffect[0][t] = priceCoef * (ctl.price[t] - ctl.meanPrice)
		ctlEffect[1][t] = promoCoef * ctl.promo[t]
		noiseless[t] = baseline[t] + ctlEffect[0][t] + ctlEffect[1][t]
		for c := range w.Channels {
			noiseless[t] += w.Channels[c].Contribution[t]
		}
	}
	noiseSD := in.noiseRel * stat.Sum(noiseless) / float64(T)
	nrng := newRand(w.Options.Seed, streamNoise)
	w.KPI = make([]float64, T)
	noise := make([]float64, T)
	for t := range w.KPI {
		w.KPI[t] = round2(noiseless[t] + noiseSD*nrng.NormFloat64())
		// The noise is what rounding leaves, so the decomposition is exact.
		noise[t] = w.KPI[t] - noiseless[t]
	}
	return truthInputs{
		share: in.share, noiseRel: in.noiseRel, noiseSD: noiseSD, base: base,
		controls: []ControlTruth{
			{Name: "price", Coef: priceCoef, Center: ctl.meanPrice},
			{Name: "promo", Coef: promoCoef},
		},
		baseline: baseline, controlEffects: ctlEffect, noise: noise,
	}
}
