package calibrate

import (
	"math"
	"slices"
)

// DefaultLevel is the credible level of intervals when none is given.
const DefaultLevel = 0.9

// Interval is a posterior mean with a central interval [Lo, Hi]; for a
// measurement it is the estimate with its confidence interval.
type Interval struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}

// Summarize returns the mean of the finite values of x and their central
// interval at level (quantiles (1−level)/2 and (1+level)/2, interpolated as
// R's default type 7). It returns nil when x has no finite value, so that an
// unknown estimate is null rather than NaN.
func Summarize(x []float64, level float64) *Interval {
	s := make([]float64, 0, len(x))
	for _, v := range x {
		if finite(v) {
			s = append(s, v)
		}
	}
	if len(s) == 0 {
		return nil
	}
	if !(level > 0 && level < 1) {
		level = DefaultLevel
	}
	mean := sum(s) / float64(len(s))
	slices.Sort(s)
	a := (1 - level) / 2
	return &Interval{Mean: mean, Lo: quantile(s, a), Hi: quantile(s, 1-a)}
}

// quantile is the p-quantile of sorted s (Hyndman and Fan type 7).
func quantile(s []float64, p float64) float64 {
	h := p * float64(len(s)-1)
	i := int(math.Floor(h))
	if i >= len(s)-1 {
		return s[len(s)-1]
	}
	return s[i] + (h-float64(i))*(s[i+1]-s[i])
}

// meanSD returns the mean and the standard deviation (divisor n−1) of x.
func meanSD(x []float64) (mean, sd float64) {
	if len(x) == 0 {
		return math.NaN(), math.NaN()
	}
	mean = sum(x) / float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}
