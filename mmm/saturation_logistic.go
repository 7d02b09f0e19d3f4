package mmm

import "math"

func init() { registerSaturation(LogisticSaturation{}) }

// Logistic is the curve (1−e^(−λx))/(1+e^(−λx)) = tanh(λx/2) at a fixed
// rate.
type Logistic struct{ Lambda float64 }

// Value returns the curve at x.
func (g Logistic) Value(x float64) float64 { return math.Tanh(g.Lambda * x / 2) }

// Deriv returns the derivative in x.
func (g Logistic) Deriv(x float64) float64 {
	v := g.Value(x)
	return g.Lambda / 2 * (1 - v*v)
}

// LogisticSaturation is the logistic saturation component, tanh(λa/2),
// concave from the start. Its coordinate is log λ.
type LogisticSaturation struct {
	// Lambda is the prior of the rate λ on adstocked scaled spend; zero
	// means LogNormal(0, 0.8).
	Lambda LogNormal
}

// tanh(λx/2) is half saturated at x = 1.1/λ: median at the mean spend.
var defaultLambda = LogNormal{Mu: 0, Sigma: 0.8}

func (LogisticSaturation) Kind() SaturationKind { return "logistic" }
func (g LogisticSaturation) Params() []Param    { return []Param{{"lambda", g.lambda()}} }
func (LogisticSaturation) Coords() []string     { return []string{"lambda"} }

func (g LogisticSaturation) lambda() LogNormal { return orDefault(g.Lambda, defaultLambda) }

func (g LogisticSaturation) WithPrior(name string, p Prior) (Saturation, error) {
	if name != "lambda" {
		return g, noParam(g.Kind(), name, g.Params())
	}
	l, err := priorFor[LogNormal](g.Kind(), name, p)
	g.Lambda = l
	return g, err
}

func (LogisticSaturation) Saturate(s, dsda []float64, d [][]float64, u, a []float64) {
	h := math.Exp(u[0]) / 2
	d1 := d[0]
	for t, v := range a {
		sv := math.Tanh(h * v)
		g := 1 - sv*sv
		s[t] = sv
		dsda[t] = h * g
		d1[t] = h * v * g
	}
}

func (LogisticSaturation) Curve(s, a, v []float64) {
	g := Logistic{Lambda: v[0]}
	for t, x := range a {
		s[t] = g.Value(x)
	}
}

func (g LogisticSaturation) LogPrior(du, u []float64, lp float64) float64 {
	v, d := g.lambda().onLog(u[0])
	du[0] += d
	return lp + v
}

func (g LogisticSaturation) Center(u []float64)     { u[0] = g.lambda().Mu }
func (LogisticSaturation) Constrain(v, u []float64) { v[0] = math.Exp(u[0]) }
func (LogisticSaturation) Unconstrain(u, v []float64) {
	u[0] = math.Log(v[0])
}

// PrepareScaled and SumScaled: S(k·a) = tanh(k·λa/2) with λa/2 prepared.
func (LogisticSaturation) PrepareScaled(dst, a, v []float64) []float64 {
	for _, x := range a {
		if x > 0 {
			dst = append(dst, v[0]*x/2)
		}
	}
	return dst
}

func (LogisticSaturation) SumScaled(pre []float64, k float64, _ []float64) float64 {
	sum := 0.0
	for _, h := range pre {
		sum += math.Tanh(k * h)
	}
	return sum
}
