package mmm

import (
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/civil"
)

// The simulator below generates data from the model with known parameters.
// It is written independently of the model code (direct powers, double
// loops) so that it is an oracle, not a copy.

type simChannel struct {
	adstock AdstockKind
	sat     SaturationKind
	lag     int
	roi     float64
	alpha   float64
	theta   float64
	k       float64
	slope   float64
	lambda  float64
	shape   float64 // Weibull adstock
	scale   float64 // Weibull adstock, periods
}

type simOptions struct {
	n, channels, controls int
	holdout               int
	fourier               int
	trend                 bool
	noise                 float64 // SD relative to the baseline level
	delayed, logistic     bool    // use for every other channel
	weibull               bool    // Weibull adstock for odd channels
	daily                 bool    // daily periods with day-of-week effects
	studentT              bool
	lifts                 int
}

type simWorld struct {
	data     Data
	spec     Spec
	truth    []simChannel
	contrib  []float64 // true contribution over the fitted periods
	params   Params
	baseline []float64
}

// params returns the channel's parameters in the model's layout.
func (c simChannel) params(beta float64) ChannelParams {
	cp := ChannelParams{ROI: c.roi, Beta: beta}
	switch c.adstock {
	case "weibull":
		cp.Adstock = []float64{c.shape, c.scale}
	case "delayed":
		cp.Adstock = []float64{c.alpha, c.theta}
	default:
		cp.Adstock = []float64{c.alpha}
	}
	if c.sat == "logistic" {
		cp.Saturation = []float64{c.lambda}
	} else {
		cp.Saturation = []float64{c.k, c.slope}
	}
	return cp
}

// withParams returns c with the curve parameters of cp, in the model's
// layout for c's kinds.
func (c simChannel) withParams(cp ChannelParams) simChannel {
	c.roi = cp.ROI
	switch c.adstock {
	case "weibull":
		c.shape, c.scale = cp.Adstock[0], cp.Adstock[1]
	case "delayed":
		c.alpha, c.theta = cp.Adstock[0], cp.Adstock[1]
	default:
		c.alpha = cp.Adstock[0]
	}
	if c.sat == "logistic" {
		c.lambda = cp.Saturation[0]
	} else {
		c.k, c.slope = cp.Saturation[0], cp.Saturation[1]
	}
	return c
}

func simWeights(c simChannel) []float64 {
	w := make([]float64, c.lag+1)
	sum := 0.0
	for l := range w {
		if c.adstock == "weibull" {
			w[l] = distuv.Weibull{K: c.shape, Lambda: c.scale}.Prob(float64(l) + 0.5)
		} else if c.adstock == "delayed" {
			w[l] = math.Pow(c.alpha, (float64(l)-c.theta)*(float64(l)-c.theta))
		} else {
			w[l] = math.Pow(c.alpha, float64(l))
		}
		sum += w[l]
	}
	for l := range w {
		w[l] /= sum
	}
	return w
}

// simSat returns the channel's saturated adstock of spend x (already scaled).
func simSat(c simChannel, x []float64) []float64 {
	w := simWeights(c)
	out := make([]float64, len(x))
	for t := range x {
		a := 0.0
		for l := 0; l <= c.lag && l <= t; l++ {
			a += w[l] * x[t-l]
		}
		if c.sat == "logistic" {
			out[t] = (1 - math.Exp(-c.lambda*a)) / (1 + math.Exp(-c.lambda*a))
		} else {
			out[t] = math.Pow(a, c.slope) / (math.Pow(a, c.slope) + math.Pow(c.k, c.slope))
		}
	}
	return out
}

func simWorldGen(seed uint64, o simOptions) simWorld {
	rng := rand.New(rand.NewPCG(seed, 99))
	n := o.n
	nFit := n - o.holdout
	start := civil.New(2022, 1, 3)
	step := 7
	if o.daily {
		step = 1
	}
	d := Data{StepDays: step, Dates: make([]civil.Date, n), KPI: make([]float64, n)}
	for t := range d.Dates {
		d.Dates[t] = start.AddDays(step * t)
	}
	level := 100000.0
	base := make([]float64, n)
	var p Params
	p.Intercept = 0.75 + 0.1*rng.Float64()
	if o.trend {
		p.Trend = 0.1 * rng.NormFloat64()
	}
	for k := 0; k < 2*o.fourier; k++ {
		p.Fourier = append(p.Fourier, 0.06*rng.NormFloat64())
	}
	// Controls: a continuous one with a negative effect, then 0/1 promos.
	for j := 0; j < o.controls; j++ {
		x := make([]float64, n)
		for t := range x {
			if j == 0 {
				x[t] = 10 + math.Sin(float64(t)/9) + 0.3*rng.NormFloat64()
			} else if rng.Float64() < 0.15 {
				x[t] = 1
			}
		}
		d.ControlNames = append(d.ControlNames, []string{"price", "promo", "event"}[j%3])
		d.Controls = append(d.Controls, x)
	}
	// Baseline on the scaled KPI, using the model's definitions of the
	// columns (centred trend, standardised controls): the simulator fixes
	// their values in those units.
	trendMid := float64(nFit-1) / 2
	gam := make([]float64, o.controls)
	for j := range gam {
		if j == 0 {
			gam[j] = -0.03
		} else {
			gam[j] = 0.04
		}
	}
	p.Gamma = gam
	if o.daily {
		// Tuesday..Sunday against Monday; weekends busier.
		p.Weekday = []float64{0.02, 0.03, 0.05, 0.12, 0.25, 0.18}
		for i := range p.Weekday {
			p.Weekday[i] += 0.03 * rng.NormFloat64()
		}
	}
	for t := range base {
		v := p.Intercept + p.Trend*(float64(t)-trendMid)/float64(nFit)
		if wd := d.Dates[t].Weekday(); o.daily && wd != time.Monday {
			v += p.Weekday[(wd+5)%7]
		}
		f := d.Dates[t].DayOfYearFraction()
		for k := 1; k <= o.fourier; k++ {
			v += p.Fourier[2*k-2]*math.Sin(2*math.Pi*float64(k)*f) + p.Fourier[2*k-1]*math.Cos(2*math.Pi*float64(k)*f)
		}
		base[t] = v
	}
	for j := range gam {
		m, sd := 0.0, 0.0
		xs := d.Controls[j][:nFit]
		for _, v := range xs {
			m += v
		}
		m /= float64(nFit)
		for _, v := range xs {
			sd += (v - m) * (v - m)
		}
		sd = math.Sqrt(sd / float64(nFit-1))
		for t := range base {
			base[t] += gam[j] * (d.Controls[j][t] - m) / sd
		}
	}

	w := simWorld{}
	media := make([]float64, n)
	names := []string{"tv", "search", "social", "display", "ooh", "print", "radio", "video"}
	for c := 0; c < o.channels; c++ {
		ch := simChannel{
			lag:   8,
			roi:   0.6 + 2.4*rng.Float64(),
			alpha: 0.1 + 0.6*rng.Float64(),
			k:     0.5 + rng.Float64(),
			slope: 0.8 + 1.7*rng.Float64(),
		}
		if o.delayed && c%2 == 0 {
			ch.adstock = "delayed"
			ch.theta = 1 + 2*rng.Float64()
			ch.alpha = 0.3 + 0.5*rng.Float64()
		}
		if o.weibull && c%2 == 1 {
			ch.adstock = "weibull"
			ch.shape = 0.6 + 1.6*rng.Float64()
			ch.scale = 0.8 + 2.5*rng.Float64()
		}
		if o.logistic && c%2 == 1 {
			ch.sat = "logistic"
			ch.lambda = 0.5 + 1.5*rng.Float64()
		}
		level := 8000 + 20000*rng.Float64()
		x := make([]float64, n)
		flighted := c%3 == 0
		on := true
		for t := range x {
			if flighted {
				if rng.Float64() < 0.25 {
					on = !on
				}
				if on {
					x[t] = level * (0.6 + 0.8*rng.Float64())
				}
			} else {
				x[t] = level * (0.5 + 0.5*rng.Float64() + 0.3*math.Sin(float64(t)/8+float64(c)))
			}
		}
		x[0] = level // every channel spends in the fitted periods
		d.Channels = append(d.Channels, names[c%len(names)])
		d.Spend = append(d.Spend, x)
		scale, nz, spend := 0.0, 0, 0.0
		for _, v := range x[:nFit] {
			if v > 0 {
				scale += v
				nz++
			}
		}
		spend = scale
		scale /= float64(nz)
		xs := make([]float64, n)
		for t := range x {
			xs[t] = x[t] / scale
		}
		s := simSat(ch, xs)
		sum := 0.0
		for _, v := range s[:nFit] {
			sum += v
		}
		beta := ch.roi * spend / sum // KPI units
		contrib := 0.0
		for t := range s {
			media[t] += beta * s[t]
			if t < nFit {
				contrib += beta * s[t]
			}
		}
		w.truth = append(w.truth, ch)
		w.contrib = append(w.contrib, contrib)
		p.Channels = append(p.Channels, ch.params(beta))
	}
	// The KPI level is set so that the media share is realistic: media is in
	// KPI units, the baseline in units of `level`.
	p.Sigma = o.noise * p.Intercept
	for t := range d.KPI {
		e := rng.NormFloat64()
		if o.studentT {
			e = e / math.Sqrt(rng.ExpFloat64()*2/5*0.5+0.2) * 0.7
		}
		d.KPI[t] = level*(base[t]+p.Sigma*e) + media[t]
	}
	w.data = d
	w.params = p
	w.baseline = base
	w.spec = DefaultSpec(d)
	w.spec.Trend = o.trend
	w.spec.FourierOrder = o.fourier
	w.spec.Holdout = o.holdout
	if o.studentT {
		w.spec.Likelihood = StudentTLikelihood
	}
	for c, ch := range w.truth {
		w.spec.Channels[c].Adstock = ch.adstock.New()
		w.spec.Channels[c].Saturation = ch.sat.New()
		w.spec.Channels[c].MaxLag = ch.lag
	}
	for k := 0; k < o.lifts; k++ {
		c := k % o.channels
		start := 20 + 13*k
		w.spec.Lifts = append(w.spec.Lifts, LiftObs{
			Channel: c, Start: start, Moved: []float64{1, 1, 0.5, 1}, Measure: []float64{1, 1, 1, 1, 1, 1},
			HeavyUp: k%2 == 1, Scope: 0.2, Measured: 1000 * float64(k+1), SD: 800,
		})
	}
	return w
}
