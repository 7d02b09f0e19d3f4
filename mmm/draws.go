package mmm

import (
	"math"
	"slices"
)

// ChannelDraws are one channel's effect over the whole panel, one value
// per posterior draw (chains pooled, as ParamDraws).
type ChannelDraws struct {
	Contribution []float64 // incremental KPI
	ROI          []float64 // contribution / spend
	// MROI is the extra contribution of 1% more spend in every period,
	// per unit of that extra spend.
	MROI []float64
}

// ChannelDraws returns channel c's contribution, ROI and marginal ROI per
// draw, the draws ChannelSummary summarises.
func (p *Posterior) ChannelDraws(c int) ChannelDraws {
	dr := p.channelDraws()[c]
	return ChannelDraws{Contribution: slices.Clone(dr.Contribution), ROI: slices.Clone(dr.ROI), MROI: slices.Clone(dr.MROI)}
}

// computeChannelDraws computes what ChannelDraws returns.
func (p *Posterior) computeChannelDraws(c int) ChannelDraws {
	nd := p.Draws()
	total := 0.0
	for _, v := range p.m.data.Spend[c] {
		total += v
	}
	// Contributions come from the series that drives the channel (its
	// units when it has them); ROI divides by spend, unknown without any.
	spend := p.m.drive(c)
	if total == 0 {
		total = math.NaN()
	}
	_, sums := p.history()
	c0, c1 := slices.Clone(sums[c]), make([]float64, nd)
	up := make([]float64, len(spend))
	for t, v := range spend {
		up[t] = 1.01 * v
	}
	p.ContributionDraws(c1, c, up)
	out := ChannelDraws{Contribution: c0, ROI: make([]float64, nd), MROI: c1}
	for d := range c0 {
		out.ROI[d] = c0[d] / total
		out.MROI[d] = (c1[d] - c0[d]) / (0.01 * total)
	}
	return out
}

// DrawNames returns the name of every parameter ParamDraws can return:
// "intercept", the model's coordinates (ParamNames) and each channel's
// component parameters on their natural scale where a coordinate is not
// already one (alpha[tv] beside logit coordinates, for instance).
func (p *Posterior) DrawNames() []string {
	names := append([]string{"intercept"}, p.m.names...)
	for c := range p.m.ch {
		ch := &p.m.ch[c]
		for _, params := range [][]Param{ch.spec.Adstock.Params(), ch.spec.Saturation.Params()} {
			for _, par := range params {
				if n := par.Name + "[" + ch.name + "]"; !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		}
	}
	return names
}

// DrawIndex returns, for each pooled draw, its chain and its index within
// the chain (both from 0).
func (p *Posterior) DrawIndex() (chain, draw []int) {
	for k, c := range p.res.Chains {
		for d := range c.Draws {
			chain, draw = append(chain, k), append(draw, d)
		}
	}
	return chain, draw
}
