package mmm

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// Metrics measure how well a prediction matches the KPI.
type Metrics struct {
	R2    float64 // 1 − SSE/SST
	MAPE  float64 // mean |error|/|actual| over periods with a non-zero actual
	NRMSE float64 // RMSE / (max − min of the actual), as Robyn reports it
	N     int     // periods
}

// FitMetrics compares the posterior mean prediction with the KPI in the
// fitted periods and in the holdout.
type FitMetrics struct {
	InSample Metrics
	Holdout  *Metrics // nil without a holdout
	// R2 is the in-sample R² of each draw's expected KPI, summarised.
	R2 Interval
}

// Fit returns fit metrics; level sets the interval of the per-draw R².
func (p *Posterior) Fit(level float64) FitMetrics {
	m := p.m
	pt := p.parts()
	mean := make([]float64, m.n)
	for _, row := range pt.mu {
		for t, v := range row {
			mean[t] += v
		}
	}
	for t := range mean {
		mean[t] /= float64(len(pt.mu))
	}
	y := m.data.KPI
	fm := FitMetrics{InSample: metrics(y[:m.nFit], mean[:m.nFit])}
	if m.nFit < m.n {
		h := metrics(y[m.nFit:], mean[m.nFit:])
		fm.Holdout = &h
	}
	r2 := make([]float64, len(pt.mu))
	for d, row := range pt.mu {
		r2[d] = metrics(y[:m.nFit], row[:m.nFit]).R2
	}
	fm.R2 = stat.Summarize(r2, level)
	return fm
}

// metrics computes Metrics of pred against y.
func metrics(y, pred []float64) Metrics {
	n := len(y)
	mean, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, v := range y {
		mean += v
		lo = math.Min(lo, v)
		hi = math.Max(hi, v)
	}
	mean /= float64(n)
	sse, sst, ape := 0.0, 0.0, 0.0
	nz := 0
	for t, v := range y {
		e := v - pred[t]
		sse += e * e
		sst += (v - mean) * (v - mean)
		if v != 0 {
			ape += math.Abs(e / v)
			nz++
		}
	}
	out := Metrics{N: n, R2: math.NaN(), MAPE: math.NaN(), NRMSE: math.NaN()}
	if sst > 0 {
		out.R2 = 1 - sse/sst
	}
	if nz > 0 {
		out.MAPE = ape / float64(nz)
	}
	if hi > lo {
		out.NRMSE = math.Sqrt(sse/float64(n)) / (hi - lo)
	}
	return out
}
