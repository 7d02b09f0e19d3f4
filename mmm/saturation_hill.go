package mmm

import (
	"math"

	"github.com/triad-mmm/triad/internal/vmath"
)

func init() { registerSaturation(HillSaturation{}) }

// Hill is the Hill curve x^S/(x^S+K^S) at fixed parameters: half
// saturation at K, slope S.
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

// HillSaturation is the Hill saturation component, a^s/(a^s+K^s). Its
// natural parameters are K and the slope s; its coordinates are
// (c, log s) with log K = −c·s^(−γ), γ = hillGamma.
type HillSaturation struct {
	// K is the prior of the half-saturation point on adstocked scaled
	// spend (1 = mean spend); zero means LogNormal(0, 0.6).
	K LogNormal
	// Slope is the prior of the slope; zero means LogNormal(0.3, 0.5).
	Slope LogNormal
}

var (
	// Half saturation around the mean spend (scaled spend 1): 90% in
	// [0.37, 2.7]. Hill curves with K far outside the spend range are
	// indistinguishable from a power law, so the prior, not the data,
	// must keep K in the range where it means something.
	defaultK = LogNormal{Mu: 0, Sigma: 0.6}
	// Median slope 1.35, 90% in [0.6, 3]: S-shaped and concave both allowed.
	defaultSlope = LogNormal{Mu: 0.3, Sigma: 0.5}
)

// hillGamma sets the Hill coordinates (c, log slope), with
// log K = −c·slope^(−γ). The data pin roughly how saturated a channel is at
// its typical spend, c0 = −slope·log K: with γ = 0 (c = −log K) that is the
// curved ridge slope·log K = const; with γ = 1 (c = c0) the ridge is straight
// but, where the data say little about K, c0 has a prior width proportional
// to the slope, a funnel. γ = 1/2 halves both.
const hillGamma = 0.5

func (HillSaturation) Kind() SaturationKind { return "hill" }
func (h HillSaturation) Params() []Param {
	return []Param{{"k", h.k()}, {"slope", h.slope()}}
}
func (HillSaturation) Coords() []string { return []string{"hill_c", "slope"} }

func (h HillSaturation) k() LogNormal     { return orDefault(h.K, defaultK) }
func (h HillSaturation) slope() LogNormal { return orDefault(h.Slope, defaultSlope) }

func (h HillSaturation) WithPrior(name string, p Prior) (Saturation, error) {
	var err error
	switch name {
	case "k":
		h.K, err = priorFor[LogNormal](h.Kind(), name, p)
	case "slope":
		h.Slope, err = priorFor[LogNormal](h.Kind(), name, p)
	default:
		err = noParam(h.Kind(), name, h.Params())
	}
	return h, err
}

// hillAt returns, at u = (c, log s), the slope s, ds^(1−γ) (= dc0/dc) and
// c0 = c·s^(1−γ) = −s·log K, the logit of S at scaled spend 1.
func hillAt(u []float64) (s, cScale, c0 float64) {
	s = math.Exp(u[1])
	cScale = math.Exp((1 - hillGamma) * u[1])
	return s, cScale, u[0] * cScale
}

// Saturate evaluates S = logistic(s·log a + c0) with one exponential of
// −|z| for both signs, without overflow, four periods per instruction
// where the CPU has AVX2 (vmath.HillGrad).
func (HillSaturation) Saturate(s, dsda []float64, d [][]float64, u, a []float64) {
	p2, cScale, c0 := hillAt(u)
	vmath.HillGrad(s, dsda, d[0], d[1], a, p2, c0, cScale, hillGamma*c0)
}

// Curve is Hill.Value with Saturate's exp and log: the geo posterior's
// summaries evaluate it for every draw, geo, channel and period.
func (HillSaturation) Curve(s, a, v []float64) {
	vmath.HillCurve(s, a, v[1], math.Log(v[0]))
}

// LogPrior: the Jacobian of (c, log s) → (log K, log s) is s^(−γ).
func (h HillSaturation) LogPrior(du, u []float64, lp float64) float64 {
	p2, cScale, c0 := hillAt(u)
	logK := -c0 / p2
	v, d := h.k().onLog(logK)
	lp += v
	du[0] += -d * cScale / p2
	du[1] -= hillGamma * d * logK
	v, d = h.slope().onLog(u[1])
	lp += v - hillGamma*u[1]
	du[1] += d - hillGamma
	return lp
}

func (h HillSaturation) Center(u []float64) {
	k, s := h.k(), h.slope()
	u[0], u[1] = -math.Exp(hillGamma*s.Mu)*k.Mu, s.Mu
}

func (HillSaturation) Constrain(v, u []float64) {
	s, _, c0 := hillAt(u)
	v[0], v[1] = math.Exp(-c0/s), s
}

func (HillSaturation) Unconstrain(u, v []float64) {
	u[0], u[1] = -math.Pow(v[1], hillGamma)*math.Log(v[0]), math.Log(v[1])
}

// PrepareScaled and SumScaled use that adstock is linear: scaling spend by
// k scales a by k, and S = 1/(1 + q·k^(−s)) with q = (K/a)^s prepared
// once, so an evaluation costs a division per period.
func (HillSaturation) PrepareScaled(dst, a, v []float64) []float64 {
	for _, x := range a {
		if x > 0 {
			dst = append(dst, math.Exp(-v[1]*(math.Log(x)-math.Log(v[0]))))
		}
	}
	return dst
}

func (HillSaturation) SumScaled(pre []float64, k float64, v []float64) float64 {
	f := math.Exp(-v[1] * math.Log(k))
	sum := 0.0
	for _, q := range pre {
		sum += 1 / (1 + q*f)
	}
	return sum
}
