package budget

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// project writes into x the Euclidean projection of y onto
// {x : Σx = total, lo ≤ x ≤ hi}: x = clip(y − τ, lo, hi) for the shift τ
// that meets the total. The caller guarantees Σlo ≤ total ≤ Σhi.
func project(x, y, lo, hi []float64, total float64) {
	// Σ clip(y−τ) falls from Σhi at τa to Σlo at τb.
	ta, tb := math.Inf(1), math.Inf(-1)
	for i := range y {
		ta = math.Min(ta, y[i]-hi[i])
		tb = math.Max(tb, y[i]-lo[i])
	}
	for range 200 {
		t := ta + (tb-ta)/2
		if t == ta || t == tb {
			break
		}
		var s float64
		for i := range y {
			s += clamp(y[i]-t, lo[i], hi[i])
		}
		if s > total {
			ta = t
		} else {
			tb = t
		}
	}
	for i := range y {
		x[i] = clamp(y[i]-tb, lo[i], hi[i])
	}
	fixSum(x, lo, hi, total)
}

// fixSum spreads the rounding residual total − Σx over channels with room,
// so the total is met to the last bit or two without leaving the bounds.
func fixSum(x, lo, hi []float64, total float64) {
	for range 3 {
		r := total - stat.Sum(x)
		if r == 0 {
			return
		}
		for i := range x {
			old := x[i]
			x[i] = clamp(old+r, lo[i], hi[i])
			r -= x[i] - old
			if r == 0 {
				break
			}
		}
	}
}

func clamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }
