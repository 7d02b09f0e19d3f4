package eval

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// BudgetScore is a recommended allocation judged under a world's true
// response curves: the true media contribution at the current allocation,
// at the recommended one, and at the true optimum with the same total and
// bounds. Each channel keeps its historical flighting.
type BudgetScore struct {
	Current, Recommended, Optimal float64
	// Allocations per channel of the world, in its order: the current,
	// recommended and truly optimal total spend.
	Channels                                     []string
	CurrentSpend, RecommendedSpend, OptimalSpend []float64
}

// Ratio returns the share of the achievable gain that the recommendation
// earns: (Recommended − Current) / (Optimal − Current). It is NaN when no
// gain is achievable, and negative when the recommendation loses KPI.
func (b BudgetScore) Ratio() float64 {
	return GainRatio(b.Current, b.Recommended, b.Optimal)
}

// GainRatio returns (recommended − current) / (optimal − current), or NaN
// when optimal does not exceed current.
func GainRatio(current, recommended, optimal float64) float64 {
	if !(optimal > current) {
		return math.NaN()
	}
	return (recommended - current) / (optimal - current)
}

// ScoreBudget evaluates the report's budget section under w's true response
// curves. Channels of w that the budget does not list are held at their
// historical spend, as the plan leaves them untouched. The optimum spends
// the budget's total within the budget's bounds.
func ScoreBudget(w *simulate.World, b *report.Budget) (BudgetScore, error) {
	C := len(w.Channels)
	cur := make([]float64, C)
	rec := make([]float64, C)
	lo := make([]float64, C)
	hi := make([]float64, C)
	for c, ch := range w.Channels {
		cur[c] = stat.Sum(ch.Spend)
		rec[c], lo[c], hi[c] = cur[c], cur[c], cur[c]
	}
	seen := make([]bool, C)
	for _, bc := range b.Channels {
		c := w.Channel(bc.Name)
		if c < 0 {
			return BudgetScore{}, fmt.Errorf("eval: budget channel %q is not in the world", bc.Name)
		}
		if seen[c] {
			return BudgetScore{}, fmt.Errorf("eval: budget channel %q listed twice", bc.Name)
		}
		seen[c] = true
		cur[c], rec[c], lo[c], hi[c] = bc.Current, bc.Recommended, bc.Min, bc.Max
	}
	var s BudgetScore
	var spent, fixed float64
	for c := range C {
		if seen[c] {
			spent += rec[c]
		} else {
			fixed += cur[c]
		}
		s.Current += w.TrueContributionAt(c, cur[c])
		s.Recommended += w.TrueContributionAt(c, rec[c])
	}
	// A plan that overspends would earn an unfair gain: it is a bug of the
	// optimiser, reported as such rather than scored.
	if math.Abs(spent-b.Total) > 1e-6*b.Total {
		return BudgetScore{}, fmt.Errorf("eval: the recommendation spends %.6g of a budget of %.6g", spent, b.Total)
	}
	x, opt, err := w.TrueOptimum(b.Total+fixed, lo, hi)
	if err != nil {
		return BudgetScore{}, fmt.Errorf("eval: true optimum: %w", err)
	}
	s.Optimal = opt
	for _, ch := range w.Channels {
		s.Channels = append(s.Channels, ch.Name)
	}
	s.CurrentSpend, s.RecommendedSpend, s.OptimalSpend = cur, rec, x
	return s, nil
}
