package mmm

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// AdstockKind selects the shape of a channel's carryover weights.
type AdstockKind int

const (
	// GeometricAdstock has weights α^l: the effect is largest in the period of spend.
	GeometricAdstock AdstockKind = iota
	// DelayedAdstock has weights α^((l−θ)²): the effect peaks θ periods after spend.
	DelayedAdstock
	// WeibullAdstock has weights from a Weibull density (Robyn's
	// weibull_pdf): shape < 1 decays faster than geometric with a long
	// tail, shape 1 is geometric, shape > 1 peaks after the period of spend.
	WeibullAdstock
)

func (k AdstockKind) String() string {
	switch k {
	case GeometricAdstock:
		return "geometric"
	case DelayedAdstock:
		return "delayed"
	case WeibullAdstock:
		return "weibull"
	}
	return fmt.Sprintf("AdstockKind(%d)", int(k))
}

// ParseAdstockKind reads "geometric", "delayed" or "weibull"; "" means
// geometric.
func ParseAdstockKind(s string) (AdstockKind, error) {
	switch s {
	case "", "geometric":
		return GeometricAdstock, nil
	case "delayed":
		return DelayedAdstock, nil
	case "weibull":
		return WeibullAdstock, nil
	}
	return 0, fmt.Errorf("unknown adstock %q (want geometric, delayed or weibull)", s)
}

// SaturationKind selects a channel's diminishing-returns curve.
type SaturationKind int

const (
	// HillSaturation is x^s/(x^s+K^s).
	HillSaturation SaturationKind = iota
	// LogisticSaturation is (1−e^(−λx))/(1+e^(−λx)).
	LogisticSaturation
)

func (k SaturationKind) String() string {
	switch k {
	case HillSaturation:
		return "hill"
	case LogisticSaturation:
		return "logistic"
	}
	return fmt.Sprintf("SaturationKind(%d)", int(k))
}

// ParseSaturationKind reads "hill" or "logistic"; "" means hill.
func ParseSaturationKind(s string) (SaturationKind, error) {
	switch s {
	case "", "hill":
		return HillSaturation, nil
	case "logistic":
		return LogisticSaturation, nil
	}
	return 0, fmt.Errorf("unknown saturation %q (want hill or logistic)", s)
}

// Geometric is geometric adstock, w_l ∝ Alpha^l for l = 0..len(w)−1.
type Geometric struct{ Alpha float64 }

// Weights writes the normalised weights into w; len(w) is MaxLag+1.
func (g Geometric) Weights(w []float64) {
	for l := range w {
		w[l] = float64(l)
	}
	softmaxWeights(w, w, math.Log(g.Alpha))
}

// Delayed is delayed (peaked) adstock, w_l ∝ Alpha^((l−Theta)²).
type Delayed struct{ Alpha, Theta float64 }

// Weights writes the normalised weights into w; len(w) is MaxLag+1.
func (d Delayed) Weights(w []float64) {
	for l := range w {
		w[l] = (float64(l) - d.Theta) * (float64(l) - d.Theta)
	}
	softmaxWeights(w, w, math.Log(d.Alpha))
}

// Weibull is Weibull adstock: w_l ∝ f(l + ½) for the Weibull density f
// with shape Shape and scale Scale (in periods), evaluated at the middle of
// each lag's period so that lag 0 has a finite weight for any shape.
type Weibull struct{ Shape, Scale float64 }

// Weights writes the normalised weights into w; len(w) is MaxLag+1.
func (wb Weibull) Weights(w []float64) {
	for l := range w {
		lu := math.Log((float64(l) + 0.5) / wb.Scale)
		w[l] = weibullExponent(wb.Shape, lu)
	}
	softmaxWeights(w, w, 1)
}

// weibullExponent is log f(u·Scale) up to a constant, for lu = log u:
// (k−1)·log u − u^k.
func weibullExponent(k, lu float64) float64 {
	return (k-1)*lu - math.Exp(k*lu)
}

// softmaxWeights writes w_l = exp(e_l·logAlpha)/Σ exp(e_k·logAlpha). Working
// with exponents keeps tiny α (all raw weights underflowing) well defined:
// the weights then concentrate on the lag with the smallest exponent.
func softmaxWeights(w, e []float64, logAlpha float64) {
	mx := math.Inf(-1)
	for l := range e {
		v := e[l] * logAlpha
		if e[l] == 0 {
			v = 0 // 0·(−Inf) when α = 0
		}
		w[l] = v
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for l := range w {
		w[l] = math.Exp(w[l] - mx)
		sum += w[l]
	}
	for l := range w {
		w[l] /= sum
	}
}

// Adstock writes dst_t = Σ_l w_l x_{t−l}, spend before the series being 0.
// dst and x have the same length and must not overlap.
func Adstock(dst, x, w []float64) {
	n := len(x)
	dst = dst[:n]
	w0 := w[0]
	for t := range dst {
		dst[t] = w0 * x[t]
	}
	for l := 1; l < len(w) && l < n; l++ {
		floats.AddScaled(dst[l:n], w[l], x[:n-l])
	}
}

// Hill is the Hill curve x^S/(x^S+K^S): half saturation at K, slope S.
type Hill struct{ K, S float64 }

// Value returns the curve at x ≥ 0.
func (h Hill) Value(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return 1 / (1 + math.Exp(-h.S*(math.Log(x)-math.Log(h.K))))
}

// Deriv returns the derivative in x at x > 0 (0 at x ≤ 0).
func (h Hill) Deriv(x float64) float64 {
	if x <= 0 {
		return 0
	}
	v := h.Value(x)
	return v * (1 - v) * h.S / x
}

// Logistic is the curve (1−e^(−λx))/(1+e^(−λx)) = tanh(λx/2).
type Logistic struct{ Lambda float64 }

// Value returns the curve at x.
func (g Logistic) Value(x float64) float64 { return math.Tanh(g.Lambda * x / 2) }

// Deriv returns the derivative in x.
func (g Logistic) Deriv(x float64) float64 {
	v := g.Value(x)
	return g.Lambda / 2 * (1 - v*v)
}
