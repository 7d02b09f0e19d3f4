package mmm

import (
	"fmt"
	"math"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// Posterior holds the draws of a fitted model and computes summaries in
// original KPI units. It is safe for concurrent use.
type Posterior struct {
	m    *Model
	res  *sampler.Result
	x    [][]float64 // pooled unconstrained draws [draw][dim]
	ch   []postChannel
	diag sampler.Diagnostics
	memo memo
}

// postChannel holds one channel's decoded parameters per draw.
type postChannel struct {
	w    [][]float64 // adstock weights
	ad   [][]float64 // adstock parameters, natural scale
	sat  [][]float64 // saturation parameters, natural scale
	beta []float64   // KPI units per unit of saturation
	roi  []float64
}

// Interval is a posterior mean with a central credible interval.
type Interval = stat.Interval

func newPosterior(m *Model, res *sampler.Result, maxDepth int) (*Posterior, error) {
	p := &Posterior{m: m, res: res}
	for _, c := range res.Chains {
		p.x = append(p.x, c.Draws...)
	}
	if len(p.x) == 0 {
		return nil, fmt.Errorf("mmm: the sampler returned no draws")
	}
	p.decode()
	p.diag = sampler.Diagnose(res, maxDepth)
	p.diag.Warnings = nameWarnings(p.diag.Warnings, m.names)
	return p, nil
}

var paramRef = regexp.MustCompile(`for parameter (\d+)`)

// nameWarnings replaces coordinate numbers in the sampler's warnings by
// parameter names.
func nameWarnings(ws, names []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = paramRef.ReplaceAllStringFunc(w, func(s string) string {
			k, err := strconv.Atoi(paramRef.FindStringSubmatch(s)[1])
			if err != nil || k < 0 || k >= len(names) {
				return s
			}
			return "for " + names[k]
		})
	}
	return out
}

// Model returns the fitted model.
func (p *Posterior) Model() *Model { return p.m }

// Result returns the sampler output with draws in the model's
// unconstrained coordinates (Model.ParamNames). StepSize and InvMetric
// refer to the whitened coordinates NUTS actually ran in.
func (p *Posterior) Result() *sampler.Result { return p.res }

// Method returns "nuts" or "laplace".
func (p *Posterior) Method() string { return p.res.Method }

// Draws returns the number of draws, all chains pooled.
func (p *Posterior) Draws() int { return len(p.x) }

// Chains returns the number of chains.
func (p *Posterior) Chains() int { return len(p.res.Chains) }

// Diagnostics returns the convergence diagnostics; warnings name the
// parameters.
func (p *Posterior) Diagnostics() sampler.Diagnostics { return p.diag }

// ParamDraws returns the draws of the parameter called name, on its
// natural scale, or nil if there is none. Names are those of
// Model.ParamNames and the components' Params: roi, sigma and every
// component parameter (alpha, theta, shape, scale, k, slope, lambda, …)
// are returned on their natural scale, other coordinates (level, trend,
// hill_c, the logit of the Hill saturation at the channel's mean spend) as
// they are; "intercept" is the baseline level.
func (p *Posterior) ParamDraws(name string) []float64 {
	m := p.m
	out := make([]float64, len(p.x))
	if name == "intercept" {
		for d, x := range p.x {
			v := x[0]
			for c := range m.ch {
				v -= math.Exp(x[m.ch[c].iROI]) * m.ch[c].level
			}
			out[d] = v
		}
		return out
	}
	for c := range m.ch {
		ch, pc := &m.ch[c], &p.ch[c]
		if name == "roi["+ch.name+"]" {
			copy(out, pc.roi)
			return out
		}
		for _, block := range []struct {
			params []Param
			vals   [][]float64
		}{{ch.spec.Adstock.Params(), pc.ad}, {ch.spec.Saturation.Params(), pc.sat}} {
			for k, par := range block.params {
				if name == par.Name+"["+ch.name+"]" {
					for d, v := range block.vals {
						out[d] = v[k]
					}
					return out
				}
			}
		}
	}
	i := slices.Index(m.names, name)
	if i < 0 {
		return nil
	}
	for d, x := range p.x {
		out[d] = x[i]
	}
	if i == m.iSigma {
		for d := range out {
			out[d] = math.Exp(out[d])
		}
	}
	return out
}

// AdstockWeights returns channel c's normalised carryover weights, lag 0
// first, with intervals at level.
func (p *Posterior) AdstockWeights(c int, level float64) []Interval {
	if c < 0 || c >= len(p.ch) {
		return nil
	}
	return weightIntervals(p.ch[c].w, level)
}

// weightIntervals summarises lag weights per draw ([draw][lag]) per lag.
func weightIntervals(w [][]float64, level float64) []Interval {
	out := make([]Interval, len(w[0]))
	col := make([]float64, len(w))
	for l := range out {
		for d, wd := range w {
			col[d] = wd[l]
		}
		out[l] = stat.Summarize(col, level)
	}
	return out
}

// evaluator computes a channel's media series for one draw.
type evaluator struct {
	a, buf []float64
}

// media writes channel c's KPI contribution per period under draw d for
// the scaled spend xs into dst, and returns its sum.
func (p *Posterior) media(ev *evaluator, dst []float64, c, d int, xs []float64) float64 {
	if cap(ev.a) < len(xs) {
		ev.a, ev.buf = make([]float64, len(xs)), make([]float64, len(xs))
	}
	a := ev.a[:len(xs)]
	pc := &p.ch[c]
	p.m.ch[c].effect(a, ev.buf[:len(xs)], xs, pc.w[d], pc.sat[d])
	beta := pc.beta[d]
	sum := 0.0
	for t, v := range a {
		y := beta * v
		sum += y
		if dst != nil {
			dst[t] = y
		}
	}
	return sum
}

// drawChunk is the number of draws a goroutine handles at a time. Chunks
// are fixed, whatever the number of goroutines, so sums accumulated per
// chunk and combined in chunk order are identical on every machine.
const drawChunk = 128

// parallelDraws calls fn for consecutive chunks of draws from a few
// goroutines and returns the number of chunks.
func (p *Posterior) parallelDraws(fn func(chunk, lo, hi int, ev *evaluator)) int {
	return parallelChunks(len(p.x), fn)
}

// parallelChunks calls fn for consecutive chunks of n draws from a few
// goroutines and returns the number of chunks.
func parallelChunks(n int, fn func(chunk, lo, hi int, ev *evaluator)) int {
	nc := (n + drawChunk - 1) / drawChunk
	w := min(runtime.GOMAXPROCS(0), nc)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ev := &evaluator{}
			for {
				k := int(next.Add(1)) - 1
				if k >= nc {
					return
				}
				fn(k, k*drawChunk, min(n, (k+1)*drawChunk), ev)
			}
		}()
	}
	wg.Wait()
	return nc
}

// scaled returns spend (original units) divided by channel c's scale.
func (p *Posterior) scaled(c int, spend []float64) []float64 {
	xs := make([]float64, len(spend))
	s := p.m.ch[c].scale
	for t, v := range spend {
		xs[t] = v / s
	}
	return xs
}

// ContributionDraws writes into dst (len Draws()) channel c's total KPI
// contribution, per draw, for the spend series spend (original units, one
// value per period from the panel's first period; spend before it is 0).
func (p *Posterior) ContributionDraws(dst []float64, c int, spend []float64) {
	xs := p.scaled(c, spend)
	p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
		for d := lo; d < hi; d++ {
			dst[d] = p.media(ev, nil, c, d, xs)
		}
	})
}
