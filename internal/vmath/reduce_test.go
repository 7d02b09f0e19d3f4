package vmath

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// dotRef is Dot's documented order written out with an array and index
// arithmetic, independently of dotGo's unrolled locals; y nil means Sum.
func dotRef(x, y []float64) float64 {
	n := len(x)
	term := func(i int) float64 {
		if y == nil {
			return x[i]
		}
		return float64(x[i] * y[i])
	}
	var p [16]float64
	n16, n4 := n&^15, n&^3
	for i := range n16 {
		p[i%16] += term(i)
	}
	for i := n16; i < n4; i++ {
		p[i%4] += term(i)
	}
	var q [4]float64
	for l := range q {
		q[l] = (p[l] + p[4+l]) + (p[8+l] + p[12+l])
	}
	s := (q[0] + q[2]) + (q[1] + q[3])
	for i := n4; i < n; i++ {
		s += term(i)
	}
	return s
}

// reduceInputs: mostly ordinary values, with probability pEdge an edge
// value (signed zeros, subnormals, huge values whose products or sums
// overflow, infinities, NaN).
func reduceInputs(rng *rand.Rand, n int, pEdge float64) []float64 {
	edges := []float64{0, math.Copysign(0, -1), 5e-324, -1e-310, 1e300, -1e300, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 1, -1}
	x := make([]float64, n)
	for i := range x {
		if rng.Float64() < pEdge {
			x[i] = edges[rng.IntN(len(edges))]
		} else {
			x[i] = rng.NormFloat64() * math.Exp(3*rng.NormFloat64())
		}
	}
	return x
}

// Dot and Sum (AVX2 where the CPU has it) against dotRef and the pure-Go
// blocks, bit for bit, over every length 0…33 (every mix of 16-blocks,
// 4-blocks and tail) and longer ones; the element-wise updates against
// their plain loops.
func TestReduceBitIdentical(t *testing.T) {
	t.Logf("assembly kernels in use: %v", accel)
	rng := rand.New(rand.NewPCG(9, 10))
	lengths := []int{64, 156, 157, 1000, 6240}
	for n := range 34 {
		lengths = append(lengths, n)
	}
	for _, n := range lengths {
		for trial := range 60 {
			pEdge := []float64{0, 0.05, 0.4}[trial%3]
			x, y := reduceInputs(rng, n, pEdge), reduceInputs(rng, n+trial%3, pEdge)
			i := n &^ 3
			check := func(what string, got, want float64) {
				t.Helper()
				if !same(got, want) {
					t.Fatalf("%s, n = %d trial %d: got %v (%#x), want %v (%#x)", what, n, trial,
						got, math.Float64bits(got), want, math.Float64bits(want))
				}
			}
			want := dotRef(x, y[:n])
			check("Dot", Dot(x, y), want)
			goDot := dotGo(x[:i], y[:i])
			for j := i; j < n; j++ {
				goDot += float64(x[j] * y[j])
			}
			check("dotGo", goDot, want)
			want = dotRef(x, nil)
			check("Sum", Sum(x), want)
			goSum := sumGo(x[:i])
			for j := i; j < n; j++ {
				goSum += x[j]
			}
			check("sumGo", goSum, want)

			a, c := rng.NormFloat64(), rng.NormFloat64()
			if trial%7 == 0 {
				a = math.Inf(1)
			}
			got, ref := append([]float64(nil), y[:n]...), append([]float64(nil), y[:n]...)
			AddScaledShift(got, a, x, c)
			for j := range ref {
				ref[j] = ref[j] + (a*x[j] - c)
			}
			sameAll(t, "AddScaledShift", x, got, ref)
			ScaleTo(got, a, x)
			for j := range ref {
				ref[j] = a * x[j]
			}
			sameAll(t, "ScaleTo", x, got, ref)
			AddConst(got, c)
			for j := range ref {
				ref[j] += c
			}
			sameAll(t, "AddConst", x, got, ref)
			Mul(got, x)
			for j := range ref {
				ref[j] *= x[j]
			}
			sameAll(t, "Mul", x, got, ref)
		}
	}
}

// Dot against the exactly rounded sum (math/big), within the usual
// bound for summation: n·ε·Σ|x_i·y_i|.
func TestDotAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{1, 3, 17, 156, 1001} {
		x, y := reduceInputs(rng, n, 0), reduceInputs(rng, n, 0)
		exact, abs := new(big.Float).SetPrec(2000), 0.0
		for i := range x {
			p := new(big.Float).SetPrec(2000).SetFloat64(x[i])
			exact.Add(exact, p.Mul(p, new(big.Float).SetFloat64(y[i])))
			abs += math.Abs(x[i] * y[i])
		}
		want, _ := exact.Float64()
		if d := math.Abs(Dot(x, y) - want); d > float64(n)*0x1p-52*abs {
			t.Errorf("n = %d: Dot error %g, bound %g", n, d, float64(n)*0x1p-52*abs)
		}
		if d := math.Abs(Sum(x) - dotRef(x, nil)); d != 0 {
			t.Errorf("n = %d: Sum differs from its order by %g", n, d)
		}
	}
}
