package mmm

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"
)

// The checks below hold for every component; each kind's test calls them
// with its own oracle for the prior (the density on the natural scale,
// from gonum, and the map from the natural parameters to the prior's
// variable), so that a new kind is tested by one call.

var fdCentral = &fd.Settings{Formula: fd.Central, Step: 1e-6}

// naturalPrior is a kind's oracle: the log prior density of its natural
// parameters v (constants included or not) for a channel of maxLag.
type naturalPrior func(v []float64, maxLag int) float64

// checkAdstock checks a's weights, gradient, prior and transforms against
// finite differences and the oracle at a few random points.
func checkAdstock(t *testing.T, a Adstock, maxLag int, prior naturalPrior) {
	t.Helper()
	n := len(a.Params())
	require.Len(t, a.Coords(), n)
	assert.IsType(t, a, a.Kind().New(), "registered as its kind")
	assert.GreaterOrEqual(t, maxLag, a.MinLag())
	rng := rand.New(rand.NewPCG(uint64(n), uint64(maxLag)))
	L := maxLag + 1
	w, gw := make([]float64, L), make([]float64, L)
	center := make([]float64, n)
	a.Center(center)
	var lp0, ref0 float64
	for rep := range 6 {
		u := make([]float64, n)
		for k := range u {
			u[k] = center[k] + 0.8*rng.NormFloat64()
		}
		for l := range gw {
			gw[l] = rng.NormFloat64()
		}
		a.Weights(w, u)
		sum := 0.0
		for _, v := range w {
			assert.False(t, v < 0 || math.IsNaN(v))
			sum += v
		}
		assert.InDelta(t, 1, sum, 1e-12, "weights sum to 1")

		// WeightsGrad is the gradient of Σ gw·w(u).
		du := make([]float64, n)
		a.WeightsGrad(du, u, w, gw)
		ww := make([]float64, L)
		num := fd.Gradient(nil, func(u []float64) float64 {
			a.Weights(ww, u)
			return weightedMean(ww, gw)
		}, u, fdCentral)
		assert.InDeltaSlice(t, num, du, 1e-6, "%v weights gradient at %v", a.Kind(), u)

		// LogPrior: gradient by finite differences, value by the oracle
		// plus the log Jacobian of u → v (itself by finite differences),
		// equal up to one constant.
		du = make([]float64, n)
		lp := a.LogPrior(du, u, 1)
		num = fd.Gradient(nil, func(u []float64) float64 { return a.LogPrior(make([]float64, n), u, 0) }, u, fdCentral)
		assert.InDeltaSlice(t, num, du, 1e-6, "%v prior gradient", a.Kind())
		v := make([]float64, n)
		a.Constrain(v, u, maxLag)
		ref := prior(v, maxLag) + logJacobian(func(v, u []float64) { a.Constrain(v, u, maxLag) }, u)
		if rep == 0 {
			lp0, ref0 = lp, ref
		} else {
			assert.InDelta(t, ref-ref0, lp-lp0, 1e-6, "%v prior value", a.Kind())
		}

		back := make([]float64, n)
		a.Unconstrain(back, v, maxLag)
		assert.InDeltaSlice(t, u, back, 1e-9, "Unconstrain inverts Constrain")
	}

	// At the prior's centre the weights are those at the prior means.
	pw := make([]float64, L)
	a.PriorWeights(pw)
	a.Weights(w, center)
	assert.InDeltaSlice(t, pw, w, 1e-12, "PriorWeights are the weights at Center")
}

// checkSaturation checks s's curve, derivatives, prior and transforms.
func checkSaturation(t *testing.T, s Saturation, prior naturalPrior) {
	t.Helper()
	n := len(s.Params())
	require.Len(t, s.Coords(), n)
	assert.IsType(t, s, s.Kind().New(), "registered as its kind")
	rng := rand.New(rand.NewPCG(uint64(n), 3))
	a := []float64{0, 1e-3, 0.2, 0.7, 1, 1.6, 3, 12}
	T := len(a)
	sv, dsda, d := make([]float64, T), make([]float64, T), newRows(n, T)
	center := make([]float64, n)
	s.Center(center)
	var lp0, ref0 float64
	for rep := range 6 {
		u := make([]float64, n)
		for k := range u {
			u[k] = center[k] + 0.6*rng.NormFloat64()
		}
		s.Saturate(sv, dsda, d, u, a)
		v := make([]float64, n)
		s.Constrain(v, u)
		curve := make([]float64, T)
		s.Curve(curve, a, v)
		assert.InDeltaSlice(t, curve, sv, 1e-12, "Curve at the natural parameters is Saturate's S")
		assert.Equal(t, 0.0, sv[0], "no spend, no effect")

		at := func(u []float64, x float64) float64 {
			out, g, dd := make([]float64, 1), make([]float64, 1), newRows(n, 1)
			s.Saturate(out, g, dd, u, []float64{x})
			return out[0]
		}
		for i, x := range a[1:] {
			num := fd.Derivative(func(x float64) float64 { return at(u, x) }, x, &fd.Settings{Formula: fd.Central, Step: 1e-7 * math.Max(x, 1e-3)})
			assert.InDelta(t, num, dsda[i+1], 1e-5*math.Max(1, math.Abs(num)), "%v dS/da at %g", s.Kind(), x)
			g := fd.Gradient(nil, func(u []float64) float64 { return at(u, x) }, u, fdCentral)
			for k := range g {
				assert.InDelta(t, g[k], d[k][i+1], 1e-6, "%v dS/d%s at %g", s.Kind(), s.Coords()[k], x)
			}
		}

		du := make([]float64, n)
		lp := s.LogPrior(du, u, 1)
		num := fd.Gradient(nil, func(u []float64) float64 { return s.LogPrior(make([]float64, n), u, 0) }, u, fdCentral)
		assert.InDeltaSlice(t, num, du, 1e-6, "%v prior gradient", s.Kind())
		ref := prior(v, 0) + logJacobian(s.Constrain, u)
		if rep == 0 {
			lp0, ref0 = lp, ref
		} else {
			assert.InDelta(t, ref-ref0, lp-lp0, 1e-6, "%v prior value", s.Kind())
		}

		back := make([]float64, n)
		s.Unconstrain(back, v)
		assert.InDeltaSlice(t, u, back, 1e-9, "Unconstrain inverts Constrain")

		// The budget optimiser's fast path, where there is one, agrees
		// with the curve at k·a, as does the generic fallback.
		for _, sc := range []ScaledSaturation{scaledCurve(s), curveAtScale{s}} {
			pre := sc.PrepareScaled(nil, a, v)
			for _, k := range []float64{0.3, 1, 2.5} {
				ka := make([]float64, T)
				for i, x := range a {
					ka[i] = k * x
				}
				s.Curve(ka, ka, v)
				want := 0.0
				for _, y := range ka {
					want += y
				}
				assert.InDelta(t, want, sc.SumScaled(pre, k, v), 1e-12*float64(T))
			}
		}
	}
}

// logJacobian returns log |det ∂v/∂u| of f at u by finite differences.
func logJacobian(f func(v, u []float64), u []float64) float64 {
	n := len(u)
	J := make([][]float64, n)
	for i := range J {
		i := i
		J[i] = fd.Gradient(nil, func(u []float64) float64 {
			v := make([]float64, n)
			f(v, u)
			return v[i]
		}, u, fdCentral)
	}
	switch n {
	case 1:
		return math.Log(math.Abs(J[0][0]))
	case 2:
		return math.Log(math.Abs(J[0][0]*J[1][1] - J[0][1]*J[1][0]))
	}
	panic("logJacobian: more than two coordinates")
}

// WithPrior sets the prior it names, refuses other names and families,
// and Params reports it; every parameter of every kind starts from a valid
// default.
func TestComponentPriors(t *testing.T) {
	for _, a := range adstocks {
		for _, p := range a.Params() {
			assert.True(t, p.Prior.valid(), "%v %s", a.Kind(), p.Name)
			b, err := a.WithPrior(p.Name, p.Prior)
			require.NoError(t, err)
			assert.Equal(t, a.Params(), b.Params())
		}
		_, err := a.WithPrior("nope", Beta{A: 1, B: 1})
		assert.ErrorContains(t, err, `no parameter "nope"`)
	}
	for _, s := range saturations {
		for _, p := range s.Params() {
			assert.True(t, p.Prior.valid(), "%v %s", s.Kind(), p.Name)
		}
	}
	d, err := DelayedAdstock{}.WithPrior("theta", Beta{A: 4, B: 2})
	require.NoError(t, err)
	assert.Equal(t, Beta{A: 4, B: 2}, d.Params()[1].Prior)
	_, err = DelayedAdstock{}.WithPrior("theta", LogNormal{Mu: 0, Sigma: 1})
	assert.ErrorContains(t, err, "takes a mmm.Beta prior")
	h, err := HillSaturation{}.WithPrior("k", LogNormal{Mu: 0.5, Sigma: 0.1})
	require.NoError(t, err)
	assert.Equal(t, HillSaturation{K: LogNormal{Mu: 0.5, Sigma: 0.1}}, h)

	ps := ComponentParams()
	for _, name := range []string{"alpha", "theta", "shape", "scale", "k", "slope", "lambda"} {
		assert.Contains(t, ps, name)
	}
	assert.IsType(t, Beta{}, ps["alpha"].Prior)
	assert.IsType(t, LogNormal{}, ps["k"].Prior)
}

func TestKinds(t *testing.T) {
	assert.Equal(t, []AdstockKind{"geometric", "delayed", "weibull"}, AdstockKinds())
	assert.Equal(t, []SaturationKind{"hill", "logistic"}, SaturationKinds())
	var k AdstockKind
	assert.Equal(t, "geometric", k.String(), "the zero value is the default")
	assert.Equal(t, GeometricAdstock{}, k.New())
	_, err := ParseAdstockKind("gamma")
	assert.EqualError(t, err, `"gamma": want geometric, delayed or weibull`)
	_, err = ParseSaturationKind("tanh")
	assert.EqualError(t, err, `"tanh": want hill or logistic`)
	assert.Nil(t, AdstockKind("gamma").New())
}
