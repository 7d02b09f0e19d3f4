package stat

import (
	"math"
	"slices"
)

// Quantile returns the p-quantile of sorted by linear interpolation between
// order statistics (Hyndman and Fan type 7, R's default). p ≤ 0 gives the
// minimum and p ≥ 1 the maximum; the result is NaN when sorted is empty or p
// is NaN.
func Quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	switch {
	case n == 0 || math.IsNaN(p):
		return math.NaN()
	case p <= 0:
		return sorted[0]
	case p >= 1:
		return sorted[n-1]
	}
	h := p * float64(n-1)
	i := int(math.Floor(h))
	if i >= n-1 {
		return sorted[n-1]
	}
	return sorted[i] + (h-float64(i))*(sorted[i+1]-sorted[i])
}

// Central returns the mean of the values of x for which keep is true (all
// of them when keep is nil) and their central interval at level: the
// quantiles (1−level)/2 and (1+level)/2. n is the number of values kept;
// when it is zero, mean, lo and hi are NaN. x is not modified.
func Central(x []float64, level float64, keep func(float64) bool) (mean, lo, hi float64, n int) {
	s := make([]float64, 0, len(x))
	for _, v := range x {
		if keep == nil || keep(v) {
			s = append(s, v)
		}
	}
	if len(s) == 0 {
		nan := math.NaN()
		return nan, nan, nan, 0
	}
	mean = Mean(s)
	slices.Sort(s)
	a := (1 - level) / 2
	return mean, Quantile(s, a), Quantile(s, 1-a), len(s)
}

// Finite reports whether x is neither NaN nor infinite; pass it to Central
// to summarise the finite draws only.
func Finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// NotNaN reports whether x is not NaN; pass it to Central to ignore missing
// draws but keep infinite ones.
func NotNaN(x float64) bool { return !math.IsNaN(x) }
