package budget

import (
	"errors"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// targetGrid is the number of grid intervals per channel used to locate the
// global maximiser of f_c(x) − target·x before refining it.
const targetGrid = 64

// MaxBudgetForTargetROI returns the largest total budget that can be spent,
// within p.Bounds, while the marginal ROI stays at or above target, with the
// optimal plan for that total.
//
// Definition: with f_c the posterior mean contribution of channel c, each
// free channel gets x_c, the largest maximiser over [Min_c, Max_c] of
// f_c(x) − target·x: the spend up to which an extra unit returns at least
// target. The budget is Σx_c (locked channels at their current spend). By
// Everett's theorem this allocation is optimal for its own total whatever
// the curve shapes, and at it every channel above its minimum has a mean
// marginal ROI ≥ target (equal to target unless it sits at its maximum).
// For concave curves no larger total has that property. p.Total is ignored;
// the bounds are absolute, so pass wide bounds (e.g. 0 to 3× current) to
// let the budget move far from today's. Only the Mean objective is
// supported. The returned plan is Optimize's at that total and level.
func MaxBudgetForTargetROI(r Response, p Problem, target float64, level float64) (float64, Plan, error) {
	if !(target > 0) || math.IsInf(target, 0) {
		return 0, Plan{}, fmt.Errorf("budget: target ROI %g is not a positive number", target)
	}
	if _, ok := p.Objective.(Quantile); ok {
		return 0, Plan{}, errors.New("budget: the target-ROI mode supports only the mean objective")
	}
	if !(level > 0 && level < 1) {
		return 0, Plan{}, fmt.Errorf("budget: interval level %g is not in (0, 1)", level)
	}
	s, err := resolve(r, p, false)
	if err != nil {
		return 0, Plan{}, err
	}
	e := newEvaluator(r, s.scale)
	total := stat.Sum(s.lo)
	for _, c := range s.free {
		x := lagrangeSpend(e, c, s.lo[c], s.hi[c], target)
		total += x - s.lo[c]
	}
	if e.err != nil {
		return 0, Plan{}, e.err
	}
	q := p
	q.Total = total
	q.Bounds = make([]Bounds, len(s.lo))
	for c := range q.Bounds {
		q.Bounds[c] = Bounds{Min: s.lo[c], Max: s.hi[c], Locked: s.locked[c]}
	}
	if total == 0 {
		// Optimize reads a zero total as "the current total"; every channel
		// then sits at a zero minimum, so plan that directly.
		x := make([]float64, len(s.lo))
		s.total = 0
		plan, err := summarizePlan(e, s, x, level)
		return 0, plan, err
	}
	plan, err := Optimize(r, q, level)
	return total, plan, err
}

// lagrangeSpend returns the largest global maximiser of f(x) − λx over
// [lo, hi] for channel c: a grid locates the best basin, then bisection on
// f'(x) = λ refines it inside the neighbouring grid cells.
func lagrangeSpend(e *evaluator, c int, lo, hi, lambda float64) float64 {
	step := (hi - lo) / targetGrid
	best, bx, bk := math.Inf(-1), lo, 0
	for k := 0; k <= targetGrid; k++ {
		x := math.Min(lo+float64(k)*step, hi)
		if v := e.mean(c, x) - lambda*x; v >= best {
			best, bx, bk = v, x, k
		}
	}
	a := math.Max(lo, bx-step)
	b := math.Min(hi, bx+step)
	// Marginal excess return above the target at x.
	excess := func(x float64) float64 { return e.grad(c, x) - lambda }
	if bk == targetGrid && excess(hi) >= 0 {
		return hi
	}
	if bk == 0 && excess(lo) <= 0 {
		return lo
	}
	ea, eb := excess(a), excess(b)
	if !(ea > 0 && eb < 0) {
		return bx // no sign change: the grid point is as good as the cell gets
	}
	for range 100 {
		m := a + (b-a)/2
		if m == a || m == b || (b-a) < 1e-10*e.scale[c] {
			break
		}
		if excess(m) > 0 {
			a = m
		} else {
			b = m
		}
	}
	return a + (b-a)/2
}
