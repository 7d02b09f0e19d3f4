package stat

// Interval is a posterior mean with a central credible interval [Lo, Hi]
// (for a measurement: the estimate and its confidence interval). The model,
// calibration and budget packages all speak it, so their estimates pass
// between them without conversion.
type Interval struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}

// Summarize returns the mean of the finite values of x and their central
// interval at level (quantiles (1−level)/2 and (1+level)/2, type 7). NaN
// and ±Inf draws are left out: a draw that overflowed says nothing about
// the others. With no finite value every field is NaN (Known is false), so
// that callers can write it as null. This is the one summary of draws that
// the model, calibration and budget packages share.
func Summarize(x []float64, level float64) Interval {
	mean, lo, hi, _ := Central(x, level, Finite)
	return Interval{Mean: mean, Lo: lo, Hi: hi}
}

// Known reports whether the mean is a finite number.
func (iv Interval) Known() bool { return Finite(iv.Mean) }
