package mmm

import (
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// ChannelSummary is one channel's effect over the whole panel (fitted and
// holdout periods), in original units.
type ChannelSummary struct {
	Name         string
	Spend        float64
	Contribution Interval // incremental KPI
	ROI          Interval // contribution / spend (for a count KPI: KPI per currency unit)
	// MROI is the marginal ROI: the extra contribution of 1% more spend in
	// every period, per unit of that extra spend.
	MROI Interval
	// Share is the contribution as a share of the total KPI.
	Share Interval
	// RHat and ESSBulk are the convergence diagnostics of the channel's ROI
	// parameter (NaN for Laplace).
	RHat, ESSBulk float64
}

// ChannelSummary returns per-channel summaries at the given interval level.
func (p *Posterior) ChannelSummary(level float64) []ChannelSummary {
	m := p.m
	nd := p.Draws()
	totalKPI := 0.0
	for _, v := range m.data.KPI {
		totalKPI += v
	}
	out := make([]ChannelSummary, len(m.ch))
	share := make([]float64, nd)
	draws := p.channelDraws()
	for c := range m.ch {
		dr := draws[c]
		total := 0.0
		for _, v := range m.data.Spend[c] {
			total += v
		}
		out[c] = summarizeChannel(m.ch[c].name, total, dr, totalKPI, share, level, p.diag, m.ch[c].iROI)
	}
	return out
}

// MediaShare returns the share of the total KPI over the panel that media
// explain (all channels together), at level. One minus it is the baseline
// share.
func (p *Posterior) MediaShare(level float64) Interval {
	m := p.m
	nd := p.Draws()
	totalKPI := 0.0
	for _, v := range m.data.KPI {
		totalKPI += v
	}
	sum := make([]float64, nd)
	_, sums := p.history()
	for c := range m.ch {
		for d, v := range sums[c] {
			sum[d] += v / totalKPI
		}
	}
	return stat.Summarize(sum, level)
}

// summarizeChannel is one channel's summary from its draws, shared by the
// national and the geo posterior. share is scratch of one value per draw;
// iROI is the channel's ROI coordinate, whose diagnostics the summary carries.
func summarizeChannel(name string, spend float64, dr ChannelDraws, totalKPI float64, share []float64, level float64, diag sampler.Diagnostics, iROI int) ChannelSummary {
	for d, v := range dr.Contribution {
		share[d] = v / totalKPI
	}
	s := ChannelSummary{
		Name: name, Spend: spend,
		Contribution: stat.Summarize(dr.Contribution, level), ROI: stat.Summarize(dr.ROI, level),
		MROI: stat.Summarize(dr.MROI, level), Share: stat.Summarize(share, level),
		RHat: math.NaN(), ESSBulk: math.NaN(),
	}
	if iROI < len(diag.Params) {
		s.RHat, s.ESSBulk = diag.Params[iROI].RHat, diag.Params[iROI].ESSBulk
	}
	return s
}
