package mmm

import (
	"fmt"
	"math"
	"sync"

	"github.com/triad-mmm/triad/civil"
)

// GeoBreakdown is the decomposition and fit of the national sum and of
// every geo, in KPI units.
type GeoBreakdown struct {
	National    Decomposition
	NationalFit FitMetrics
	Geos        []Decomposition // in the panel's geo order
	GeoFits     []FitMetrics
}

// Decomposition returns the national decomposition (the sum over geos).
func (p *GeoPosterior) Decomposition(level float64) Decomposition {
	return p.Breakdown(level).National
}

// Fit returns the national fit metrics (the sum over geos).
func (p *GeoPosterior) Fit(level float64) FitMetrics { return p.Breakdown(level).NationalFit }

// geoBreakdownCache keeps the last breakdown: the pipeline asks for the
// decomposition and the fit at the same level.
type geoBreakdownCache struct {
	mu    sync.Mutex
	level float64
	b     *GeoBreakdown
}

// Breakdown evaluates every draw in every geo once and returns the
// national and per-geo decompositions and fit metrics at level. Geos are
// processed one at a time, so memory is draws × periods, not × geos.
func (p *GeoPosterior) Breakdown(level float64) GeoBreakdown {
	p.bc.mu.Lock()
	defer p.bc.mu.Unlock()
	if p.bc.b != nil && p.bc.level == level {
		return *p.bc.b
	}
	m := p.m
	n, nd := m.n, p.Draws()
	nat := make([][]float64, nd)
	for d := range nat {
		nat[d] = make([]float64, n)
	}
	b := GeoBreakdown{}
	natDec := Decomposition{Dates: append([]civil.Date(nil), m.data.Dates...), Actual: make([]float64, n),
		Baseline: make([]float64, n), Controls: make([]float64, n), Channels: m.Channels(),
		Media: newRows(len(m.ch), n), Fitted: make([]Interval, n), HoldoutStart: -1}
	if m.nFit < n {
		natDec.HoldoutStart = m.nFit
	}
	for g := range m.G {
		dec, rows := p.geoParts(g)
		dec.Fitted = fittedIntervals(rows, level)
		for t := range n {
			natDec.Actual[t] += dec.Actual[t]
			natDec.Baseline[t] += dec.Baseline[t]
			natDec.Controls[t] += dec.Controls[t]
			for c := range m.ch {
				natDec.Media[c][t] += dec.Media[c][t]
			}
		}
		for d, row := range rows {
			for t, v := range row {
				nat[d][t] += v
			}
		}
		b.Geos = append(b.Geos, dec)
		b.GeoFits = append(b.GeoFits, fitMetrics(dec.Actual, rows, m.nFit, level))
	}
	natDec.Fitted = fittedIntervals(nat, level)
	b.National, b.NationalFit = natDec, fitMetrics(natDec.Actual, nat, m.nFit, level)
	p.bc.level, p.bc.b = level, &b
	return b
}

// geoParts returns geo g's decomposition (posterior means, no intervals)
// and its expected KPI per draw and period.
func (p *GeoPosterior) geoParts(g int) (Decomposition, [][]float64) {
	m := p.m
	n, nd := m.n, p.Draws()
	rows := make([][]float64, nd)
	nc := (nd + drawChunk - 1) / drawChunk
	type acc struct {
		base, ctrl []float64
		media      [][]float64
	}
	accs := make([]acc, nc)
	p.parallelDraws(func(k, lo, hi int, ev *evaluator) {
		a := acc{base: make([]float64, n), ctrl: make([]float64, n), media: newRows(len(m.ch), n)}
		buf := make([]float64, n)
		for d := lo; d < hi; d++ {
			x := p.x[d]
			icpt := x[0] + x[m.iTau+g]
			for c := range m.ch {
				icpt -= p.ch[c].roi[d] * m.ch[c].level
			}
			row := make([]float64, n)
			for t := range n {
				bv := icpt
				for i, col := range m.time.base {
					bv += x[1+i] * col[t]
				}
				if t < m.nShock {
					bv += x[m.iShock+t]
				}
				cv := 0.0
				for j, col := range m.ctrl {
					cv += x[m.iCtrl+j] * col[g*n+t]
				}
				kappa := m.kappaAt(g, t)
				a.base[t] += kappa * bv
				a.ctrl[t] += kappa * cv
				row[t] = kappa * (bv + cv)
			}
			for c := range m.ch {
				p.media(ev, buf, c, g, d, m.ch[c].x[g])
				for t, v := range buf {
					a.media[c][t] += v
					row[t] += v
				}
			}
			rows[d] = row
		}
		accs[k] = a
	})
	dec := Decomposition{Dates: m.data.Dates, Actual: append([]float64(nil), m.data.KPI[g]...),
		Baseline: make([]float64, n), Controls: make([]float64, n), Channels: m.Channels(),
		Media: newRows(len(m.ch), n), HoldoutStart: -1}
	if m.nFit < n {
		dec.HoldoutStart = m.nFit
	}
	for _, a := range accs {
		for t := range n {
			dec.Baseline[t] += a.base[t]
			dec.Controls[t] += a.ctrl[t]
			for c := range dec.Media {
				dec.Media[c][t] += a.media[c][t]
			}
		}
	}
	inv := 1 / float64(nd)
	for t := range n {
		dec.Baseline[t] *= inv
		dec.Controls[t] *= inv
		for c := range dec.Media {
			dec.Media[c][t] *= inv
		}
	}
	return dec, rows
}

// PeriodContributions returns channel c's national contribution (summed
// over geos) per draw and period, [draw][t] in KPI units.
func (p *GeoPosterior) PeriodContributions(c int) [][]float64 {
	m := p.m
	if c < 0 || c >= len(m.ch) {
		return nil
	}
	out := make([][]float64, p.Draws())
	p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
		buf := make([]float64, m.n)
		for d := lo; d < hi; d++ {
			row := make([]float64, m.n)
			for g := range m.G {
				p.media(ev, buf, c, g, d, m.ch[c].x[g])
				for t, v := range buf {
					row[t] += v
				}
			}
			out[d] = row
		}
	})
	return out
}

// AdstockWeights returns channel c's carryover weights (shared by every
// geo), lag 0 first, with intervals at level.
func (p *GeoPosterior) AdstockWeights(c int, level float64) []Interval {
	if c < 0 || c >= len(p.ch) {
		return nil
	}
	return weightIntervals(p.ch[c].w, level)
}

// LiftDraws returns, per draw, the lift the model predicts for a national
// test obs: the counterfactual in every geo, times obs.Scope.
func (p *GeoPosterior) LiftDraws(obs LiftObs) []float64 {
	return p.GeoLiftDraws(GeoLiftObs{LiftObs: obs})
}

// GeoLiftDraws returns, per draw, the lift the model predicts for obs on
// its treated geos, by the formula of its likelihood term (KPI units), or
// nil if obs does not fit the panel.
func (p *GeoPosterior) GeoLiftDraws(obs GeoLiftObs) []float64 {
	m := p.m
	lt, err := m.newGeoLiftTerm(0, obs)
	if err != nil {
		return nil
	}
	c, end := obs.Channel, obs.Start+len(obs.Measure)
	out := make([]float64, p.Draws())
	p.parallelDraws(func(_, lo0, hi0 int, ev *evaluator) {
		sh, sl, mod := make([]float64, end), make([]float64, end), make([]float64, end)
		for d := lo0; d < hi0; d++ {
			v := 0.0
			for _, g := range lt.geos {
				xs := m.ch[c].x[g][:end]
				for t := range mod {
					mod[t] = lt.xmod(xs, t)
				}
				hi, lo := xs, mod
				if obs.HeavyUp {
					hi, lo = mod, xs
				}
				p.media(ev, sh, c, g, d, hi)
				if obs.Contribution {
					clear(sl) // the channel's contribution: no effect in the counterfactual
				} else {
					p.media(ev, sl, c, g, d, lo)
				}
				for i, w := range obs.Measure {
					t := obs.Start + i
					v += w * (sh[t] - sl[t])
				}
			}
			out[d] = obs.Scope * v
		}
	})
	return out
}

// ParamDraws returns the draws of a named coordinate (Model.ParamNames),
// with roi, eta and sigma on their natural scale, or nil.
func (p *GeoPosterior) ParamDraws(name string) []float64 {
	m := p.m
	i := -1
	for k, nm := range m.names {
		if nm == name {
			i = k
		}
	}
	if i < 0 {
		return nil
	}
	natural := i == m.iSig
	for c := range m.ch {
		natural = natural || i == m.ch[c].iROI || i == m.ch[c].iEta
	}
	out := make([]float64, len(p.x))
	for d, x := range p.x {
		out[d] = x[i]
		if natural {
			out[d] = math.Exp(x[i])
		}
	}
	return out
}

// ControlEffectDraws writes into dst (len Draws()) control j's national
// effect over the panel against the level base, per draw, as
// Posterior.ControlEffectDraws: Σ_g Σ_t pop_g·ȳ·γ_j·(z_gjt − base)/sd_j.
func (p *GeoPosterior) ControlEffectDraws(dst []float64, j int, base float64) error {
	m := p.m
	if j < 0 || j >= len(m.data.ControlNames) {
		return fmt.Errorf("mmm: control index %d out of range (%d controls)", j, len(m.data.ControlNames))
	}
	dev := 0.0
	for g := range m.G {
		for t, v := range m.data.Controls[j][g] {
			dev += m.kappaAt(g, t) * (v - base)
		}
	}
	scale := dev / m.ctrlSD[j]
	for d, x := range p.x {
		dst[d] = scale * x[m.iCtrl+j]
	}
	return nil
}
