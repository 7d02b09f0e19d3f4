package mmm

import "math"

func init() { registerAdstock(WeibullAdstock{}) }

// Weibull is Weibull adstock at fixed parameters: w_l ∝ f(l + ½) for the
// Weibull density f with shape Shape and scale Scale (in periods),
// evaluated at the middle of each lag's period so that lag 0 has a finite
// weight for any shape.
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

// WeibullAdstock is the Weibull adstock component (Robyn's weibull_pdf):
// shape < 1 decays faster than geometric with a long tail, shape 1 is
// geometric, shape > 1 peaks after the period of spend. Its coordinates are
// log shape and logit(scale/(MaxLag+1)).
type WeibullAdstock struct {
	// Shape is the prior of the shape; zero means LogNormal(0, 0.5).
	Shape LogNormal
	// Scale is the prior of the scale as a share of MaxLag+1 periods; zero
	// means Beta(1.5, 6).
	Scale Beta
}

var (
	// Weibull shape: median 1 (geometric), 90% in [0.44, 2.3], so fast
	// decays with a long tail and peaked responses are both reachable.
	defaultShape = LogNormal{Mu: 0, Sigma: 0.5}
	// Weibull scale: mean 0.2·(MaxLag+1), about 1.8 weeks at 8 lags; at
	// shape 1 that is a geometric decay of about 0.57 per week.
	defaultScale = Beta{A: 1.5, B: 6}
)

func (WeibullAdstock) Kind() AdstockKind { return "weibull" }
func (wb WeibullAdstock) Params() []Param {
	return []Param{{"shape", wb.shape()}, {"scale", wb.scale()}}
}
func (WeibullAdstock) Coords() []string { return []string{"shape", "scale"} }
func (WeibullAdstock) MinLag() int      { return 1 }

func (wb WeibullAdstock) shape() LogNormal { return orDefault(wb.Shape, defaultShape) }
func (wb WeibullAdstock) scale() Beta      { return orDefault(wb.Scale, defaultScale) }

func (wb WeibullAdstock) WithPrior(name string, p Prior) (Adstock, error) {
	var err error
	switch name {
	case "shape":
		wb.Shape, err = priorFor[LogNormal](wb.Kind(), name, p)
	case "scale":
		wb.Scale, err = priorFor[Beta](wb.Kind(), name, p)
	default:
		err = noParam(wb.Kind(), name, wb.Params())
	}
	return wb, err
}

// weibullAt returns the shape and the scale in periods at u, for len(w)
// lags, and the share φ = scale/len(w).
func weibullAt(u []float64, lags int) (k, scale, phi float64) {
	k = math.Exp(u[0])
	phi, _, _ = logistic(u[1])
	return k, float64(lags) * phi, phi
}

func (WeibullAdstock) Weights(w, u []float64) {
	k, scale, _ := weibullAt(u, len(w))
	for l := range w {
		w[l] = weibullExponent(k, math.Log((float64(l)+0.5)/scale))
	}
	softmaxWeights(w, w, 1)
}

// WeightsGrad: v_l = (k−1)·log u_l − u_l^k with log u_l = log(l+½) − log
// scale, so dv_l/d log k = k·log u_l·(1 − u_l^k) and dv_l/d log scale =
// k·u_l^k up to a constant, which the softmax ignores.
func (WeibullAdstock) WeightsGrad(du, u, w, gw []float64) {
	k, scale, phi := weibullAt(u, len(w))
	wg := weightedMean(w, gw)
	gk, gs := 0.0, 0.0
	for l, wl := range w {
		gv := wl * (gw[l] - wg)
		lu := math.Log((float64(l) + 0.5) / scale)
		uk := math.Exp(k * lu)
		gk += gv * k * lu * (1 - uk)
		gs += gv * k * uk
	}
	du[0] += gk
	du[1] += gs * (1 - phi)
}

func (wb WeibullAdstock) LogPrior(du, u []float64, lp float64) float64 {
	v, d := wb.shape().onLog(u[0])
	du[0] += d
	lp += v
	v, d = wb.scale().onLogit(logistic(u[1]))
	du[1] += d
	return lp + v
}

func (wb WeibullAdstock) Center(u []float64) {
	s := wb.scale()
	u[0], u[1] = wb.shape().Mu, math.Log(s.A/s.B)
}

func (WeibullAdstock) Constrain(v, u []float64, maxLag int) {
	v[0], v[1], _ = weibullAt(u, maxLag+1)
}

func (WeibullAdstock) Unconstrain(u, v []float64, maxLag int) {
	u[0], u[1] = math.Log(v[0]), logit(v[1]/float64(maxLag+1))
}

func (wb WeibullAdstock) PriorWeights(w []float64) {
	Weibull{Shape: wb.shape().Median(), Scale: wb.scale().Mean() * float64(len(w))}.Weights(w)
}
