package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// seriesInputs returns n values of mixed kinds: typical adstock levels,
// the whole positive range, and, with probability pEdge, an edge case
// (zeros of both signs, tiny and subnormal, huge, infinite, NaN,
// negative), so that the kernels' blocks see every mix of lanes.
func seriesInputs(rng *rand.Rand, n int, pEdge float64) []float64 {
	edges := []float64{0, math.Copysign(0, -1), 5e-324, 1e-310, 2.2250738585072014e-308, 1e-300,
		math.MaxFloat64, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN(), -1, -1e-300, 1, 0.6875, 1.375}
	x := make([]float64, n)
	for i := range x {
		switch {
		case rng.Float64() < pEdge:
			x[i] = edges[rng.IntN(len(edges))]
		case i%3 == 0:
			x[i] = math.Exp(1400 * (rng.Float64() - 0.5))
		default:
			x[i] = 3 * rng.Float64()
		}
	}
	return x
}

// same reports whether a and b are the same bits, or both NaN.
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

func sameAll(t *testing.T, what string, in, got, want []float64) {
	t.Helper()
	for i := range want {
		if !same(got[i], want[i]) {
			t.Fatalf("%s at %d (input %g): series %v (%#x), Go %v (%#x)", what, i, in[i],
				got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
}

// The series functions (AVX2 assembly where the CPU has it) against the
// pure-Go functions, bit for bit, over lengths that leave every tail and
// inputs that put an edge case in any lane.
func TestSeriesBitIdentical(t *testing.T) {
	t.Logf("assembly kernels in use: %v, AVX-512 Hill kernel: %v", accel, accel512)
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 680 {
		n := trial % 34
		if trial%50 == 0 {
			n = 4096
		}
		pEdge := []float64{0, 0.02, 0.3}[trial%3]
		a := seriesInputs(rng, n, pEdge)

		got, want := make([]float64, n), make([]float64, n)
		LogPosTo(got, a)
		for i, x := range a {
			want[i] = LogPos(x)
		}
		sameAll(t, "LogPosTo", a, got, want)

		neg := make([]float64, n)
		for i, x := range a {
			neg[i] = -x * float64(1+rng.IntN(300))
		}
		ExpNonPosTo(got, neg)
		for i, x := range neg {
			want[i] = ExpNonPos(x)
		}
		sameAll(t, "ExpNonPosTo", neg, got, want)

		slope := math.Exp(rng.NormFloat64())
		c0 := 2 * rng.NormFloat64()
		cScale, off := math.Exp(0.5*rng.NormFloat64()), 0.5*c0
		if trial%40 == 1 {
			slope = math.Inf(1) // a sampler's far excursion
		}
		var g, w [4][]float64
		for k := range g {
			g[k], w[k] = make([]float64, n), make([]float64, n)
		}
		HillGrad(g[0], g[1], g[2], g[3], a, slope, c0, cScale, off)
		hillGradGo(w[0], w[1], w[2], w[3], a, slope, c0, cScale, off)
		for k, name := range []string{"S", "dS/da", "dS/dc", "dS/dlog s"} {
			sameAll(t, "HillGrad "+name, a, g[k], w[k])
		}

		HillCurve(got, a, slope, c0)
		hillCurveGo(want, a, slope, c0)
		sameAll(t, "HillCurve", a, got, want)
		copy(got, a) // in place, as the posterior summaries call it
		HillCurve(got, got, slope, c0)
		sameAll(t, "HillCurve in place", a, got, want)
	}
}

// The series against math.Exp and math.Log: the stated bounds (1e-15
// relative, 3e-16·max(1, |log x|)) hold for the assembly too.
func TestSeriesAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 1 << 16
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = -745 * rng.Float64() * rng.Float64()
	}
	ExpNonPosTo(y, x)
	for i := range x {
		want := math.Exp(x[i])
		if x[i] < -708 {
			want = 0
		}
		if d := math.Abs(y[i] - want); d > 1e-15*want {
			t.Fatalf("ExpNonPosTo(%g) = %g, want %g (relative error %g)", x[i], y[i], want, d/want)
		}
	}
	for i := range x {
		x[i] = math.Exp(1400 * (rng.Float64() - 0.5))
	}
	LogPosTo(y, x)
	for i := range x {
		want := math.Log(x[i])
		if d := math.Abs(y[i] - want); d > 3e-16*math.Max(1, math.Abs(want)) {
			t.Fatalf("LogPosTo(%g) = %g, want %g", x[i], y[i], want)
		}
	}
}

// HillGrad against the Hill curve and its derivatives written with
// math.Exp and math.Log (an independent formula: 1/(1 + (K/a)^s) with
// log K = −c0/slope), and its derivative in a against a central
// difference.
func TestHillGradOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n = 1001
	a := make([]float64, n)
	for i := range a {
		a[i] = 4 * rng.Float64()
	}
	a[0] = 0
	slope, c0, cScale, off := 1.7, -0.4, 1.3, -0.2
	s, dsda, dc, dls := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	HillGrad(s, dsda, dc, dls, a, slope, c0, cScale, off)
	hill := func(x float64) float64 { return 1 / (1 + math.Pow(math.Exp(-c0/slope)/x, slope)) }
	for i, x := range a {
		if x == 0 {
			if s[i] != 0 || dsda[i] != 0 || dc[i] != 0 || dls[i] != 0 {
				t.Fatalf("a = 0: got %g %g %g %g, want zeros", s[i], dsda[i], dc[i], dls[i])
			}
			continue
		}
		v := hill(x)
		g := v * (1 - v)
		z := slope*math.Log(x) + c0
		h := 1e-6 * x
		fd := (hill(x+h) - hill(x-h)) / (2 * h)
		if math.Abs(s[i]-v) > 1e-14 || math.Abs(dc[i]-g*cScale) > 1e-13 ||
			math.Abs(dls[i]-g*(z-off)) > 1e-13 || math.Abs(dsda[i]-fd) > 1e-7*math.Max(1, math.Abs(fd)) {
			t.Fatalf("a = %g: got S %g dS/da %g dc %g dls %g; want %g %g %g %g", x, s[i], dsda[i], dc[i], dls[i],
				v, fd, g*cScale, g*(z-off))
		}
	}
	curve := make([]float64, n)
	HillCurve(curve, a, slope, -c0/slope)
	for i, x := range a {
		if x > 0 && math.Abs(curve[i]-hill(x)) > 1e-14 {
			t.Fatalf("HillCurve(%g) = %g, want %g", x, curve[i], hill(x))
		}
	}
}
