package mmm

import (
	"math"
	"slices"

	"github.com/triad-mmm/triad/civil"
)

// Decomposition splits the expected KPI of every period into its parts, in
// KPI units; parts are posterior means.
type Decomposition struct {
	Dates    []civil.Date
	Actual   []float64
	Baseline []float64 // intercept + trend + seasonality
	Controls []float64 // all controls together
	Channels []string
	Media    [][]float64 // [channel][t]
	Fitted   []Interval  // expected KPI
	// HoldoutStart is the index of the first period kept out of the fit,
	// or −1 without a holdout.
	HoldoutStart int
}

// drawParts holds per-draw sums used by Decomposition and Fit.
type drawParts struct {
	baseline, controls []float64   // Σ over draws, per period
	media              [][]float64 // Σ over draws, [channel][t]
	mu                 [][]float64 // per draw, per period
}

// parts evaluates every draw over the panel. Per-chunk sums are combined in
// chunk order so the result does not depend on the number of goroutines.
func (p *Posterior) parts() drawParts {
	m := p.m
	n, nd := m.n, p.Draws()
	nc := (nd + drawChunk - 1) / drawChunk
	type acc struct {
		base, ctrl []float64
		media      [][]float64
	}
	accs := make([]acc, nc)
	mu := make([][]float64, nd)
	hist, _ := p.history()
	p.parallelDraws(func(k, lo, hi int, _ *evaluator) {
		a := acc{base: make([]float64, n), ctrl: make([]float64, n), media: make([][]float64, len(m.ch))}
		for c := range a.media {
			a.media[c] = make([]float64, n)
		}
		for d := lo; d < hi; d++ {
			x := p.x[d]
			icpt := x[0]
			for c := range m.ch {
				icpt -= math.Exp(x[m.ch[c].iROI]) * m.ch[c].level
			}
			row := make([]float64, n)
			for t := range row {
				b := icpt
				g := 0.0
				for i, col := range m.base {
					if m.baseKind[i] == baseControl {
						g += x[1+i] * col[t]
					} else {
						b += x[1+i] * col[t]
					}
				}
				b *= m.yBar
				g *= m.yBar
				a.base[t] += b
				a.ctrl[t] += g
				row[t] = b + g
			}
			for c := range m.ch {
				for t, v := range hist[c][d] {
					a.media[c][t] += v
					row[t] += v
				}
			}
			mu[d] = row
		}
		accs[k] = a
	})
	out := drawParts{baseline: make([]float64, n), controls: make([]float64, n), media: make([][]float64, len(m.ch)), mu: mu}
	for c := range out.media {
		out.media[c] = make([]float64, n)
	}
	for _, a := range accs {
		for t := range n {
			out.baseline[t] += a.base[t]
			out.controls[t] += a.ctrl[t]
			for c := range out.media {
				out.media[c][t] += a.media[c][t]
			}
		}
	}
	inv := 1 / float64(nd)
	for t := range n {
		out.baseline[t] *= inv
		out.controls[t] *= inv
		for c := range out.media {
			out.media[c][t] *= inv
		}
	}
	return out
}

// Decomposition returns the per-period decomposition with the expected KPI's
// interval at level.
func (p *Posterior) Decomposition(level float64) Decomposition {
	m := p.m
	pt := p.drawParts()
	dec := Decomposition{
		Dates: append([]civil.Date(nil), m.data.Dates...), Actual: append([]float64(nil), m.data.KPI...),
		Baseline: slices.Clone(pt.baseline), Controls: slices.Clone(pt.controls), Channels: m.Channels(), Media: clone2(pt.media),
		Fitted: make([]Interval, m.n), HoldoutStart: -1,
	}
	if m.nFit < m.n {
		dec.HoldoutStart = m.nFit
	}
	dec.Fitted = fittedIntervals(pt.mu, level)
	return dec
}
