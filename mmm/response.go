package mmm

import (
	"sync"
)

// SpendResponse gives each channel's contribution over the panel as a
// function of its total spend, with the historical flighting kept: period
// spend = total / historical total × historical period spend. It satisfies
// the budget optimiser's Response interface.
//
// Adstock is linear, so scaling the spend by k scales the adstocked series
// A by k: curves that implement ScaledSaturation (Hill, logistic) prepare
// a term per draw and period once, and an evaluation then costs a division
// or a tanh per draw and period. Other curves are evaluated at k·A.
type SpendResponse struct {
	p      *Posterior
	geo    *geoResponse // instead of p, for a geo posterior
	totals []float64
	once   []sync.Once
	pre    [][][]float64 // [channel][draw][t]: ScaledSaturation's terms, or A; periods with A = 0 dropped
}

// newSpendResponse builds the response that SpendResponse returns.
func (p *Posterior) newSpendResponse() *SpendResponse {
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
func (r *SpendResponse) Draws() int {
	if r.geo != nil {
		return len(r.geo.draws)
	}
	return r.p.Draws()
}

// Current returns channel c's historical total spend.
func (r *SpendResponse) Current(c int) float64 { return r.totals[c] }

// scaledCurve is the saturation of a channel as SpendResponse uses it:
// its own fast path, or Curve at k·A.
func scaledCurve(s Saturation) ScaledSaturation {
	if f, ok := s.(ScaledSaturation); ok {
		return f
	}
	return curveAtScale{s}
}

// curveAtScale evaluates Σ_t S(k·A_t) with Curve, for saturations without
// a fast path; it keeps the positive A_t.
type curveAtScale struct{ s Saturation }

func (c curveAtScale) PrepareScaled(dst, a, _ []float64) []float64 {
	for _, x := range a {
		if x > 0 {
			dst = append(dst, x)
		}
	}
	return dst
}

func (c curveAtScale) SumScaled(pre []float64, k float64, v []float64) float64 {
	ka := make([]float64, len(pre))
	for t, x := range pre {
		ka[t] = k * x
	}
	c.s.Curve(ka, ka, v)
	sum := 0.0
	for _, y := range ka {
		sum += y
	}
	return sum
}

func (r *SpendResponse) prepare(c int) {
	r.once[c].Do(func() {
		p, m := r.p, r.p.m
		xs := m.ch[c].x
		ch := &m.ch[c]
		sat := ch.response()
		out := make([][]float64, p.Draws())
		p.parallelDraws(func(_, lo, hi int, _ *evaluator) {
			a, buf := make([]float64, len(xs)), make([]float64, len(xs))
			pc := &p.ch[c]
			for d := lo; d < hi; d++ {
				if ch.rf {
					ch.effect(a, buf, xs, pc.w[d], pc.sat[d])
				} else {
					Convolve(a, xs, pc.w[d])
					if ch.pre != nil {
						addCarry(a, ch.pre, pc.w[d])
					}
				}
				out[d] = sat.PrepareScaled(make([]float64, 0, len(a)), a, pc.sat[d])
			}
		})
		r.pre[c] = out
	})
}

// Contribution writes channel c's contribution over the panel at total
// spend into dst (len Draws()), per draw.
func (r *SpendResponse) Contribution(dst []float64, c int, spend float64) {
	if r.geo != nil {
		r.geo.contribution(dst, c, spend/r.totals[c])
		return
	}
	r.prepare(c)
	p := r.p
	if !(spend > 0) {
		for d := range dst[:p.Draws()] {
			dst[d] = 0
		}
		return
	}
	k := spend / r.totals[c]
	sat := p.m.ch[c].response()
	pc := &p.ch[c]
	p.parallelDraws(func(_, lo, hi int, _ *evaluator) {
		for d := lo; d < hi; d++ {
			dst[d] = pc.beta[d] * sat.SumScaled(r.pre[c][d], k, pc.sat[d])
		}
	})
}
