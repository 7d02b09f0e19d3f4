package mmm

import "math"

// A channel's ROI is the model's parameter, but what a panel identifies is
// how the KPI moves with spend: the marginal ROI at typical spend. For the
// Hill curve S = logistic(s·log a + c0) the elasticity at scaled spend 1
// is s·(1 − S(1)) = s·logistic(−c0), so the data pin
//
//	φ = log ROI + log s + log logistic(−c0),   c0 = c·s^(1−γ),
//
// and leave a ridge in (log ROI, c, log s) that curves with the shape: on
// the world `triad simulate --geos 40` writes, log ROI against log slope of
// search and display correlate at −0.9 with the slope ∂φ/∂log s varying
// with c0 along it. NUTS therefore samples φ in place of log ROI for Hill
// channels: log ROI = φ − h(c, log s), a shear whose Jacobian is 1, so the
// log density is unchanged and only its geometry is; the draws are mapped
// back.

// shearH returns h = log s + log logistic(−c0) at the Hill coordinates
// u = (c, log s) and its partial derivatives.
func shearH(c, ls float64) (h, dc, dls float64) {
	sc := math.Exp((1 - hillGamma) * ls)
	c0 := c * sc
	// log logistic(−c0) = −log(1 + e^{c0}), computed without overflow.
	lg := -math.Max(c0, 0) - math.Log1p(math.Exp(-math.Abs(c0)))
	p := 1 / (1 + math.Exp(-c0)) // logistic(c0) = −d log logistic(−c0)/dc0
	return ls + lg, -p * sc, 1 - p*c0*(1-hillGamma)
}

// hillShear lists the channels sampled with φ.
func (m *GeoModel) hillShear() []bool {
	out := make([]bool, len(m.ch))
	for k := range m.ch {
		_, out[k] = m.ch[k].spec.Saturation.(HillSaturation)
	}
	return out
}

// shearToModel rewrites φ in x (the other coordinates already the model's)
// as log ROI.
func (c *centring) shearToModel(x []float64) {
	for k, on := range c.shear {
		if on {
			ch := &c.m.ch[k]
			h, _, _ := shearH(x[ch.iSat], x[ch.iSat+1])
			x[ch.iROI] -= h
		}
	}
}

// shearFromModel rewrites log ROI in y as φ.
func (c *centring) shearFromModel(y []float64) {
	for k, on := range c.shear {
		if on {
			ch := &c.m.ch[k]
			h, _, _ := shearH(y[ch.iSat], y[ch.iSat+1])
			y[ch.iROI] += h
		}
	}
}

// shearGrad turns the gradient in log ROI into the gradient in φ: ∂/∂φ is
// ∂/∂log ROI, and the Hill coordinates gain −∂h·∂/∂log ROI.
func (c *centring) shearGrad(gy, y []float64) {
	for k, on := range c.shear {
		if on {
			ch := &c.m.ch[k]
			_, dc, dls := shearH(y[ch.iSat], y[ch.iSat+1])
			g := gy[ch.iROI]
			gy[ch.iSat] -= dc * g
			gy[ch.iSat+1] -= dls * g
		}
	}
}
