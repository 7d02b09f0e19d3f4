package mmm

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// GeoSummary is one geo's media effects over the whole panel.
type GeoSummary struct {
	Name       string
	Population float64
	Channels   []GeoChannelSummary
}

// GeoChannelSummary is one channel's effect in one geo, in original units.
type GeoChannelSummary struct {
	Name         string
	Spend        float64
	Contribution Interval
	// ROI is contribution / spend; NaN bounds where the geo never spent.
	ROI Interval
}

// ChannelDraws returns channel c's national contribution, ROI and
// marginal ROI per draw (sums over geos), the draws ChannelSummary
// summarises.
func (p *GeoPosterior) ChannelDraws(c int) ChannelDraws {
	p.contributions()
	m := p.m
	nd := p.Draws()
	total := 0.0
	for g := range m.G {
		for _, v := range m.data.Spend[c][g] {
			total += v
		}
	}
	if total == 0 {
		total = math.NaN() // an organic channel: no spend, no ROI
	}
	out := ChannelDraws{Contribution: make([]float64, nd), ROI: make([]float64, nd), MROI: make([]float64, nd)}
	for d := range nd {
		c0, c1 := 0.0, 0.0
		for g := range m.G {
			c0 += p.contrib[c][g][d]
			c1 += p.contUp[c][g][d]
		}
		out.Contribution[d] = c0
		out.ROI[d] = c0 / total
		out.MROI[d] = (c1 - c0) / (0.01 * total)
	}
	return out
}

// ChannelSummary returns the national per-channel summaries (the sum over
// geos) at the given interval level, with the same meaning as
// Posterior.ChannelSummary.
func (p *GeoPosterior) ChannelSummary(level float64) []ChannelSummary {
	m := p.m
	totalKPI := 0.0
	for g := range m.G {
		for _, v := range m.data.KPI[g] {
			totalKPI += v
		}
	}
	out := make([]ChannelSummary, len(m.ch))
	share := make([]float64, p.Draws())
	for c := range m.ch {
		dr := p.ChannelDraws(c)
		total := 0.0
		for g := range m.G {
			for _, v := range m.data.Spend[c][g] {
				total += v
			}
		}
		out[c] = summarizeChannel(m.ch[c].name, total, dr, totalKPI, share, level, p.diag, m.ch[c].iROI)
	}
	return out
}

// DrawNames returns the names ParamDraws takes: the model's coordinates.
func (p *GeoPosterior) DrawNames() []string { return p.m.ParamNames() }

// DrawIndex returns, for each pooled draw, its chain and its index within
// the chain (both from 0).
func (p *GeoPosterior) DrawIndex() (chain, draw []int) {
	return (&Posterior{res: p.res}).DrawIndex()
}

// GeoSummary returns every geo's per-channel spend, contribution and ROI
// at level, in the panel's geo order.
func (p *GeoPosterior) GeoSummary(level float64) []GeoSummary {
	p.contributions()
	m := p.m
	nd := p.Draws()
	roi := make([]float64, nd)
	out := make([]GeoSummary, m.G)
	for g := range m.G {
		gs := GeoSummary{Name: m.data.Geos[g], Population: m.pop[g]}
		for c := range m.ch {
			spend := 0.0
			for _, v := range m.data.Spend[c][g] {
				spend += v
			}
			cs := GeoChannelSummary{Name: m.ch[c].name, Spend: spend, Contribution: stat.Summarize(p.contrib[c][g], level),
				ROI: Interval{Mean: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}}
			if spend > 0 {
				for d, v := range p.contrib[c][g] {
					roi[d] = v / spend
				}
				cs.ROI = stat.Summarize(roi, level)
			}
			gs.Channels = append(gs.Channels, cs)
		}
		out[g] = gs
	}
	return out
}

// GeoNoiseSD returns each geo's residual SD per period in KPI units, the
// posterior mean of pop_g·ȳ·σ·(pop_g/mean pop)^(−ρ) (the Student-t scale
// under a Student-t likelihood), in the panel's geo order.
func (p *GeoPosterior) GeoNoiseSD() []float64 {
	m := p.m
	out := make([]float64, m.G)
	for _, x := range p.x {
		for g := range m.G {
			out[g] += math.Exp(x[m.iSig] - x[m.iRho]*m.logW[g])
		}
	}
	for g := range out {
		out[g] *= m.pop[g] * m.yBar / float64(len(p.x))
	}
	return out
}
