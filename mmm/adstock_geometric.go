package mmm

import "math"

func init() { registerAdstock(GeometricAdstock{}) }

// Geometric is geometric adstock at a fixed decay, w_l ∝ Alpha^l for
// l = 0..len(w)−1.
type Geometric struct{ Alpha float64 }

// Weights writes the normalised weights into w; len(w) is MaxLag+1.
func (g Geometric) Weights(w []float64) {
	for l := range w {
		w[l] = float64(l)
	}
	softmaxWeights(w, w, math.Log(g.Alpha))
}

// GeometricAdstock is the geometric adstock component, w_l ∝ α^l: the
// effect is largest in the period of spend. Its coordinate is logit α.
type GeometricAdstock struct {
	// Alpha is the prior of the decay α; zero means Beta(1.5, 3).
	Alpha Beta
}

// Mean decay 0.33; still 17% of the mass above α = 0.6, so slow decays are
// reachable when the data ask for them.
var defaultAlpha = Beta{A: 1.5, B: 3}

func (GeometricAdstock) Kind() AdstockKind { return "geometric" }
func (g GeometricAdstock) Params() []Param { return []Param{{"alpha", g.alpha()}} }
func (GeometricAdstock) Coords() []string  { return []string{"alpha"} }
func (GeometricAdstock) MinLag() int       { return 0 }

func (g GeometricAdstock) alpha() Beta { return orDefault(g.Alpha, defaultAlpha) }

func (g GeometricAdstock) WithPrior(name string, p Prior) (Adstock, error) {
	if name != "alpha" {
		return g, noParam(g.Kind(), name, g.Params())
	}
	b, err := priorFor[Beta](g.Kind(), name, p)
	g.Alpha = b
	return g, err
}

func (GeometricAdstock) Weights(w, u []float64) {
	_, logA, _ := logistic(u[0])
	for l := range w {
		w[l] = float64(l)
	}
	softmaxWeights(w, w, logA)
}

// WeightsGrad: the weights are a softmax of l·log α, so
// dΣgw/d log α = Σ_l w_l(gw_l − ḡ)·l, and d log α/du = 1 − α.
func (GeometricAdstock) WeightsGrad(du, u, w, gw []float64) {
	alpha, _, _ := logistic(u[0])
	wg := weightedMean(w, gw)
	ga := 0.0
	for l, wl := range w {
		ga += wl * (gw[l] - wg) * float64(l)
	}
	du[0] += ga * (1 - alpha)
}

func (g GeometricAdstock) LogPrior(du, u []float64, lp float64) float64 {
	v, d := g.alpha().onLogit(logistic(u[0]))
	du[0] += d
	return lp + v
}

func (g GeometricAdstock) Center(u []float64) {
	a := g.alpha()
	u[0] = math.Log(a.A / a.B)
}

func (GeometricAdstock) Constrain(v, u []float64, _ int)   { v[0], _, _ = logistic(u[0]) }
func (GeometricAdstock) Unconstrain(u, v []float64, _ int) { u[0] = logit(v[0]) }

func (g GeometricAdstock) PriorWeights(w []float64) { Geometric{Alpha: g.alpha().Mean()}.Weights(w) }
