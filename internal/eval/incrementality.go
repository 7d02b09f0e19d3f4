package eval

import (
	"math"

	"github.com/triad-mmm/triad/report"
)

// IFScore is a digital channel's incrementality factor (causal contribution
// / MTA-attributed KPI) as reported next to the true one.
type IFScore struct {
	Channel string
	Est     report.Interval
	True    float64
}

// RelError returns |IF_est − IF_true| / IF_true.
func (s IFScore) RelError() float64 {
	return RelativeError(s.Est.Mean, s.True)
}

// Covered reports whether the reported interval holds the true factor.
func (s IFScore) Covered() bool { return Covers(s.Est, s.True) }

// RelativeError returns |est − truth| / |truth|: NaN when either is unknown,
// +Inf when the truth is 0 and the estimate is not.
func RelativeError(est, truth float64) float64 {
	if est == truth {
		return 0
	}
	return math.Abs(est-truth) / math.Abs(truth)
}

// MeanIFError returns the mean relative error of the factors, or NaN when
// there are none.
func MeanIFError(s []IFScore) float64 {
	if len(s) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, x := range s {
		sum += x.RelError()
	}
	return sum / float64(len(s))
}
