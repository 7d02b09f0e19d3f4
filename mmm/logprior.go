package mmm

import "math"

// logPrior adds the priors and Jacobians: the model's own (intercept,
// baseline, ROI, noise) and each channel's components'.
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
		ch := &m.ch[c]
		v, d := ch.spec.ROI.onLog(x[ch.iROI])
		add(ch.iROI, v, d)
		lp = ch.spec.Adstock.LogPrior(ch.adU(grad), ch.adU(x), lp)
		lp = ch.spec.Saturation.LogPrior(ch.satU(grad), ch.satU(x), lp)
	}
	v, d := s.Sigma.onLog(x[m.iSigma], math.Exp(x[m.iSigma]))
	add(m.iSigma, v, d)
	return lp
}
