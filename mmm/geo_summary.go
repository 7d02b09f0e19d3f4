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

// ChannelSummary returns the national per-channel summaries (the sum over
// geos) at the given interval level, with the same meaning as
// Posterior.ChannelSummary.
func (p *GeoPosterior) ChannelSummary(level float64) []ChannelSummary {
	p.contributions()
	m := p.m
	nd := p.Draws()
	totalKPI := 0.0
	for g := range m.G {
		for _, v := range m.data.KPI[g] {
			totalKPI += v
		}
	}
	out := make([]ChannelSummary, len(m.ch))
	c0, c1 := make([]float64, nd), make([]float64, nd)
	roi, mroi, share := make([]float64, nd), make([]float64, nd), make([]float64, nd)
	for c := range m.ch {
		total := 0.0
		for g := range m.G {
			for _, v := range m.data.Spend[c][g] {
				total += v
			}
		}
		for d := range c0 {
			c0[d], c1[d] = 0, 0
			for g := range m.G {
				c0[d] += p.contrib[c][g][d]
				c1[d] += p.contUp[c][g][d]
			}
			roi[d] = c0[d] / total
			mroi[d] = (c1[d] - c0[d]) / (0.01 * total)
			share[d] = c0[d] / totalKPI
		}
		s := ChannelSummary{
			Name: m.ch[c].name, Spend: total,
			Contribution: stat.Summarize(c0, level), ROI: stat.Summarize(roi, level),
			MROI: stat.Summarize(mroi, level), Share: stat.Summarize(share, level),
			RHat: math.NaN(), ESSBulk: math.NaN(),
		}
		if i := m.ch[c].iROI; i < len(p.diag.Params) {
			s.RHat, s.ESSBulk = p.diag.Params[i].RHat, p.diag.Params[i].ESSBulk
		}
		out[c] = s
	}
	return out
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
