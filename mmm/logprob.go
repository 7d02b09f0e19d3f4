package mmm

import (
	"math"

	"github.com/triad-mmm/triad/internal/vmath"
	"gonum.org/v1/gonum/floats"
)

// scratch holds the buffers of one evaluation of the log density.
type scratch struct {
	mu, r []float64 // mean and dLL/dμ over the fitted periods
	ch    []chanScratch
	lift  []liftScratch
	// groupLP and groupE: each combined test's log likelihood and its
	// derivative in the predicted lift.
	groupLP, groupE []float64
}

type chanScratch struct {
	roi   float64
	w, gw []float64 // adstock weights and dLL/dw
	h     []float64 // R&F channels: reach·S(frequency) per period
	// R&F channels with carry: per carry period S(f), dS/da (unused),
	// dS/du_k and reach·S(f).
	spre, dsdaPre, hpre []float64
	dpre                [][]float64
	// Per period: adstock, saturation, dS/da, dLL/dS (then dLL/dA), and
	// dS/du_k per saturation coordinate k.
	a, s, dsda, gs []float64
	d              [][]float64
	gsat           []float64 // dLL/du over the saturation coordinates
	sumS, b        float64   // Σ S over fitted periods; coefficient on the scaled KPI
}

type liftScratch struct {
	a, s, dsda, gs []float64
	d              [][]float64
	gsat           []float64
	pre, sign      float64 // liftForward's factor and sign, for liftBack
	lift           float64 // a combined test's part: this channel's lift
}

func newRows(k, n int) [][]float64 {
	d := make([][]float64, k)
	for j := range d {
		d[j] = make([]float64, n)
	}
	return d
}

func (m *Model) newScratch() *scratch {
	s := &scratch{mu: make([]float64, m.nFit), r: make([]float64, m.nFit)}
	s.ch = make([]chanScratch, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		L := ch.spec.MaxLag + 1
		n := ch.need
		s.ch[c] = chanScratch{
			w: make([]float64, L), gw: make([]float64, L),
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n), gs: make([]float64, n),
			d: newRows(ch.nSat, n), gsat: make([]float64, ch.nSat),
		}
		if ch.rf {
			s.ch[c].h = make([]float64, n)
		}
		if np := len(ch.pre); ch.rf && np > 0 {
			cs := &s.ch[c]
			cs.spre, cs.dsdaPre, cs.hpre, cs.dpre = make([]float64, np), make([]float64, np), make([]float64, np), newRows(ch.nSat, np)
		}
	}
	s.groupLP, s.groupE = make([]float64, len(m.groups)), make([]float64, len(m.groups))
	s.lift = make([]liftScratch, len(m.lifts))
	for k := range m.lifts {
		n := len(m.lifts[k].Measure)
		ns := m.ch[m.lifts[k].Channel].nSat
		s.lift[k] = liftScratch{
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n), gs: make([]float64, n),
			d: newRows(ns, n), gsat: make([]float64, ns),
		}
	}
	return s
}

// media adds channel c's media terms to μ (forward pass) and keeps what
// the backward pass needs in cs. It returns false where the channel's
// saturation sums to zero or overflows.
func (m *Model) media(cs *chanScratch, ch *channel, mu, x []float64) bool {
	cs.roi = math.Exp(x[ch.iROI])
	ch.spec.Adstock.Weights(cs.w, ch.adU(x))
	if ch.rf {
		rfMedia(cs, ch, x)
	} else {
		Convolve(cs.a, ch.x[:ch.need], cs.w)
		if ch.pre != nil {
			addCarry(cs.a, ch.pre, cs.w)
		}
		ch.spec.Saturation.Saturate(cs.s, cs.dsda, cs.d, ch.satU(x), cs.a)
	}
	sum := 0.0
	for _, v := range cs.s[:m.nFit] {
		sum += v
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return false
	}
	cs.sumS = sum
	cs.b = cs.roi * ch.spendFit / (m.yBar * sum)
	vmath.AddScaledShift(mu[:m.nFit], cs.b, cs.s, cs.roi*ch.level)
	return true
}

func (m *Model) logProbGrad(sc *scratch, grad, x []float64) float64 {
	for i := range grad {
		grad[i] = 0
	}
	nf := m.nFit
	mu := sc.mu
	b0 := x[0]
	for t := range mu {
		mu[t] = b0
	}
	for p, col := range m.base {
		floats.AddScaled(mu, x[1+p], col[:nf])
	}
	for c := range m.ch {
		if !m.media(&sc.ch[c], &m.ch[c], mu, x) {
			return math.Inf(-1)
		}
	}

	// Likelihood.
	r := sc.r
	lp, gSigma := addNoise(0, r, m.y[:nf], mu, x[m.iSigma], m.spec.Likelihood, m.spec.StudentNu)
	grad[m.iSigma] += gSigma

	// Baseline gradient.
	sr := 0.0
	for _, v := range r {
		sr += v
	}
	grad[0] += sr
	for p, col := range m.base {
		grad[1+p] += floats.Dot(r, col[:nf])
	}

	// Media, backward (and the lift terms, which only involve one channel;
	// combined-channel tests are evaluated first, over all their channels).
	if len(m.groups) > 0 {
		m.combinedForward(sc, x)
	}
	for c := range m.ch {
		ch, cs := &m.ch[c], &sc.ch[c]
		R := 0.0
		for t, v := range cs.s[:nf] {
			R += r[t] * v
		}
		grad[ch.iROI] += cs.b*R - cs.roi*ch.level*sr
		rs := R / cs.sumS
		gs := cs.gs
		for t := range gs[:nf] {
			gs[t] = cs.b * (r[t] - rs)
		}
		for t := nf; t < len(gs); t++ {
			gs[t] = 0
		}
		for l := range cs.gw {
			cs.gw[l] = 0
		}
		for k := range cs.gsat {
			cs.gsat[k] = 0
		}
		for _, k := range ch.lifts {
			ls := &sc.lift[k]
			if lt := &m.lifts[k]; lt.group >= 0 {
				lp += m.combinedBack(sc, k, ch, cs, grad)
			} else {
				lp += m.liftGrad(lt, ls, ch, cs, x, grad)
			}
			for j, v := range ls.gsat {
				cs.gsat[j] += v
			}
		}
		if math.IsInf(lp, -1) || math.IsNaN(lp) {
			return math.Inf(-1)
		}

		if ch.rf {
			rfBack(cs, ch)
		} else {
			backMedia(cs, ch)
		}
		ch.spec.Adstock.WeightsGrad(ch.adU(grad), ch.adU(x), cs.w, cs.gw)
		for j, g := range cs.gsat {
			grad[ch.iSat+j] += g
		}
	}

	lp += m.logPrior(sc, grad, x)
	if math.IsNaN(lp) || math.IsInf(lp, 0) {
		return math.Inf(-1)
	}
	return lp
}

// backMedia takes dLL/dS in cs.gs back through the saturation (to
// cs.gsat) and the adstock (to cs.gw).
func backMedia(cs *chanScratch, ch *channel) {
	gs := cs.gs
	backSaturation(cs.gsat, gs, cs.dsda, cs.d)
	xs := ch.x
	n := len(gs)
	for l := range cs.gw {
		if l >= n {
			break
		}
		cs.gw[l] += floats.Dot(gs[l:n], xs[:n-l])
	}
	if ch.pre != nil {
		carryGrad(cs.gw, gs, ch.pre, 0)
	}
}

// backSaturation adds Σ_t gs_t·d_k[t] to gsat[k] for every saturation
// coordinate k and then turns gs (dLL/dS) into dLL/dA in place.
func backSaturation(gsat, gs, dsda []float64, d [][]float64) {
	if len(d) == 2 {
		// Hill and the other two-parameter curves: both sums and the
		// product in one pass, two independent chains of additions
		// instead of one after the other (each sum in the same order,
		// so the same bits).
		g0, g1 := gsat[0], gsat[1]
		d0, d1 := d[0][:len(gs)], d[1][:len(gs)]
		dsda = dsda[:len(gs)]
		for t, v := range gs {
			g0 += v * d0[t]
			g1 += v * d1[t]
			gs[t] = v * dsda[t]
		}
		gsat[0], gsat[1] = g0, g1
		return
	}
	for k, dk := range d {
		g := gsat[k]
		for t, v := range gs {
			g += v * dk[t]
		}
		gsat[k] = g
	}
	for t := range gs {
		gs[t] *= dsda[t]
	}
}

// liftGrad adds lift term lt's log likelihood gradient to grad (ROI), to
// cs.gs (main saturation series) and cs.gw (weights), writes its gradient
// in the saturation coordinates into ls.gsat and returns the log
// likelihood.
func (m *Model) liftGrad(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch, x, grad []float64) float64 {
	lift := m.liftForward(lt, ls, ch, cs, x)
	res := lt.Measured - lift
	lp := -0.5 * res * res / lt.variance
	m.liftBack(lt, ls, ch, cs, grad, res/lt.variance, lift)
	return lp
}

// liftForward computes the lift channel ch contributes to term lt and
// keeps in ls what liftBack needs.
func (m *Model) liftForward(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch, x []float64) float64 {
	if lt.Contribution {
		// Nothing to subtract: the lift is the saturation itself.
		clear(ls.s)
		clear(ls.dsda)
		for _, dk := range ls.d {
			clear(dk)
		}
	} else if ch.rf {
		rfLiftForward(lt, ls, ch, cs)
	} else {
		lt.modifiedAdstock(ls.a, ch.x, cs.w)
		if ch.pre != nil {
			addCarryAt(ls.a, ch.pre, cs.w, lt.Start)
		}
		ch.spec.Saturation.Saturate(ls.s, ls.dsda, ls.d, ch.satU(x), ls.a)
	}
	ls.sign = 1.0 // the unmodified series is x_hi for a holdout, x_lo for a heavy-up
	if lt.HeavyUp {
		ls.sign = -1
	}
	d := 0.0
	for i, w := range lt.Measure {
		d += w * (cs.s[lt.Start+i] - ls.s[i])
	}
	d *= ls.sign
	ls.pre = lt.Scope * cs.roi * ch.spendFit / cs.sumS
	return ls.pre * d
}

// liftBack adds the gradient of a lift likelihood with dLL/dlift e
// through channel ch's part lift of it.
func (m *Model) liftBack(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch, grad []float64, e, lift float64) {
	pre, sign := ls.pre, ls.sign
	grad[ch.iROI] += e * lift
	shift := -e * lift / cs.sumS
	for t := range cs.gs[:m.nFit] {
		cs.gs[t] += shift
	}
	for i, w := range lt.Measure {
		g := e * pre * w * sign
		cs.gs[lt.Start+i] += g
		ls.gs[i] = -g
	}
	for k := range ls.gsat {
		ls.gsat[k] = 0
	}
	if ch.rf {
		if !lt.Contribution {
			rfLiftBack(lt, ls, ch, cs)
		}
		return
	}
	backSaturation(ls.gsat, ls.gs, ls.dsda, ls.d)
	for i, ga := range ls.gs {
		t := lt.Start + i
		for l := 0; l < len(cs.gw) && l <= t; l++ {
			cs.gw[l] += ga * lt.xmod(ch.x, t-l)
		}
	}
	if ch.pre != nil {
		carryGrad(cs.gw, ls.gs, ch.pre, lt.Start)
	}
}
