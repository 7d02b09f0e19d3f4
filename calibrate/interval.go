package calibrate

import "github.com/triad-mmm/triad/stat"

// DefaultLevel is the credible level of intervals when none is given.
const DefaultLevel = 0.9

// Interval is a posterior mean with a central interval [Lo, Hi]; for a
// measurement it is the estimate with its confidence interval.
type Interval = stat.Interval

// interval is stat.Summarize as a Result holds it: nil when no draw is
// finite, so that an unknown estimate is null rather than NaN.
func interval(x []float64, level float64) *Interval {
	iv := stat.Summarize(x, level)
	if !iv.Known() {
		return nil
	}
	return &iv
}
