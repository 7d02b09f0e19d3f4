package budget

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// gridNodes caps the Contribution calls per channel on the grid: the
// curves are smooth, so values between nodes are interpolated linearly. The
// interpolation error only shifts the grid solution within a node spacing,
// which the Newton polish (started with that trust radius) removes.
const gridNodes = 32

// gridUnits is the number of budget units the dynamic programme shares out.
// A finer grid costs one Contribution call per unit and channel; the Newton
// polish that follows recovers full precision, so the grid only has to land
// in the right basin of a non-concave curve.
const gridUnits = 128

// gridAllocate maximises Σ_c f_c(x_c) over allocations that give every free
// channel its minimum plus a whole number of units δ = (total − Σlo)/units,
// exactly, by dynamic programming over channels. Unlike marginal-return
// equalisation this is exact for any curve shape, so an S-shaped Hill curve
// that pays only after a threshold is funded only if crossing it pays. It
// writes the allocation into x (meeting the total exactly: a residual left
// by channels whose range is not a whole number of units is spread by
// fixSum) and returns δ.
func gridAllocate(e *evaluator, s *resolved, x []float64, units int) float64 {
	copy(x, s.lo)
	rem := s.total - stat.Sum(s.lo)
	if rem <= 0 || len(s.free) == 0 {
		fixSum(x, s.lo, s.hi, s.total)
		return 0
	}
	delta := rem / float64(units)
	negInf := math.Inf(-1)
	best := make([]float64, units+1)
	next := make([]float64, units+1)
	for n := range best {
		best[n] = negInf
	}
	best[0] = 0
	choice := make([][]int, len(s.free))
	for j, c := range s.free {
		k := int(math.Floor((s.hi[c] - s.lo[c]) / delta * (1 + 1e-12)))
		k = min(k, units)
		v := gridValues(e, c, s.lo[c], s.hi[c], delta, k)
		choice[j] = make([]int, units+1)
		for n := range next {
			next[n] = negInf
			for i := 0; i <= min(k, n); i++ {
				if b := best[n-i]; b != negInf && b+v[i] > next[n] {
					next[n] = b + v[i]
					choice[j][n] = i
				}
			}
		}
		best, next = next, best
	}
	// Use as many units as the ranges allow: the total has to be met.
	n := units
	for n > 0 && best[n] == negInf {
		n--
	}
	for j := len(s.free) - 1; j >= 0; j-- {
		c := s.free[j]
		i := choice[j][n]
		x[c] = math.Min(s.lo[c]+float64(i)*delta, s.hi[c])
		n -= i
	}
	fixSum(x, s.lo, s.hi, s.total)
	return delta
}

// gridValues returns f_c at lo + iδ for i = 0..k, evaluated at no more than
// gridNodes+1 nodes and interpolated linearly in between.
func gridValues(e *evaluator, c int, lo, hi, delta float64, k int) []float64 {
	v := make([]float64, k+1)
	at := func(i int) float64 { return math.Min(lo+float64(i)*delta, hi) }
	m := min(k, gridNodes)
	prev := 0
	v[0] = e.mean(c, at(0))
	for j := 1; j <= m; j++ {
		i := (j*k + m/2) / m // nodes spread evenly over 0..k
		v[i] = e.mean(c, at(i))
		for u := prev + 1; u < i; u++ {
			w := float64(u-prev) / float64(i-prev)
			v[u] = (1-w)*v[prev] + w*v[i]
		}
		prev = i
	}
	return v
}
