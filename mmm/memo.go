package mmm

import (
	"math"
	"sync"
)

// memo holds what a Posterior computes once for several summaries: a run
// asks for each channel's contributions at its historical spend in the ROI
// summary, the posterior table, reconciliation, the decomposition, the fit
// metrics (twice) and every lift test, and each used to evaluate every draw
// again. Each entry is exactly what the summaries computed before, so
// sharing it changes no result. decode fills the history; the rest is
// computed on first use.
type memo struct {
	// hist[c][d][t] is channel c's contribution in period t under draw d
	// at its historical spend (what Posterior.media gives on the model's
	// scaled series); histSum[c][d] is its sum over t, in period order.
	hist    [][][]float64
	histSum [][]float64

	partsOnce sync.Once
	parts     drawParts

	drawsOnce sync.Once
	draws     []ChannelDraws

	respOnce sync.Once
	resp     *SpendResponse
}

// history returns every channel's contributions per draw and period at its
// historical spend, and their sums per draw (decode computes them). Callers
// must not modify them.
func (p *Posterior) history() ([][][]float64, [][]float64) {
	return p.memo.hist, p.memo.histSum
}

// drawParts returns the per-draw parts of the expected KPI (computed once).
// Callers must not modify them.
func (p *Posterior) drawParts() drawParts {
	p.memo.partsOnce.Do(func() { p.memo.parts = p.parts() })
	return p.memo.parts
}

// channelDraws returns every channel's ChannelDraws (computed once).
// Callers must not modify them.
func (p *Posterior) channelDraws() []ChannelDraws {
	p.memo.drawsOnce.Do(func() {
		out := make([]ChannelDraws, len(p.m.ch))
		for c := range out {
			out[c] = p.computeChannelDraws(c)
		}
		p.memo.draws = out
	})
	return p.memo.draws
}

// SpendResponse returns the response of every channel to its total spend;
// every call returns the same one, whose prepared terms the budget plan
// and the report's curves share. It is safe for concurrent use.
func (p *Posterior) SpendResponse() *SpendResponse {
	p.memo.respOnce.Do(func() { p.memo.resp = p.newSpendResponse() })
	return p.memo.resp
}

// clone2 returns a copy of rows ([i][j]) in one allocation.
func clone2(rows [][]float64) [][]float64 {
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	buf := make([]float64, 0, n)
	out := make([][]float64, len(rows))
	for i, r := range rows {
		buf = append(buf, r...)
		out[i] = buf[len(buf)-len(r) : len(buf) : len(buf)]
	}
	return out
}

// decode fills p.ch, each draw's parameters per channel, and the memo's
// history with them. β is ROI·spend over the sum of the saturated adstock
// in the fitted periods (Model.beta), and a period's contribution is β
// times that period's saturated adstock (channel.effect): one evaluation
// over the whole panel gives both. Adstock looks back only and saturation
// is per period, so the fitted periods' values, summed in order, are
// exactly Model.beta's.
func (p *Posterior) decode() {
	m := p.m
	nd, n := len(p.x), m.n
	p.ch = make([]postChannel, len(m.ch))
	hist, sums := newHistory(len(m.ch), nd, n)
	for c := range m.ch {
		pc := &p.ch[c]
		pc.w, pc.ad, pc.sat = make([][]float64, nd), make([][]float64, nd), make([][]float64, nd)
		pc.beta, pc.roi = make([]float64, nd), make([]float64, nd)
	}
	p.parallelDraws(func(_, lo, hi int, _ *evaluator) {
		buf := make([]float64, n)
		for d := lo; d < hi; d++ {
			x := p.x[d]
			for c := range m.ch {
				ch, pc := &m.ch[c], &p.ch[c]
				pc.w[d], pc.ad[d], pc.sat[d], pc.roi[d] = drawParams(ch.spec, &ch.coords, x)
				a := hist[c][d]
				ch.effect(a, buf, ch.x, pc.w[d], pc.sat[d])
				s := 0.0
				for _, v := range a[:m.nFit] {
					s += v
				}
				beta := pc.roi[d] * ch.spendFit / s
				pc.beta[d] = beta
				sum := 0.0
				for t, v := range a {
					a[t] = beta * v
					sum += a[t]
				}
				sums[c][d] = sum
			}
		}
	})
	p.memo.hist, p.memo.histSum = hist, sums
}

// drawParams decodes a channel's block of draw x: its lag weights, its
// adstock and saturation parameters on their natural scale and its ROI
// (for the national and the geo posterior).
func drawParams(spec ChannelSpec, co *coords, x []float64) (w, ad, sat []float64, roi float64) {
	w = make([]float64, spec.MaxLag+1)
	spec.Adstock.Weights(w, co.adU(x))
	ad = make([]float64, co.nAd)
	spec.Adstock.Constrain(ad, co.adU(x), spec.MaxLag)
	sat = make([]float64, co.nSat)
	spec.Saturation.Constrain(sat, co.satU(x))
	return w, ad, sat, math.Exp(x[co.iROI])
}

// newHistory allocates hist[c][d][t] (one block per channel) and sums[c][d].
func newHistory(channels, draws, n int) ([][][]float64, [][]float64) {
	hist, sums := make([][][]float64, channels), make([][]float64, channels)
	for c := range hist {
		buf := make([]float64, draws*n)
		hist[c], sums[c] = make([][]float64, draws), make([]float64, draws)
		for d := range hist[c] {
			hist[c][d] = buf[d*n : (d+1)*n : (d+1)*n]
		}
	}
	return hist, sums
}
