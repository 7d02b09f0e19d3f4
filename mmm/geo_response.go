package mmm

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// geoResponseDraws caps the draws a geo SpendResponse evaluates: each
// evaluation sums over geos × periods, and the budget optimiser makes
// hundreds, so all 4000 draws of a 40-geo fit would cost tens of seconds
// and more than a gigabyte of prepared terms. Evenly spaced draws keep the
// chains' mix.
const geoResponseDraws = 500

// geoResponse is SpendResponse for a geo posterior: scaling a channel's
// total spend by k scales its spend by k in every geo and period.
type geoResponse struct {
	p     *GeoPosterior
	draws []int
	once  []sync.Once
	pre   [][][][]float64 // [channel][draw][geo][t]
}

// SpendResponse returns the response of every channel's national
// contribution to its national total spend, flighting kept in every geo.
// It uses at most 500 evenly spaced draws. It is safe for concurrent use.
func (p *GeoPosterior) SpendResponse() *SpendResponse {
	m := p.m
	nd := p.Draws()
	k := min(nd, geoResponseDraws)
	gr := &geoResponse{p: p, once: make([]sync.Once, len(m.ch)), pre: make([][][][]float64, len(m.ch))}
	for i := range k {
		gr.draws = append(gr.draws, i*nd/k)
	}
	r := &SpendResponse{geo: gr, totals: make([]float64, len(m.ch))}
	for c := range m.ch {
		for g := range m.G {
			for _, v := range m.data.Spend[c][g] {
				r.totals[c] += v
			}
		}
	}
	return r
}

// each calls fn for every response draw index from a few goroutines.
func (r *geoResponse) each(fn func(i int, a []float64)) {
	n := len(r.draws)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := make([]float64, r.p.m.n)
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i, a)
			}
		}()
	}
	wg.Wait()
}

func (r *geoResponse) prepare(c int) {
	r.once[c].Do(func() {
		p, m := r.p, r.p.m
		sat := scaledCurve(m.ch[c].spec.Saturation)
		out := make([][][]float64, len(r.draws))
		r.each(func(i int, a []float64) {
			d := r.draws[i]
			out[i] = make([][]float64, m.G)
			for g := range m.G {
				Convolve(a, m.ch[c].x[g], p.ch[c].w[d])
				m.ch[c].addCarry(g, a, p.ch[c].w[d])
				out[i][g] = sat.PrepareScaled(make([]float64, 0, len(a)), a, p.ch[c].sat[d])
			}
		})
		r.pre[c] = out
	})
}

// contribution writes channel c's national contribution at k times its
// spend into dst, per response draw. Each value is a sum over geos in geo
// order, so it does not depend on the number of goroutines.
func (r *geoResponse) contribution(dst []float64, c int, k float64) {
	if !(k > 0) {
		for i := range r.draws {
			dst[i] = 0
		}
		return
	}
	r.prepare(c)
	p := r.p
	sat := scaledCurve(p.m.ch[c].spec.Saturation)
	pc := &p.ch[c]
	r.each(func(i int, _ []float64) {
		d := r.draws[i]
		v := 0.0
		for g, pre := range r.pre[c][i] {
			v += pc.beta[d][g] * sat.SumScaled(pre, k, pc.sat[d])
		}
		dst[i] = v
	})
}
