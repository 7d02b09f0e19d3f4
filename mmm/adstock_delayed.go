package mmm

import "math"

func init() { registerAdstock(DelayedAdstock{}) }

// Delayed is delayed (peaked) adstock at fixed parameters,
// w_l ∝ Alpha^((l−Theta)²).
type Delayed struct{ Alpha, Theta float64 }

// Weights writes the normalised weights into w; len(w) is MaxLag+1.
func (d Delayed) Weights(w []float64) {
	for l := range w {
		w[l] = (float64(l) - d.Theta) * (float64(l) - d.Theta)
	}
	softmaxWeights(w, w, math.Log(d.Alpha))
}

// DelayedAdstock is the delayed adstock component, w_l ∝ α^((l−θ)²): the
// effect peaks θ periods after spend. Its coordinates are logit α and
// logit(θ/MaxLag).
type DelayedAdstock struct {
	// Alpha is the prior of the decay α; zero means Beta(1.5, 3).
	Alpha Beta
	// Theta is the prior of the peak lag as a share of MaxLag; zero means
	// Beta(1.5, 3.5).
	Theta Beta
}

// Peak lag: mean 0.3·MaxLag (≈2.4 weeks at 8 lags).
var defaultTheta = Beta{A: 1.5, B: 3.5}

func (DelayedAdstock) Kind() AdstockKind { return "delayed" }
func (d DelayedAdstock) Params() []Param {
	return []Param{{"alpha", d.alpha()}, {"theta", d.theta()}}
}
func (DelayedAdstock) Coords() []string { return []string{"alpha", "theta"} }
func (DelayedAdstock) MinLag() int      { return 1 }

func (d DelayedAdstock) alpha() Beta { return orDefault(d.Alpha, defaultAlpha) }
func (d DelayedAdstock) theta() Beta { return orDefault(d.Theta, defaultTheta) }

func (d DelayedAdstock) WithPrior(name string, p Prior) (Adstock, error) {
	var err error
	switch name {
	case "alpha":
		d.Alpha, err = priorFor[Beta](d.Kind(), name, p)
	case "theta":
		d.Theta, err = priorFor[Beta](d.Kind(), name, p)
	default:
		err = noParam(d.Kind(), name, d.Params())
	}
	return d, err
}

func (DelayedAdstock) Weights(w, u []float64) {
	_, logA, _ := logistic(u[0])
	phi, _, _ := logistic(u[1])
	theta := float64(len(w)-1) * phi
	for l := range w {
		d := float64(l) - theta
		w[l] = d * d
	}
	softmaxWeights(w, w, logA)
}

// WeightsGrad: the exponents are v_l = (l−θ)²·log α, so dv_l/d log α =
// (l−θ)² and dv_l/dθ = −2(l−θ)·log α.
func (DelayedAdstock) WeightsGrad(du, u, w, gw []float64) {
	alpha, logA, _ := logistic(u[0])
	phi, _, _ := logistic(u[1])
	maxLag := float64(len(w) - 1)
	theta := maxLag * phi
	wg := weightedMean(w, gw)
	ga, gt := 0.0, 0.0
	for l, wl := range w {
		gv := wl * (gw[l] - wg)
		d := float64(l) - theta
		ga += gv * d * d
		gt += gv * (-2 * d * logA)
	}
	du[0] += ga * (1 - alpha)
	du[1] += gt * maxLag * phi * (1 - phi)
}

func (d DelayedAdstock) LogPrior(du, u []float64, lp float64) float64 {
	v, g := d.alpha().onLogit(logistic(u[0]))
	du[0] += g
	lp += v
	v, g = d.theta().onLogit(logistic(u[1]))
	du[1] += g
	return lp + v
}

func (d DelayedAdstock) Center(u []float64) {
	a, t := d.alpha(), d.theta()
	u[0], u[1] = math.Log(a.A/a.B), math.Log(t.A/t.B)
}

func (DelayedAdstock) Constrain(v, u []float64, maxLag int) {
	v[0], _, _ = logistic(u[0])
	phi, _, _ := logistic(u[1])
	v[1] = float64(maxLag) * phi
}

func (DelayedAdstock) Unconstrain(u, v []float64, maxLag int) {
	u[0], u[1] = logit(v[0]), logit(v[1]/float64(maxLag))
}

func (d DelayedAdstock) PriorWeights(w []float64) {
	Delayed{Alpha: d.alpha().Mean(), Theta: d.theta().Mean() * float64(len(w)-1)}.Weights(w)
}
