package mmm

import (
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/triad-mmm/triad/civil"
)

// The geo simulator generates a geo panel in original units from known
// per-capita structure, independently of the model's code (direct loops
// over geos, periods and lags), as an oracle.

type geoSimOptions struct {
	geos, n, channels, controls int
	holdout, fourier            int
	trend, shocks               bool
	noise                       float64 // per-capita SD of a mean-size geo, relative to the mean per-capita KPI
	eta                         float64 // SD of log β across geos
	lifts                       int     // geo holdouts on random treated geos
	delayed, logistic, studentT bool
	geoControl                  bool // the first control varies by geo
	// popGrowth > 0 makes populations change over the panel: geo g's is
	// pop_g·exp(u_g·(t/n − ½)) with u_g uniform in ±popGrowth, given to
	// the model as PopulationByPeriod.
	popGrowth float64
	// organic adds that many organic channels after the paid ones (units,
	// no spend), drawn from their own stream so that the rest of the
	// world is the one the same seed gives without them.
	organic int
}

type geoSimWorld struct {
	data  GeoData
	spec  GeoSpec
	truth []simChannel
	// roi is the true national ROI over the fitted periods; geoROI[c][g]
	// the true ROI of channel c in geo g.
	roi    []float64
	geoROI [][]float64
	// contrib[c][g][t] is the true contribution in KPI units.
	contrib [][][]float64
}

func geoSimWorldGen(seed uint64, o geoSimOptions) geoSimWorld {
	rng := rand.New(rand.NewPCG(seed, 11))
	G, n := o.geos, o.n
	w := geoSimWorld{}
	d := &w.data
	d.StepDays = 7
	start := civil.Date(19723) // a Monday in 2024
	for t := range n {
		d.Dates = append(d.Dates, start+civil.Date(7*t))
	}
	for g := range G {
		d.Geos = append(d.Geos, "g"+strconv.Itoa(g))
		// A few big geos and many small ones.
		d.Population = append(d.Population, math.Round(1e5*math.Exp(1.0*rng.NormFloat64())))
	}
	popMean := 0.0
	for _, p := range d.Population {
		popMean += p / float64(G)
	}
	if o.popGrowth > 0 {
		for g := range G {
			u, row, mean := o.popGrowth*(2*rng.Float64()-1), make([]float64, n), 0.0
			for t := range row {
				row[t] = d.Population[g] * math.Exp(u*(float64(t)/float64(n)-0.5))
				mean += row[t] / float64(n)
			}
			d.PopulationByPeriod = append(d.PopulationByPeriod, row)
			d.Population[g] = mean
		}
	}
	// Per-capita baseline: 10 per person per period, geo levels, trend,
	// season and shared shocks.
	base := make([][]float64, G)
	shock := make([]float64, n)
	if o.shocks {
		for t := range shock {
			shock[t] = 0.3 * rng.NormFloat64()
		}
	}
	for g := range G {
		tau := 1.5 * rng.NormFloat64()
		base[g] = make([]float64, n)
		for t := range n {
			v := 8 + tau + shock[t]
			if o.trend {
				v += 1.0 * float64(t) / float64(n)
			}
			if o.fourier > 0 {
				v += 0.8 * math.Sin(2*math.Pi*d.Dates[t].DayOfYearFraction())
			}
			base[g][t] = v
		}
	}
	for j := range o.controls {
		d.ControlNames = append(d.ControlNames, "ctrl"+strconv.Itoa(j))
		nat := make([]float64, n)
		for t := range nat {
			nat[t] = rng.NormFloat64()
		}
		panel := make([][]float64, G)
		for g := range G {
			panel[g] = make([]float64, n)
			for t := range n {
				v := nat[t]
				if j == 0 && o.geoControl {
					v += 0.7 * rng.NormFloat64()
				}
				panel[g][t] = v
				base[g][t] += 0.3 * v
			}
		}
		d.Controls = append(d.Controls, panel)
	}
	w.roi = make([]float64, o.channels)
	for c := range o.channels {
		ch := simChannel{adstock: "geometric", sat: "hill", lag: 4, roi: 0,
			alpha: 0.2 + 0.5*rng.Float64(), k: 0.6 + 0.8*rng.Float64(), slope: 1 + rng.Float64()}
		if o.delayed && c%2 == 1 {
			ch.adstock, ch.alpha, ch.theta = "delayed", 0.3+0.4*rng.Float64(), 1+rng.Float64()
		}
		if o.logistic && c%2 == 0 {
			ch.sat, ch.lambda = "logistic", 0.5+rng.Float64()
		}
		d.Channels = append(d.Channels, "ch"+strconv.Itoa(c))
		// Per-capita spend: a national level, geo-specific flighting.
		level := 0.5 + rng.Float64()
		spend := make([][]float64, G)
		for g := range G {
			spend[g] = make([]float64, n)
			gl := level * math.Exp(0.3*rng.NormFloat64())
			for t := range n {
				if rng.Float64() < 0.6 {
					spend[g][t] = math.Round(d.popAt(g, t) * gl * (0.5 + rng.Float64()))
				}
			}
		}
		d.Spend = append(d.Spend, spend)
		w.truth = append(w.truth, ch)
	}
	w.simMedia(rng, o, base)
	d.KPI = make([][]float64, G)
	for g := range G {
		sd := o.noise * 10 * math.Pow(d.Population[g]/popMean, -0.5)
		d.KPI[g] = make([]float64, n)
		for t := range n {
			v := base[g][t] + sd*rng.NormFloat64()
			for c := range w.truth {
				v += w.contrib[c][g][t] / d.popAt(g, t)
			}
			d.KPI[g][t] = d.popAt(g, t) * v
		}
	}
	w.addOrganic(seed, o)
	w.spec = DefaultGeoSpec(w.data)
	w.spec.Trend, w.spec.Holdout, w.spec.Shocks = o.trend, o.holdout, o.shocks
	w.spec.FourierOrder = o.fourier
	if o.studentT {
		w.spec.Likelihood = StudentTLikelihood
	}
	for c, ch := range w.truth {
		cs := &w.spec.Channels[c]
		cs.MaxLag = ch.lag
		if ch.adstock == "delayed" {
			cs.Adstock = DelayedAdstock{}
		}
		if ch.sat == "logistic" {
			cs.Saturation = LogisticSaturation{}
		}
	}
	w.addLifts(rng, o)
	return w
}

// simMedia draws per-geo coefficients and writes the true contributions
// and ROIs. Spend is scaled per capita by the channel's mean per-capita
// spend over geo-periods with spend, as the model does.
func (w *geoSimWorld) simMedia(rng *rand.Rand, o geoSimOptions, base [][]float64) {
	d := &w.data
	G, n, nFit := len(d.Geos), len(d.Dates), len(d.Dates)-o.holdout
	w.contrib = make([][][]float64, len(w.truth))
	w.geoROI = make([][]float64, len(w.truth))
	for c := range w.truth {
		ch := &w.truth[c]
		tot, popNZ := 0.0, 0.0
		for g := range G {
			for t, v := range d.Spend[c][g][:nFit] {
				if v > 0 {
					tot += v
					popNZ += d.popAt(g, t)
				}
			}
		}
		scale := tot / popNZ
		// β in KPI per capita per unit of saturation: a channel worth a
		// few percent of the baseline.
		beta := (0.5 + 1.5*rng.Float64())
		w.contrib[c] = make([][]float64, G)
		w.geoROI[c] = make([]float64, G)
		num := 0.0
		for g := range G {
			x := make([]float64, n)
			for t := range x {
				x[t] = d.Spend[c][g][t] / (d.popAt(g, t) * scale)
			}
			s := simSat(*ch, x)
			bg := beta * math.Exp(o.eta*rng.NormFloat64())
			w.contrib[c][g] = make([]float64, n)
			gs, gc := 0.0, 0.0
			for t := range n {
				w.contrib[c][g][t] = d.popAt(g, t) * bg * s[t]
				if t < nFit {
					gc += w.contrib[c][g][t]
					gs += d.Spend[c][g][t]
				}
			}
			num += gc
			if gs > 0 {
				w.geoROI[c][g] = gc / gs
			}
		}
		w.roi[c] = num / tot
		ch.roi = w.roi[c]
	}
}

// addLifts adds geo holdouts: the channel switched off in a random quarter
// of the geos for four weeks, measured with the true effect and a 10% SE.
func (w *geoSimWorld) addLifts(rng *rand.Rand, o geoSimOptions) {
	d := &w.data
	G, nFit := len(d.Geos), len(d.Dates)-o.holdout
	for k := range o.lifts {
		c := k % o.channels // paid channels only
		start := 10 + rng.IntN(nFit-20)
		var geos []int
		for g := range G {
			if rng.Float64() < 0.25 || (g == G-1 && len(geos) == 0) {
				geos = append(geos, g)
			}
		}
		ch := w.truth[c]
		moved, measure := []float64{1, 1, 1, 1}, []float64{1, 1, 1, 1, 1, 1}
		lift, spend := 0.0, 0.0
		for _, g := range geos {
			tot, popNZ := 0.0, 0.0
			for gg := range G {
				for t, v := range d.Spend[c][gg][:nFit] {
					if v > 0 {
						tot += v
						popNZ += d.popAt(gg, t)
					}
				}
			}
			scale := tot / popNZ
			x := make([]float64, len(d.Dates))
			xm := make([]float64, len(d.Dates))
			for t := range x {
				x[t] = d.Spend[c][g][t] / (d.popAt(g, t) * scale)
				xm[t] = x[t]
				if t >= start && t < start+len(moved) {
					xm[t] = 0
					spend += d.Spend[c][g][t]
				}
			}
			s, sm := simSat(ch, x), simSat(ch, xm)
			bg := w.contrib[c][g][0] / (d.popAt(g, 0) * math.Max(s[0], 1e-300))
			if s[0] == 0 {
				// Recover β_g from any period with a positive saturation.
				for t := range s {
					if s[t] > 0 {
						bg = w.contrib[c][g][t] / (d.popAt(g, t) * s[t])
						break
					}
				}
			}
			for i := range measure {
				lift += d.popAt(g, start+i) * bg * (s[start+i] - sm[start+i])
			}
		}
		if spend == 0 {
			continue
		}
		se := 0.1*math.Abs(lift) + 1
		w.spec.Lifts = append(w.spec.Lifts, GeoLiftObs{
			LiftObs: LiftObs{Channel: c, Start: start, Moved: moved, Measure: measure, Scope: 1,
				Measured: lift + se*rng.NormFloat64(), SD: se},
			Geos: geos,
		})
	}
}
