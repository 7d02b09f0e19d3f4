package eval

import (
	"math"

	"github.com/triad-mmm/triad/report"
)

// Pair is one channel's truth next to one model's estimates.
type Pair struct {
	Channel          string
	Spend            float64
	TrueROI          float64
	TrueContribution float64
	ROI              report.Interval
	Contribution     report.Interval
}

// Accuracy is one model's recovery of the truth over a set of channels.
//
// With ROI error e_c = |ROI_est,c − ROI_true,c|:
//
//	MeanAbsROIError    = Σ e_c / N
//	MeanRelROIError    = Σ (e_c / ROI_true,c) / N
//	SpendWeightedError = Σ e_c·spend_c / Σ true contribution_c
//	TotalMediaError    = |Σ est contribution_c − Σ true contribution_c| / Σ true contribution_c
//
// The spend-weighted error is the share of the true media contribution that
// the ROI errors misplace; it weighs big channels as a budget does.
type Accuracy struct {
	N       int // channels scored
	Covered int // channels whose ROI interval holds the true ROI

	MeanAbsROIError    float64
	MeanRelROIError    float64
	SpendWeightedError float64
	TotalMediaError    float64
}

// Coverage returns the share of channels whose interval covers the truth,
// or NaN for an empty set.
func (a Accuracy) Coverage() float64 {
	if a.N == 0 {
		return math.NaN()
	}
	return float64(a.Covered) / float64(a.N)
}

// Covers reports whether the interval iv holds x. An interval with an
// unknown end covers nothing: a missing interval is a miss, not a pass.
func Covers(iv report.Interval, x float64) bool {
	return iv.Lo <= x && x <= iv.Hi
}

// Score computes the accuracy of the estimates in pairs. An empty set
// scores NaN errors with N = 0; an unknown estimate makes the errors NaN.
func Score(pairs []Pair) Accuracy {
	a := Accuracy{N: len(pairs)}
	if len(pairs) == 0 {
		nan := math.NaN()
		a.MeanAbsROIError, a.MeanRelROIError, a.SpendWeightedError, a.TotalMediaError = nan, nan, nan, nan
		return a
	}
	var abs, rel, weighted, trueTotal, estTotal float64
	for _, p := range pairs {
		if Covers(p.ROI, p.TrueROI) {
			a.Covered++
		}
		e := math.Abs(p.ROI.Mean - p.TrueROI)
		abs += e
		rel += e / math.Abs(p.TrueROI)
		weighted += e * p.Spend
		trueTotal += p.TrueContribution
		estTotal += p.Contribution.Mean
	}
	n := float64(len(pairs))
	a.MeanAbsROIError = abs / n
	a.MeanRelROIError = rel / n
	a.SpendWeightedError = weighted / trueTotal
	a.TotalMediaError = math.Abs(estTotal-trueTotal) / trueTotal
	return a
}

// Pool combines the accuracies of several worlds. Coverage and the mean ROI
// errors pool over channel × world pairs (each channel counts once); the
// spend-weighted and total-media errors, being ratios within one world, are
// averaged over the worlds that scored any channel.
func Pool(as []Accuracy) Accuracy {
	var p Accuracy
	var abs, rel, sw, tm float64
	worlds := 0
	for _, a := range as {
		if a.N == 0 {
			continue
		}
		worlds++
		p.N += a.N
		p.Covered += a.Covered
		abs += a.MeanAbsROIError * float64(a.N)
		rel += a.MeanRelROIError * float64(a.N)
		sw += a.SpendWeightedError
		tm += a.TotalMediaError
	}
	if worlds == 0 {
		return Score(nil)
	}
	p.MeanAbsROIError = abs / float64(p.N)
	p.MeanRelROIError = rel / float64(p.N)
	p.SpendWeightedError = sw / float64(worlds)
	p.TotalMediaError = tm / float64(worlds)
	return p
}
