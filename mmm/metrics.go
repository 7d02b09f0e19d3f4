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
	return fitMetrics(p.m.data.KPI, p.drawParts().mu, p.m.nFit, level)
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

// fittedIntervals summarises rows ([draw][t]) per period.
func fittedIntervals(rows [][]float64, level float64) []Interval {
	n := len(rows[0])
	out := make([]Interval, n)
	col := make([]float64, len(rows))
	for t := range out {
		for d, row := range rows {
			col[d] = row[t]
		}
		out[t] = stat.Summarize(col, level)
	}
	return out
}

// fitMetrics compares the posterior mean of rows with y in and after the
// nFit fitted periods; R2 is summarised per draw.
func fitMetrics(y []float64, rows [][]float64, nFit int, level float64) FitMetrics {
	n := len(y)
	mean := make([]float64, n)
	for _, row := range rows {
		for t, v := range row {
			mean[t] += v
		}
	}
	for t := range mean {
		mean[t] /= float64(len(rows))
	}
	fm := FitMetrics{InSample: metrics(y[:nFit], mean[:nFit])}
	if nFit < n {
		h := metrics(y[nFit:], mean[nFit:])
		fm.Holdout = &h
	}
	r2 := make([]float64, len(rows))
	for d, row := range rows {
		r2[d] = metrics(y[:nFit], row[:nFit]).R2
	}
	fm.R2 = stat.Summarize(r2, level)
	return fm
}
