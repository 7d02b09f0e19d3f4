package budget

import "github.com/triad-mmm/triad/stat"

// Interval is a posterior mean with a central credible interval [Lo, Hi].
type Interval = stat.Interval

// summarize returns the mean of x and its central interval at level
// (quantiles (1-level)/2 and (1+level)/2, linearly interpolated).
func summarize(x []float64, level float64) Interval {
	mean, lo, hi, _ := stat.Central(x, level, nil)
	return Interval{Mean: mean, Lo: lo, Hi: hi}
}
