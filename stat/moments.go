package stat

import "math"

// Sum returns Σ x, added in order so that results do not depend on the
// platform.
func Sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

// Mean returns the arithmetic mean of x, NaN when x is empty.
func Mean(x []float64) float64 { return Sum(x) / float64(len(x)) }

// MeanVar returns the mean and the unbiased variance (divisor n−1) of x,
// by the two-pass formula, which stays accurate when the mean is large
// compared with the spread. The variance is NaN for fewer than two values.
func MeanVar(x []float64) (mean, variance float64) {
	mean = Mean(x)
	if len(x) < 2 {
		return mean, math.NaN()
	}
	for _, v := range x {
		d := v - mean
		variance += d * d
	}
	return mean, variance / float64(len(x)-1)
}

// MeanSD returns the mean and the standard deviation (divisor n−1) of x. A
// single value has no observed spread, so its SD is 0; both are NaN when x
// is empty.
func MeanSD(x []float64) (mean, sd float64) {
	switch len(x) {
	case 0:
		return math.NaN(), math.NaN()
	case 1:
		return Mean(x), 0
	}
	mean, v := MeanVar(x)
	return mean, math.Sqrt(v)
}
