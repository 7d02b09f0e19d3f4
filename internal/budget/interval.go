package budget

import (
	"math"
	"slices"
)

// Interval is a posterior mean with a central credible interval [Lo, Hi].
type Interval struct {
	Mean, Lo, Hi float64
}

// summarize returns the mean of x and its central interval at level
// (quantiles (1-level)/2 and (1+level)/2, linearly interpolated).
func summarize(x []float64, level float64) Interval {
	s := slices.Clone(x)
	slices.Sort(s)
	a := (1 - level) / 2
	return Interval{Mean: meanOf(x), Lo: sortedQuantile(s, a), Hi: sortedQuantile(s, 1-a)}
}

// sortedQuantile is the p-quantile of sorted s by linear interpolation
// between order statistics (Hyndman and Fan type 7, R's default).
func sortedQuantile(s []float64, p float64) float64 {
	h := p * float64(len(s)-1)
	i := int(math.Floor(h))
	if i >= len(s)-1 {
		return s[len(s)-1]
	}
	return s[i] + (h-float64(i))*(s[i+1]-s[i])
}
