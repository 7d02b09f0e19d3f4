package mmm

import (
	"math"
	"sync"
)

// SpendResponse gives each channel's contribution over the panel as a
// function of its total spend, with the historical flighting kept: period
// spend = total / historical total × historical period spend. It satisfies
// the budget optimiser's Response interface.
//
// Adstock is linear, so scaling the spend by k scales the adstocked series
// A by k, and Hill's S = 1/(1 + (K/(k·A))^s) = 1/(1 + q·k^(−s)) with
// q = (K/A)^s computed once per draw and period: an evaluation then costs a
// division per draw and period (logistic curves a tanh).
type SpendResponse struct {
	p      *Posterior
	totals []float64
	once   []sync.Once
	pre    [][][]float64 // [channel][draw][t]: Hill (K/A)^s, logistic λ·A/2; periods with A = 0 dropped
}

// SpendResponse returns the response of every channel to its total spend.
// It is safe for concurrent use.
func (p *Posterior) SpendResponse() *SpendResponse {
	m := p.m
	r := &SpendResponse{p: p, totals: make([]float64, len(m.ch)), once: make([]sync.Once, len(m.ch)), pre: make([][][]float64, len(m.ch))}
	for c := range m.ch {
		for _, v := range m.data.Spend[c] {
			r.totals[c] += v
		}
	}
	return r
}

// Channels returns the number of channels.
func (r *SpendResponse) Channels() int { return len(r.totals) }

// Draws returns the number of posterior draws.
func (r *SpendResponse) Draws() int { return r.p.Draws() }

// Current returns channel c's historical total spend.
func (r *SpendResponse) Current(c int) float64 { return r.totals[c] }

func (r *SpendResponse) prepare(c int) {
	r.once[c].Do(func() {
		p, m := r.p, r.p.m
		xs := m.ch[c].x
		hill := m.ch[c].spec.Saturation == HillSaturation
		out := make([][]float64, p.Draws())
		p.parallelDraws(func(_, lo, hi int, _ *evaluator) {
			a := make([]float64, len(xs))
			pc := &p.ch[c]
			for d := lo; d < hi; d++ {
				Adstock(a, xs, pc.w[d])
				row := make([]float64, 0, len(a))
				for _, v := range a {
					if v <= 0 {
						continue
					}
					if hill {
						row = append(row, math.Exp(-pc.p2[d]*(math.Log(v)-math.Log(pc.p1[d]))))
					} else {
						row = append(row, pc.p1[d]*v/2)
					}
				}
				out[d] = row
			}
		})
		r.pre[c] = out
	})
}

// Contribution writes channel c's contribution over the panel at total
// spend into dst (len Draws()), per draw.
func (r *SpendResponse) Contribution(dst []float64, c int, spend float64) {
	r.prepare(c)
	p := r.p
	if !(spend > 0) {
		for d := range dst[:p.Draws()] {
			dst[d] = 0
		}
		return
	}
	k := spend / r.totals[c]
	hill := p.m.ch[c].spec.Saturation == HillSaturation
	pc := &p.ch[c]
	p.parallelDraws(func(_, lo, hi int, _ *evaluator) {
		for d := lo; d < hi; d++ {
			sum := 0.0
			if hill {
				f := math.Exp(-pc.p2[d] * math.Log(k))
				for _, q := range r.pre[c][d] {
					sum += 1 / (1 + q*f)
				}
			} else {
				for _, h := range r.pre[c][d] {
					sum += math.Tanh(k * h)
				}
			}
			dst[d] = pc.beta[d] * sum
		}
	})
}
