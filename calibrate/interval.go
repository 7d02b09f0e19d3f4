package calibrate

import "github.com/triad-mmm/triad/stat"

// DefaultLevel is the credible level of intervals when none is given.
const DefaultLevel = 0.9

// Interval is a posterior mean with a central interval [Lo, Hi]; for a
// measurement it is the estimate with its confidence interval.
type Interval = stat.Interval

// Summarize returns the mean of the finite values of x and their central
// interval at level (quantiles (1−level)/2 and (1+level)/2, interpolated as
// R's default type 7). It returns nil when x has no finite value, so that an
// unknown estimate is null rather than NaN.
func Summarize(x []float64, level float64) *Interval {
	if !(level > 0 && level < 1) {
		level = DefaultLevel
	}
	mean, lo, hi, n := stat.Central(x, level, stat.Finite)
	if n == 0 {
		return nil
	}
	return &Interval{Mean: mean, Lo: lo, Hi: hi}
}
