package simulate

import (
	"fmt"
	"math"
)

// Adstock is a channel's carryover: a weighted sum of this and the previous
// MaxLag weeks of spend. Kind is "geometric" (w_l = α^l) or "delayed"
// (w_l = α^((l−θ)²), peaking θ weeks after the spend). Weights are
// normalised to sum to 1 so adstock keeps the scale of spend.
type Adstock struct {
	Kind   string  `json:"kind"`
	Alpha  float64 `json:"alpha"`
	Theta  float64 `json:"theta,omitempty"`
	MaxLag int     `json:"max_lag"`
}

// Weights returns w_0 … w_MaxLag, normalised.
func (a Adstock) Weights() []float64 {
	w := make([]float64, a.MaxLag+1)
	var sum float64
	for l := range w {
		switch a.Kind {
		case "delayed":
			d := float64(l) - a.Theta
			w[l] = math.Pow(a.Alpha, d*d)
		default:
			w[l] = math.Pow(a.Alpha, float64(l))
		}
		sum += w[l]
	}
	for l := range w {
		w[l] /= sum
	}
	return w
}

// Apply writes the adstocked series of x into dst (len(dst) == len(x)),
// taking spend before x[0] as zero. It panics if the lengths differ.
func (a Adstock) Apply(dst, x []float64) {
	if len(dst) != len(x) {
		panic(fmt.Sprintf("simulate: adstock of %d values into %d", len(x), len(dst)))
	}
	w := a.Weights()
	for t := range x {
		var s float64
		for l := 0; l < len(w) && l <= t; l++ {
			s += w[l] * x[t-l]
		}
		dst[t] = s
	}
}

// Hill is the saturation x^Slope / (x^Slope + K^Slope) on adstocked spend
// divided by the channel's spend scale.
type Hill struct {
	K     float64 `json:"k"`
	Slope float64 `json:"slope"`
}

// At returns the saturation at scaled spend x ≥ 0.
func (h Hill) At(x float64) float64 {
	if x <= 0 {
		return 0
	}
	// Written as 1/(1+(K/x)^s) to stay finite for large x.
	return 1 / (1 + math.Pow(h.K/x, h.Slope))
}

// Response is one channel's true response: contribution_t = Beta ·
// Hill(adstock(x/Scale)_t).
type Response struct {
	Adstock    Adstock `json:"adstock"`
	Saturation Hill    `json:"saturation"`
	// Scale is the channel's mean weekly spend over the weeks with spend > 0
	// in the simulated history; it stays fixed when spend is changed.
	Scale float64 `json:"spend_scale"`
	Beta  float64 `json:"beta"`
}

// Weekly writes the weekly contribution of the spend series x into dst.
func (r Response) Weekly(dst, x []float64) {
	scaled := make([]float64, len(x))
	for t, v := range x {
		scaled[t] = v / r.Scale
	}
	r.Adstock.Apply(dst, scaled)
	for t, a := range dst {
		dst[t] = r.Beta * r.Saturation.At(a)
	}
}

// Total returns the contribution of the spend series x summed over its weeks.
func (r Response) Total(x []float64) float64 {
	c := make([]float64, len(x))
	r.Weekly(c, x)
	var s float64
	for _, v := range c {
		s += v
	}
	return s
}

// meanPositive returns the mean of the positive values of x, or 0.
func meanPositive(x []float64) float64 {
	var s float64
	var n int
	for _, v := range x {
		if v > 0 {
			s += v
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}
