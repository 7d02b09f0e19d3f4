package mmm

import "sync"

// memo holds what a Posterior computes once for several summaries: a run
// asks for each channel's contributions at its historical spend in the ROI
// summary, the posterior table, reconciliation, the decomposition, the fit
// metrics (twice) and every lift test, and each used to evaluate every draw
// again. Each entry is exactly what the summaries computed before, so
// sharing it changes no result. Its zero value is ready to use.
type memo struct {
	histOnce sync.Once
	// hist[c][d][t] is channel c's contribution in period t under draw d
	// at its historical spend (Posterior.media on the model's scaled
	// series); histSum[c][d] is its sum over t, in period order.
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
// historical spend, and their sums per draw. Callers must not modify them.
func (p *Posterior) history() ([][][]float64, [][]float64) {
	p.memo.histOnce.Do(func() {
		m := p.m
		nd, n := p.Draws(), m.n
		hist, sums := make([][][]float64, len(m.ch)), make([][]float64, len(m.ch))
		for c := range m.ch {
			buf := make([]float64, nd*n)
			hist[c], sums[c] = make([][]float64, nd), make([]float64, nd)
			for d := range hist[c] {
				hist[c][d] = buf[d*n : (d+1)*n : (d+1)*n]
			}
		}
		p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
			for d := lo; d < hi; d++ {
				for c := range m.ch {
					sums[c][d] = p.media(ev, hist[c][d], c, d, m.ch[c].x)
				}
			}
		})
		p.memo.hist, p.memo.histSum = hist, sums
	})
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
