package eval_test

import (
	"fmt"

	"github.com/triad-mmm/triad/internal/eval"
	"github.com/triad-mmm/triad/report"
)

// Two channels: TV's interval holds its true ROI of 2, search's misses
// its true ROI of 1. Both are off by 0.5, which misplaces 75 of the 250
// units of true media contribution.
func ExampleScore() {
	a := eval.Score([]eval.Pair{
		{Channel: "tv", Spend: 100, TrueROI: 2, TrueContribution: 200,
			ROI: report.Interval{Mean: 2.5, Lo: 1.5, Hi: 3}, Contribution: report.Interval{Mean: 250}},
		{Channel: "search", Spend: 50, TrueROI: 1, TrueContribution: 50,
			ROI: report.Interval{Mean: 0.5, Lo: 0.3, Hi: 0.9}, Contribution: report.Interval{Mean: 25}},
	})
	fmt.Printf("coverage %.2f, mean |ROI error| %.2f, spend-weighted %.2f, total media %.0f%%\n",
		a.Coverage(), a.MeanAbsROIError, a.SpendWeightedError, 100*a.TotalMediaError)
	// Output: coverage 0.50, mean |ROI error| 0.50, spend-weighted 0.30, total media 10%
}

// A plan judged under the true curves: it earns 8 of the 10 units of KPI the
// best plan with the same budget and bounds would add.
func ExampleBudgetScore_Ratio() {
	s := eval.BudgetScore{Current: 100, Recommended: 108, Optimal: 110}
	fmt.Printf("%.2f\n", s.Ratio())
	// Output: 0.80
}
