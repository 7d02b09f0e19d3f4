package budget

import (
	"errors"
	"fmt"

	"github.com/triad-mmm/triad/stat"
)

// Plan is a recommended allocation with its posterior consequences.
type Plan struct {
	// Total is the allocated budget and Bounds the bounds applied, with
	// defaults filled in; a locked channel shows Min = Max = current.
	Total  float64
	Bounds []Bounds
	// Recommended spend per channel; it sums to Total and respects every
	// bound.
	Recommended []float64
	// ExpectedGain is the posterior of the media contribution at the
	// recommended minus at the current allocation, computed draw by draw.
	ExpectedGain Interval
	// CurrentKPI and RecommendedKPI are the posterior total media
	// contributions (the baseline is unaffected by the allocation).
	CurrentKPI, RecommendedKPI Interval
	// MROICurrent and MROIRecommended are, per channel, the posterior of
	// the marginal return d contribution / d spend (KPI per currency unit)
	// at the current and at the recommended spend.
	MROICurrent, MROIRecommended []Interval
	// Iterations counts the continuous refinement steps after the grid
	// search (Newton steps, then quantile ascent steps).
	Iterations int
	// Calls counts the Response.Contribution calls made.
	Calls int
}

// Optimize allocates p.Total across channels within p.Bounds to maximise
// p.Objective, and summarises the result at the credible level (e.g. 0.9).
//
// The mean objective is maximised by dynamic programming on a grid of
// gridUnits budget units (exact for the grid, whatever the curve shapes) and
// then polished by a trust-region Newton method to the continuous optimum;
// at the result the mean marginal returns of channels strictly inside their
// bounds are equal. The quantile objective starts from the mean-optimal plan
// and climbs the quantile by projected gradient steps.
//
// Errors: mismatched lengths, negative or non-finite spends or bounds, a
// level outside (0, 1), an infeasible total (wrapping ErrInfeasible) and a
// Response that returns non-finite values.
func Optimize(r Response, p Problem, level float64) (Plan, error) {
	if !(level > 0 && level < 1) {
		return Plan{}, fmt.Errorf("budget: interval level %g is not in (0, 1)", level)
	}
	s, err := resolve(r, p, true)
	if err != nil {
		return Plan{}, err
	}
	e := newEvaluator(r, s.scale)
	x := allocate(e, s)
	if e.err != nil {
		return Plan{}, e.err
	}
	return summarizePlan(e, s, x, level)
}

// allocate runs the optimisation stages and returns the allocation.
func allocate(e *evaluator, s *resolved) []float64 {
	x := make([]float64, len(s.cur))
	delta := gridAllocate(e, s, x, gridUnits)
	it := refineMean(e, s, x, 2*delta*float64(gridUnits)/gridNodes)
	if s.quantile > 0 {
		it += refineQuantile(e, s, x, s.quantile)
	}
	// Every stage keeps the constraints; enforcing them once more here keeps
	// the promise visible in one place.
	for c := range x {
		x[c] = clamp(x[c], s.lo[c], s.hi[c])
	}
	fixSum(x, s.lo, s.hi, s.total)
	e.iterations = it
	return x
}

func summarizePlan(e *evaluator, s *resolved, x []float64, level float64) (Plan, error) {
	nc, nd := len(x), e.draws
	cur := make([]float64, nd)
	rec := make([]float64, nd)
	gain := make([]float64, nd)
	k := make([]float64, nd)
	for c := range nc {
		e.contrib(k, c, s.cur[c])
		for i, v := range k {
			cur[i] += v
		}
		e.contrib(k, c, x[c])
		for i, v := range k {
			rec[i] += v
		}
	}
	for i := range gain {
		gain[i] = rec[i] - cur[i]
	}
	bounds := make([]Bounds, nc)
	for c := range bounds {
		bounds[c] = Bounds{Min: s.lo[c], Max: s.hi[c], Locked: s.locked[c]}
	}
	p := Plan{
		Total:           s.total,
		Bounds:          bounds,
		Recommended:     x,
		ExpectedGain:    stat.Summarize(gain, level),
		CurrentKPI:      stat.Summarize(cur, level),
		RecommendedKPI:  stat.Summarize(rec, level),
		MROICurrent:     make([]Interval, nc),
		MROIRecommended: make([]Interval, nc),
		Iterations:      e.iterations,
	}
	for c := range nc {
		e.drawSlope(k, c, s.cur[c])
		p.MROICurrent[c] = stat.Summarize(k, level)
		e.drawSlope(k, c, x[c])
		p.MROIRecommended[c] = stat.Summarize(k, level)
	}
	p.Calls = e.calls
	if e.err != nil {
		return Plan{}, e.err
	}
	return p, nil
}

// ErrNoGain is returned by Efficiency when the optimum gains nothing over
// the current allocation, so no share of the gain can be computed.
var ErrNoGain = errors.New("budget: the optimal allocation gains nothing over the current one")
