package mmm

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// scratch holds the buffers of one evaluation of the log density.
type scratch struct {
	mu, r []float64 // mean and dLL/dμ over the fitted periods
	ch    []chanScratch
	lift  []liftScratch
}

type chanScratch struct {
	// decoded parameters
	roi, alpha, logA, log1mA float64
	phi, logPhi, log1mPhi    float64 // delayed: θ/MaxLag; Weibull: scale/(MaxLag+1)
	theta                    float64
	shape, scale             float64 // Weibull
	p1, p2                   float64 // K and slope, or λ
	c0                       float64 // Hill: logit of S at scaled spend 1, s·log(1/K)
	cScale                   float64 // Hill: dc0/dc for the coordinate c
	expo                     []float64
	w, gw                    []float64 // adstock weights and dLL/dw
	a, s, dsda, d1, d2, gs   []float64 // per period: adstock, saturation and its derivatives, dLL/dS
	sumS, b                  float64   // Σ S over fitted periods; coefficient on the scaled KPI
}

type liftScratch struct {
	a, s, dsda, d1, d2, gs []float64
}

func (m *Model) newScratch() *scratch {
	s := &scratch{mu: make([]float64, m.nFit), r: make([]float64, m.nFit)}
	s.ch = make([]chanScratch, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		L := ch.spec.MaxLag + 1
		n := ch.need
		s.ch[c] = chanScratch{
			expo: make([]float64, L), w: make([]float64, L), gw: make([]float64, L),
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n),
			d1: make([]float64, n), d2: make([]float64, n), gs: make([]float64, n),
		}
	}
	s.lift = make([]liftScratch, len(m.lifts))
	for k := range m.lifts {
		n := len(m.lifts[k].Measure)
		s.lift[k] = liftScratch{
			a: make([]float64, n), s: make([]float64, n), dsda: make([]float64, n),
			d1: make([]float64, n), d2: make([]float64, n), gs: make([]float64, n),
		}
	}
	return s
}

// decodeChannel reads channel c's parameters from the unconstrained x and
// computes its adstock weights.
func (m *Model) decodeChannel(cs *chanScratch, c int, x []float64) {
	ch := &m.ch[c]
	cs.roi = math.Exp(x[ch.iROI])
	if ch.iShape >= 0 {
		// Weibull: expo holds log u_l for the gradient.
		cs.shape = math.Exp(x[ch.iShape])
		cs.phi, cs.logPhi, cs.log1mPhi = logistic(x[ch.iScale])
		cs.scale = float64(ch.spec.MaxLag+1) * cs.phi
		for l := range cs.expo {
			cs.expo[l] = math.Log((float64(l) + 0.5) / cs.scale)
			cs.w[l] = weibullExponent(cs.shape, cs.expo[l])
		}
		softmaxWeights(cs.w, cs.w, 1)
	} else {
		cs.alpha, cs.logA, cs.log1mA = logistic(x[ch.iAlpha])
		expo := ch.expo
		if ch.iTheta >= 0 {
			cs.phi, cs.logPhi, cs.log1mPhi = logistic(x[ch.iTheta])
			cs.theta = float64(ch.spec.MaxLag) * cs.phi
			for l := range cs.expo {
				d := float64(l) - cs.theta
				cs.expo[l] = d * d
			}
			expo = cs.expo
		}
		softmaxWeights(cs.w, expo, cs.logA)
	}
	if ch.iSat2 >= 0 {
		c, u := x[ch.iSat1], x[ch.iSat2]
		cs.p2 = math.Exp(u)
		cs.cScale = math.Exp((1 - hillGamma) * u)
		cs.c0 = c * cs.cScale
		cs.p1 = math.Exp(-cs.c0 / cs.p2)
	} else {
		cs.p1 = math.Exp(x[ch.iSat1])
	}
}

// hillGamma sets the Hill coordinates (c, log slope), with
// log K = −c·slope^(−γ). The data pin roughly how saturated a channel is at
// its typical spend, c0 = −slope·log K: with γ = 0 (c = −log K) that is the
// curved ridge slope·log K = const; with γ = 1 (c = c0) the ridge is straight
// but, where the data say little about K, c0 has a prior width proportional
// to the slope, a funnel. γ = 1/2 halves both.
const hillGamma = 0.5

// saturate writes S(a) and its derivatives in a and in the unconstrained
// saturation coordinates: for Hill (c, log slope), for logistic log λ.
func saturate(kind SaturationKind, cs *chanScratch, s, dsda, d1, d2, a []float64) {
	p1, p2 := cs.p1, cs.p2
	switch kind {
	case HillSaturation:
		c0, cScale := cs.c0, cs.cScale
		for t, v := range a {
			if v <= 0 {
				s[t], dsda[t], d1[t], d2[t] = 0, 0, 0, 0
				continue
			}
			z := p2*math.Log(v) + c0
			// One exponential of −|z| serves both signs without overflow.
			e := math.Exp(-math.Abs(z))
			inv := 1 / (1 + e)
			sv := inv
			if z < 0 {
				sv = e * inv
			}
			g := e * inv * inv // S(1−S)
			s[t] = sv
			dsda[t] = g * p2 / v
			d1[t] = g * cScale
			d2[t] = g * (z - hillGamma*c0)
		}
	default:
		h := p1 / 2
		for t, v := range a {
			sv := math.Tanh(h * v)
			g := 1 - sv*sv
			s[t] = sv
			dsda[t] = h * g
			d1[t] = h * v * g
			d2[t] = 0
		}
	}
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

	// Media, forward.
	for c := range m.ch {
		ch, cs := &m.ch[c], &sc.ch[c]
		m.decodeChannel(cs, c, x)
		Adstock(cs.a, ch.x[:ch.need], cs.w)
		saturate(ch.spec.Saturation, cs, cs.s, cs.dsda, cs.d1, cs.d2, cs.a)
		sum := 0.0
		for _, v := range cs.s[:nf] {
			sum += v
		}
		if !(sum > 0) || math.IsInf(sum, 0) {
			return math.Inf(-1)
		}
		cs.sumS = sum
		cs.b = cs.roi * ch.spendFit / (m.yBar * sum)
		b, off := cs.b, cs.roi*ch.level
		for t, v := range cs.s[:nf] {
			mu[t] += b*v - off
		}
	}

	// Likelihood.
	lp := 0.0
	sigma := math.Exp(x[m.iSigma])
	y, r := m.y[:nf], sc.r
	gSigma := -float64(nf)
	lp -= float64(nf) * x[m.iSigma]
	if m.spec.Likelihood == NormalLikelihood {
		inv := 1 / (sigma * sigma)
		ss := 0.0
		for t, v := range y {
			e := v - mu[t]
			ss += e * e
			r[t] = e * inv
		}
		lp -= 0.5 * ss * inv
		gSigma += ss * inv
	} else {
		nu := m.spec.StudentNu
		ns2 := nu * sigma * sigma
		acc, gs := 0.0, 0.0
		for t, v := range y {
			e := v - mu[t]
			d := ns2 + e*e
			acc += math.Log1p(e * e / ns2)
			r[t] = (nu + 1) * e / d
			gs += e * e / d
		}
		lp -= 0.5 * (nu + 1) * acc
		gSigma += (nu + 1) * gs
	}
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

	// Media, backward (and the lift terms, which only involve one channel).
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
		g1, g2 := 0.0, 0.0
		for _, k := range ch.lifts {
			l1, l2, lpl := m.liftGrad(&m.lifts[k], &sc.lift[k], ch, cs, grad)
			lp += lpl
			g1 += l1
			g2 += l2
		}
		if math.IsInf(lp, -1) || math.IsNaN(lp) {
			return math.Inf(-1)
		}

		// Back through saturation and adstock.
		xs := ch.x
		n := len(gs)
		for t := range gs {
			ga := gs[t] * cs.dsda[t]
			g1 += gs[t] * cs.d1[t]
			g2 += gs[t] * cs.d2[t]
			gs[t] = ga // gs now holds dLL/dA
		}
		for l := range cs.gw {
			if l >= n {
				break
			}
			cs.gw[l] += floats.Dot(gs[l:n], xs[:n-l])
		}
		m.backAdstock(ch, cs, grad)
		grad[ch.iSat1] += g1
		if ch.iSat2 >= 0 {
			grad[ch.iSat2] += g2
		}
	}

	lp += m.logPrior(sc, grad, x)
	if math.IsNaN(lp) || math.IsInf(lp, 0) {
		return math.Inf(-1)
	}
	return lp
}

// liftGrad adds lift term lt's log likelihood gradient to grad (ROI), to
// cs.gs (main saturation series) and cs.gw (weights), and returns the
// gradient in the saturation coordinates and the log likelihood.
func (m *Model) liftGrad(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch, grad []float64) (g1, g2, lp float64) {
	lt.modifiedAdstock(ls.a, ch.x, cs.w)
	saturate(ch.spec.Saturation, cs, ls.s, ls.dsda, ls.d1, ls.d2, ls.a)
	sign := 1.0 // the unmodified series is x_hi for a holdout, x_lo for a heavy-up
	if lt.HeavyUp {
		sign = -1
	}
	d := 0.0
	for i, w := range lt.Measure {
		d += w * (cs.s[lt.Start+i] - ls.s[i])
	}
	d *= sign
	pre := lt.Scope * cs.roi * ch.spendFit / cs.sumS
	lift := pre * d
	res := lt.Measured - lift
	lp = -0.5 * res * res / lt.variance
	e := res / lt.variance
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
	for i := range ls.gs {
		ga := ls.gs[i] * ls.dsda[i]
		g1 += ls.gs[i] * ls.d1[i]
		g2 += ls.gs[i] * ls.d2[i]
		t := lt.Start + i
		for l := 0; l < len(cs.gw) && l <= t; l++ {
			cs.gw[l] += ga * lt.xmod(ch.x, t-l)
		}
	}
	return g1, g2, lp
}

// backAdstock turns dLL/dw into gradients in the adstock coordinates. The
// weights are a softmax of exponents v_l (e_l·log α, or the Weibull log
// density), so dLL/dv_l = w_l(g_l − Σ w_k g_k).
func (m *Model) backAdstock(ch *channel, cs *chanScratch, grad []float64) {
	wg := 0.0
	for l, w := range cs.w {
		wg += w * cs.gw[l]
	}
	if ch.iShape >= 0 {
		// v_l = (k−1)·log u_l − u_l^k with log u_l = log(l+½) − log scale:
		// dv_l/d log k = k·log u_l·(1 − u_l^k), dv_l/d log scale = k·u_l^k
		// up to a constant, which the softmax ignores.
		k := cs.shape
		gk, gs := 0.0, 0.0
		for l, w := range cs.w {
			gv := w * (cs.gw[l] - wg)
			lu := cs.expo[l]
			uk := math.Exp(k * lu)
			gk += gv * k * lu * (1 - uk)
			gs += gv * k * uk
		}
		grad[ch.iShape] += gk
		grad[ch.iScale] += gs * (1 - cs.phi)
		return
	}
	ga, gt := 0.0, 0.0
	delayed := ch.iTheta >= 0
	for l, w := range cs.w {
		gv := w * (cs.gw[l] - wg)
		if delayed {
			d := float64(l) - cs.theta
			ga += gv * d * d
			gt += gv * (-2 * d * cs.logA)
		} else {
			ga += gv * float64(l)
		}
	}
	grad[ch.iAlpha] += ga * (1 - cs.alpha)
	if delayed {
		grad[ch.iTheta] += gt * float64(ch.spec.MaxLag) * cs.phi * (1 - cs.phi)
	}
}

// logPrior adds the priors and Jacobians.
func (m *Model) logPrior(sc *scratch, grad, x []float64) float64 {
	s := &m.spec
	lp := 0.0
	add := func(i int, v, d float64) {
		lp += v
		grad[i] += d
	}
	normal := func(i int, p Normal) {
		z := (x[i] - p.Mu) / p.Sigma
		add(i, -0.5*z*z, -z/p.Sigma)
	}
	// The intercept is x[0] less the media's mean level (see NewModel).
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
	for p, k := range m.baseKind {
		switch k {
		case baseTrend:
			normal(1+p, s.TrendSlope)
		case baseFourier:
			normal(1+p, s.Fourier)
		case baseWeekday:
			normal(1+p, s.WeekdayEffect)
		default:
			normal(1+p, s.Control)
		}
	}
	for c := range m.ch {
		ch, cs := &m.ch[c], &sc.ch[c]
		v, d := ch.spec.ROI.onLog(x[ch.iROI])
		add(ch.iROI, v, d)
		if ch.iAlpha >= 0 {
			v, d = ch.spec.Alpha.onLogit(cs.alpha, cs.logA, cs.log1mA)
			add(ch.iAlpha, v, d)
		}
		if ch.iShape >= 0 {
			v, d = ch.spec.Shape.onLog(x[ch.iShape])
			add(ch.iShape, v, d)
			v, d = ch.spec.Scale.onLogit(cs.phi, cs.logPhi, cs.log1mPhi)
			add(ch.iScale, v, d)
		}
		if ch.iTheta >= 0 {
			v, d = ch.spec.Theta.onLogit(cs.phi, cs.logPhi, cs.log1mPhi)
			add(ch.iTheta, v, d)
		}
		if ch.spec.Saturation == HillSaturation {
			// log K = −c·slope^(−γ); the Jacobian of (c, log slope) →
			// (log K, log slope) is slope^(−γ).
			logK := -cs.c0 / cs.p2
			u := x[ch.iSat2]
			v, d = ch.spec.K.onLog(logK)
			add(ch.iSat1, v, -d*cs.cScale/cs.p2)
			grad[ch.iSat2] -= hillGamma * d * logK
			v, d = ch.spec.Slope.onLog(u)
			add(ch.iSat2, v-hillGamma*u, d-hillGamma)
		} else {
			v, d = ch.spec.Lambda.onLog(x[ch.iSat1])
			add(ch.iSat1, v, d)
		}
	}
	v, d := s.Sigma.onLog(x[m.iSigma], math.Exp(x[m.iSigma]))
	add(m.iSigma, v, d)
	return lp
}
