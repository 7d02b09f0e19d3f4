package mmm

import (
	"math"
	"testing"
)

// expNonPos against math.Exp over its whole range, including the ends of
// the range reduction's intervals and the underflow threshold.
func TestExpNonPos(t *testing.T) {
	worst := 0.0
	check := func(x float64) {
		got, want := expNonPos(x), math.Exp(x)
		if want < 1e-300 {
			if got > 1e-300 {
				t.Fatalf("expNonPos(%g) = %g, want ≈ %g", x, got, want)
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
	if v := expNonPos(math.NaN()); !math.IsNaN(v) {
		t.Errorf("expNonPos(NaN) = %g, want NaN", v)
	}
	if v := expNonPos(0); v != 1 {
		t.Errorf("expNonPos(0) = %g, want 1", v)
	}
}
