package mmm

import "math"

// PriorContraction compares one channel's posterior ROI with a LogNormal
// prior on the log scale, where the prior is a Normal.
type PriorContraction struct {
	// SDRatio is the posterior SD of log ROI over the prior's σ: near 1
	// the data said nothing about the channel and the posterior is the
	// prior; well below 1 the data narrowed it.
	SDRatio float64
	// Z is (posterior mean of log ROI − prior μ) / prior σ: beyond ±2 the
	// posterior is piled in a tail of the prior, which the data pull
	// against.
	Z float64
	// SpendShare is the channel's share of all spend over the fitted
	// periods.
	SpendShare float64
}

// PriorContraction returns, per channel, how far the posterior moved from
// priors (one per channel; the model's own with m.ROIPriors()).
func (p *Posterior) PriorContraction(priors []LogNormal) []PriorContraction {
	roi, spend := make([][]float64, len(p.ch)), make([]float64, len(p.ch))
	for c := range p.ch {
		roi[c], spend[c] = p.ch[c].roi, p.m.ch[c].spendFit
	}
	return priorContraction(roi, spend, priors)
}

// priorContraction compares each channel's ROI draws roi[c] with priors[c];
// spend[c] is its spend over the fitted periods.
func priorContraction(roi [][]float64, spend []float64, priors []LogNormal) []PriorContraction {
	total := 0.0
	for _, v := range spend {
		total += v
	}
	out := make([]PriorContraction, len(roi))
	for c, draws := range roi {
		var s, ss float64
		for _, v := range draws {
			l := math.Log(v)
			s += l
			ss += l * l
		}
		n := float64(len(draws))
		mean := s / n
		sd := math.Sqrt(max(0, ss/n-mean*mean))
		pr := priors[c]
		out[c] = PriorContraction{SDRatio: sd / pr.Sigma, Z: (mean - pr.Mu) / pr.Sigma, SpendShare: spend[c] / total}
	}
	return out
}
