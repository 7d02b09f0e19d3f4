package mmm

import (
	"math"

	"github.com/triad-mmm/triad/internal/vmath"
	"gonum.org/v1/gonum/floats"
)

// geoScratch holds the buffers of one evaluation of the geo log density.
// Geo-period arrays are flat: [g·nFit + t] for μ and r, [g·need + t] for a
// channel's series.
type geoScratch struct {
	mu, r []float64
	rt    []float64 // Σ_g r_gt per fitted period
	rg    []float64 // Σ_t r_gt per geo
	ch    []geoChanScratch
	lift  []geoLiftScratch
}

type geoChanScratch struct {
	roi, eta, b, q, ptot float64
	e, dsum, E           []float64 // per geo: exp(η·z_g), Σ_t S_gt (fitted), dLL/de_g direct
	w, gw                []float64
	a, s, dsda, gs       []float64
	d                    [][]float64
	gsat                 []float64
}

func (m *GeoModel) newScratch() *geoScratch {
	G, nf := m.G, m.nFit
	s := &geoScratch{mu: make([]float64, G*nf), r: make([]float64, G*nf), rt: make([]float64, nf), rg: make([]float64, G)}
	s.ch = make([]geoChanScratch, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		L, n := ch.spec.MaxLag+1, G*ch.need
		s.ch[c] = geoChanScratch{
			e: make([]float64, G), dsum: make([]float64, G), E: make([]float64, G),
			w: make([]float64, L), gw: make([]float64, L),
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n), gs: make([]float64, n),
			d: newRows(ch.nSat, n), gsat: make([]float64, ch.nSat),
		}
	}
	s.lift = make([]geoLiftScratch, len(m.lifts))
	for k := range m.lifts {
		lt := &m.lifts[k]
		n := len(lt.geos) * len(lt.Measure)
		ns := m.ch[lt.Channel].nSat
		s.lift[k] = geoLiftScratch{
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n), gs: make([]float64, n),
			d: newRows(ns, n), gsat: make([]float64, ns), dg: make([]float64, len(lt.geos)),
		}
	}
	return s
}

// media adds channel c's terms to μ and keeps what the backward pass
// needs. β_gc = b·e_g with b = ROI·spend/(ȳ·Σ_g pop_g·e_g·Σ_t S_gt)
// (Meridian's solve, so that the channel's national contribution over the
// fitted periods is ROI times its spend). It returns false where the
// saturation sums to zero or overflows.
func (m *GeoModel) media(cs *geoChanScratch, ch *geoChannel, mu, x []float64) bool {
	cs.roi, cs.eta = math.Exp(x[ch.iROI]), math.Exp(x[ch.iEta])
	ch.spec.Adstock.Weights(cs.w, ch.adU(x))
	st, nf := ch.need, m.nFit
	for g := range m.G {
		Convolve(cs.a[g*st:(g+1)*st], ch.x[g][:st], cs.w)
		ch.addCarry(g, cs.a[g*st:(g+1)*st], cs.w)
	}
	ch.spec.Saturation.Saturate(cs.s, cs.dsda, cs.d, ch.satU(x), cs.a)
	q := 0.0
	for g := range m.G {
		sum := vmath.Sum(cs.s[g*st : g*st+nf])
		cs.dsum[g] = sum
		cs.e[g] = math.Exp(cs.eta * x[ch.iZ+g])
		q += m.pop[g] * cs.e[g] * sum
	}
	if !(q > 0) || math.IsInf(q, 0) {
		return false
	}
	cs.q = q
	cs.b = cs.roi * ch.spendFit / (m.yBar * q)
	off := cs.roi * ch.level
	for g := range m.G {
		vmath.AddScaledShift(mu[g*nf:(g+1)*nf], cs.b*cs.e[g], cs.s[g*st:g*st+nf], off)
	}
	return true
}

// forward writes μ for every fitted geo-period into sc.mu.
func (m *GeoModel) forward(sc *geoScratch, x []float64) bool {
	nf, n := m.nFit, m.n
	mu := sc.mu
	for g := range m.G {
		row := mu[g*nf : (g+1)*nf]
		v := x[0] + x[m.iTau+g]
		for t := range row {
			row[t] = v
		}
		for p, col := range m.time.base {
			vmath.AddScaledShift(row, x[1+p], col[:nf], 0)
		}
		if m.nShock > 0 {
			floats.Add(row, x[m.iShock:m.iShock+nf])
		}
		for j, col := range m.ctrl {
			vmath.AddScaledShift(row, x[m.iCtrl+j], col[g*n:g*n+nf], 0)
		}
	}
	for c := range m.ch {
		if !m.media(&sc.ch[c], &m.ch[c], mu, x) {
			return false
		}
	}
	return true
}

// likelihood writes dLL/dμ into sc.r, adds the noise gradient and returns
// the log likelihood. σ_g = σ·(pop_g/mean pop)^(−ρ).
func (m *GeoModel) likelihood(sc *geoScratch, grad, x []float64) float64 {
	nf := m.nFit
	lsig, rho := x[m.iSig], x[m.iRho]
	lp, gS, gR := 0.0, 0.0, 0.0
	for g := range m.G {
		ls := lsig - rho*m.logW[g]
		var dls float64
		lp, dls = addNoise(lp, sc.r[g*nf:(g+1)*nf], m.y[g][:nf], sc.mu[g*nf:(g+1)*nf], ls, m.spec.Likelihood, m.spec.StudentNu)
		gS += dls
		gR -= m.logW[g] * dls
	}
	grad[m.iSig] += gS
	grad[m.iRho] += gR
	return lp
}

func (m *GeoModel) logProbGrad(sc *geoScratch, grad, x []float64) float64 {
	for i := range grad {
		grad[i] = 0
	}
	if !m.forward(sc, x) {
		return math.Inf(-1)
	}
	lp := m.likelihood(sc, grad, x)
	nf, n := m.nFit, m.n

	// Baseline.
	rt, rg := sc.rt, sc.rg
	for t := range rt {
		rt[t] = 0
	}
	sr := 0.0
	for g := range m.G {
		row := sc.r[g*nf : (g+1)*nf]
		floats.Add(rt, row)
		rg[g] = vmath.Sum(row)
		sr += rg[g]
		grad[m.iTau+g] += rg[g]
		for j, col := range m.ctrl {
			grad[m.iCtrl+j] += vmath.Dot(row, col[g*n:g*n+nf])
		}
	}
	grad[0] += sr
	for p, col := range m.time.base {
		grad[1+p] += vmath.Dot(rt, col[:nf])
	}
	if m.nShock > 0 {
		floats.Add(grad[m.iShock:m.iShock+nf], rt)
	}

	for c := range m.ch {
		l, ok := m.mediaGrad(sc, c, grad, x, sr)
		if !ok {
			return math.Inf(-1)
		}
		lp += l
	}
	lp += m.logPrior(sc, grad, x)
	if math.IsNaN(lp) || math.IsInf(lp, 0) {
		return math.Inf(-1)
	}
	return lp
}

// mediaGrad runs channel c's backward pass, lift terms included, and
// returns their log likelihood.
func (m *GeoModel) mediaGrad(sc *geoScratch, c int, grad, x []float64, sr float64) (float64, bool) {
	ch, cs := &m.ch[c], &sc.ch[c]
	nf, st := m.nFit, ch.need
	p := 0.0
	for g := range m.G {
		rs := vmath.Dot(sc.r[g*nf:(g+1)*nf], cs.s[g*st:g*st+nf])
		cs.E[g] = cs.b * rs
		p += cs.b * cs.e[g] * rs
	}
	grad[ch.iROI] -= cs.roi * ch.level * sr
	cs.ptot = p
	for l := range cs.gw {
		cs.gw[l] = 0
	}
	for k := range cs.gsat {
		cs.gsat[k] = 0
	}
	// Direct dLL/dS; the coupling through q is added below, after the
	// lift terms have added theirs to ptot.
	for g := range m.G {
		gs := cs.gs[g*st : (g+1)*st]
		vmath.ScaleTo(gs[:nf], cs.b*cs.e[g], sc.r[g*nf:(g+1)*nf])
		clear(gs[nf:])
	}
	lp := 0.0
	for _, k := range ch.lifts {
		ls := &sc.lift[k]
		lp += m.liftGrad(&m.lifts[k], ls, ch, cs, x)
		for j, v := range ls.gsat {
			cs.gsat[j] += v
		}
	}
	if math.IsInf(lp, -1) || math.IsNaN(lp) {
		return lp, false
	}
	grad[ch.iROI] += cs.ptot
	pq := cs.ptot / cs.q
	gEta := 0.0
	for g := range m.G {
		de := cs.E[g] - pq*m.pop[g]*cs.dsum[g]
		z := x[ch.iZ+g]
		grad[ch.iZ+g] += de * cs.eta * cs.e[g]
		gEta += de * z * cs.e[g] * cs.eta
		vmath.AddConst(cs.gs[g*st:g*st+nf], -(pq * m.pop[g] * cs.e[g]))
	}
	grad[ch.iEta] += gEta

	geoBackSaturation(cs.gsat, cs.gs, cs.dsda, cs.d)
	for g := range m.G {
		gs, xs := cs.gs[g*st:(g+1)*st], ch.x[g]
		for l := range cs.gw {
			if l >= st {
				break
			}
			cs.gw[l] += vmath.Dot(gs[l:st], xs[:st-l])
		}
		ch.carryGrad(g, cs.gw, gs, 0)
	}
	ch.spec.Adstock.WeightsGrad(ch.adU(grad), ch.adU(x), cs.w, cs.gw)
	for j, g := range cs.gsat {
		grad[ch.iSat+j] += g
	}
	return lp, true
}

// logPrior adds the priors and Jacobians.
func (m *GeoModel) logPrior(sc *geoScratch, grad, x []float64) float64 {
	s := &m.spec
	lp := 0.0
	normal := func(i int, p Normal) {
		z := (x[i] - p.Mu) / p.Sigma
		lp -= 0.5 * z * z
		grad[i] -= z / p.Sigma
	}
	icpt := x[0]
	for c := range m.ch {
		icpt -= sc.ch[c].roi * m.ch[c].level
	}
	z := (icpt - s.Intercept.Mu) / s.Intercept.Sigma
	lp -= 0.5 * z * z
	dI := -z / s.Intercept.Sigma
	grad[0] += dI
	for c := range m.ch {
		grad[m.ch[c].iROI] -= dI * sc.ch[c].roi * m.ch[c].level
	}
	for p, k := range m.time.baseKind {
		switch k {
		case baseTrend:
			normal(1+p, s.TrendSlope)
		case baseFourier:
			normal(1+p, s.Fourier)
		default:
			normal(1+p, s.WeekdayEffect)
		}
	}
	for j := range m.ctrl {
		normal(m.iCtrl+j, s.Control)
	}
	for t := range m.nShock {
		normal(m.iShock+t, s.Shock)
	}
	for g := range m.G {
		normal(m.iTau+g, s.GeoIntercept)
	}
	for c := range m.ch {
		ch := &m.ch[c]
		v, d := ch.spec.ROI.onLog(x[ch.iROI])
		lp += v
		grad[ch.iROI] += d
		v, d = s.Eta.onLog(x[ch.iEta])
		lp += v
		grad[ch.iEta] += d
		for g := range m.G {
			normal(ch.iZ+g, Normal{Mu: 0, Sigma: 1})
		}
		lp = ch.spec.Adstock.LogPrior(ch.adU(grad), ch.adU(x), lp)
		lp = ch.spec.Saturation.LogPrior(ch.satU(grad), ch.satU(x), lp)
	}
	v, d := s.Sigma.onLog(x[m.iSig], math.Exp(x[m.iSig]))
	lp += v
	grad[m.iSig] += d
	normal(m.iRho, s.NoiseExponent)
	return lp
}

// geoBackSaturation is backSaturation with the sums in vmath.Dot's order:
// sixteen independent chains of additions instead of one per sum, which
// was a third of the function's time, and the product four at a time.
// The national model keeps backSaturation's order: there a changed
// rounding sends every NUTS trajectory elsewhere, which moves the
// reports' figures by Monte Carlo error (median 0.5% in
// scripts/golden.sh's worlds) rather than in the last digit.
func geoBackSaturation(gsat, gs, dsda []float64, d [][]float64) {
	for k, dk := range d {
		gsat[k] += vmath.Dot(gs, dk)
	}
	vmath.Mul(gs, dsda)
}
