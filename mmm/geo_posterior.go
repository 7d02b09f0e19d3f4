package mmm

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/triad-mmm/triad/sampler"
)

// GeoFit samples the posterior of the geo model m, as Fit does for a
// national model: NUTS in coordinates whitened at the posterior mode, or
// the Laplace approximation.
func GeoFit(ctx context.Context, m *GeoModel, cfg FitConfig) (*GeoPosterior, error) {
	res, err := sample(ctx, m, cfg)
	if err != nil {
		return nil, err
	}
	return newGeoPosterior(m, res, cfg.Sampler.MaxTreeDepth)
}

// GeoPosterior holds the draws of a fitted geo model and computes
// summaries in original KPI units, nationally and per geo. It is safe for
// concurrent use.
type GeoPosterior struct {
	m    *GeoModel
	res  *sampler.Result
	x    [][]float64
	ch   []geoPostChannel
	diag sampler.Diagnostics

	once    sync.Once
	contrib [][][]float64 // [c][g][d] contribution over the panel at the panel's spend
	contUp  [][][]float64 // the same at 1.01 × spend
	bc      geoBreakdownCache
}

// geoPostChannel is one channel's decoded parameters per draw.
type geoPostChannel struct {
	w, ad, sat [][]float64
	roi, eta   []float64
	// beta[d][g] is geo g's KPI per unit of saturation: pop_g·ȳ·β_gc.
	beta [][]float64
}

func newGeoPosterior(m *GeoModel, res *sampler.Result, maxDepth int) (*GeoPosterior, error) {
	p := &GeoPosterior{m: m, res: res}
	for _, c := range res.Chains {
		p.x = append(p.x, c.Draws...)
	}
	if len(p.x) == 0 {
		return nil, fmt.Errorf("mmm: the sampler returned no draws")
	}
	nd := len(p.x)
	p.ch = make([]geoPostChannel, len(m.ch))
	for c := range m.ch {
		ch, pc := &m.ch[c], &p.ch[c]
		pc.w, pc.ad, pc.sat, pc.beta = make([][]float64, nd), make([][]float64, nd), make([][]float64, nd), make([][]float64, nd)
		pc.roi, pc.eta = make([]float64, nd), make([]float64, nd)
		a := make([]float64, m.nFit)
		for d, x := range p.x {
			pc.w[d], pc.ad[d], pc.sat[d], pc.roi[d] = drawParams(ch.spec, &ch.coords, x)
			pc.eta[d] = math.Exp(x[ch.iEta])
			pc.beta[d] = make([]float64, m.G)
			q := 0.0
			for g := range m.G {
				Convolve(a, ch.x[g][:m.nFit], pc.w[d])
				ch.addCarry(g, a, pc.w[d])
				ch.spec.Saturation.Curve(a, a, pc.sat[d])
				sum := 0.0
				for _, v := range a {
					sum += v
				}
				e := math.Exp(pc.eta[d] * x[ch.iZ+g])
				pc.beta[d][g] = e
				q += m.pop[g] * e * sum
			}
			// KPI units: pop_g·ȳ·b·e_g with b = ROI·spend/(ȳ·q).
			for g := range m.G {
				pc.beta[d][g] *= m.pop[g] * pc.roi[d] * ch.spendFit / q
			}
		}
	}
	p.diag = sampler.Diagnose(res, maxDepth)
	p.diag.Warnings = nameWarnings(p.diag.Warnings, m.names)
	return p, nil
}

// Model returns the fitted model.
func (p *GeoPosterior) Model() *GeoModel { return p.m }

// Result returns the sampler output in the model's coordinates.
func (p *GeoPosterior) Result() *sampler.Result { return p.res }

// Method returns "nuts" or "laplace".
func (p *GeoPosterior) Method() string { return p.res.Method }

// Draws returns the number of draws, all chains pooled.
func (p *GeoPosterior) Draws() int { return len(p.x) }

// Chains returns the number of chains.
func (p *GeoPosterior) Chains() int { return len(p.res.Chains) }

// Diagnostics returns the convergence diagnostics; warnings name the
// parameters.
func (p *GeoPosterior) Diagnostics() sampler.Diagnostics { return p.diag }

// media writes channel c's KPI contribution in geo g under draw d for the
// scaled per-capita spend xs into dst (when not nil) and returns its sum.
func (p *GeoPosterior) media(ev *evaluator, dst []float64, c, g, d int, xs []float64) float64 {
	if cap(ev.a) < len(xs) {
		ev.a = make([]float64, len(xs))
	}
	a := ev.a[:len(xs)]
	pc := &p.ch[c]
	Convolve(a, xs, pc.w[d])
	p.m.ch[c].addCarry(g, a, pc.w[d]) // xs starts at the first period
	p.m.ch[c].spec.Saturation.Curve(a, a, pc.sat[d])
	beta := pc.beta[d][g]
	sum := 0.0
	for t, v := range a {
		y := beta * v
		if p.m.popRel != nil {
			y *= p.m.popRel[g][t]
		}
		sum += y
		if dst != nil {
			dst[t] = y
		}
	}
	return sum
}

// parallelDraws calls fn for fixed chunks of draws from a few goroutines.
func (p *GeoPosterior) parallelDraws(fn func(chunk, lo, hi int, ev *evaluator)) int {
	return parallelChunks(len(p.x), fn)
}

// contributions computes, once, every channel's contribution per geo and
// draw over the whole panel at the panel's spend and at 1% more.
func (p *GeoPosterior) contributions() {
	p.once.Do(func() {
		m := p.m
		nd := p.Draws()
		p.contrib, p.contUp = make([][][]float64, len(m.ch)), make([][][]float64, len(m.ch))
		for c := range m.ch {
			p.contrib[c], p.contUp[c] = make([][]float64, m.G), make([][]float64, m.G)
			for g := range m.G {
				c0, c1 := make([]float64, nd), make([]float64, nd)
				xs := m.ch[c].x[g]
				up := make([]float64, len(xs))
				for t, v := range xs {
					up[t] = 1.01 * v
				}
				p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
					for d := lo; d < hi; d++ {
						c0[d] = p.media(ev, nil, c, g, d, xs)
						c1[d] = p.media(ev, nil, c, g, d, up)
					}
				})
				p.contrib[c][g], p.contUp[c][g] = c0, c1
			}
		}
	})
}
