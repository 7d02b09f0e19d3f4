package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ExpNonPos against math.Exp over its whole range, including the ends of
// the range reduction's intervals and the underflow threshold.
func TestExpNonPos(t *testing.T) {
	worst := 0.0
	check := func(x float64) {
		got, want := ExpNonPos(x), math.Exp(x)
		if want < 1e-300 {
			if got > 1e-300 {
				t.Fatalf("ExpNonPos(%g) = %g, want ≈ %g", x, got, want)
			}
			return
		}
		worst = math.Max(worst, math.Abs(got-want)/want)
	}
	for i := range 1_000_000 {
		check(-float64(i) * 7.1e-4)
	}
	for k := range 1020 {
		c := -float64(k) * math.Ln2
		check(c - 0.5*math.Ln2)
		check(c + 0.5*math.Ln2)
		check(math.Nextafter(c, 1))
	}
	for _, x := range []float64{0, math.Copysign(0, -1), -1e-300, -708, -707.9, -745, -1e9, math.Inf(-1)} {
		check(x)
	}
	if worst > 1e-15 {
		t.Errorf("worst relative error %g, want ≤ 1e-15", worst)
	}
	if v := ExpNonPos(math.NaN()); !math.IsNaN(v) {
		t.Errorf("ExpNonPos(NaN) = %g, want NaN", v)
	}
	if v := ExpNonPos(0); v != 1 {
		t.Errorf("ExpNonPos(0) = %g, want 1", v)
	}
}

// LogPos against math.Log from the smallest normal number to the largest,
// densely around 1 and at the table's subinterval ends.
func TestLogPos(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	worstAbs, worstRel := 0.0, 0.0
	check := func(x float64) {
		got, want := LogPos(x), math.Log(x)
		d := math.Abs(got - want)
		worstAbs = math.Max(worstAbs, d/math.Max(1, math.Abs(want)))
		if math.Abs(want) > 1 {
			worstRel = math.Max(worstRel, d/math.Abs(want))
		}
	}
	for range 1_000_000 {
		check(math.Exp(1400 * (rng.Float64() - 0.5)))
		check(1 + 0.5*(rng.Float64()-0.5))
		check(rng.Float64() * 10)
	}
	for i := range uint64(129) {
		b := math.Float64frombits(logOff + i<<45)
		check(b)
		check(math.Nextafter(b, 0))
		check(4 * b)
	}
	for _, x := range []float64{math.SmallestNonzeroFloat64, 2.2250738585072014e-308, math.MaxFloat64, 1, 2, 0.5} {
		check(x)
	}
	if worstAbs > 3e-16 || worstRel > 3e-16 {
		t.Errorf("worst error %g absolute, %g relative; want ≤ 3e-16 both", worstAbs, worstRel)
	}
	t.Logf("worst error %g absolute, %g relative", worstAbs, worstRel)
	for _, x := range []float64{0, -1, math.Inf(1), math.NaN()} {
		got, want := LogPos(x), math.Log(x)
		if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("LogPos(%g) = %g, want %g", x, got, want)
		}
	}
}
