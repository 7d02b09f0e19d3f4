package mmm

import (
	"fmt"
	"math"
)

// Params are the model parameters on their natural scales.
type Params struct {
	// Intercept is the mean baseline over the fitted periods on the scaled
	// KPI (1 = mean KPI): trend, Fourier and control columns are centred.
	Intercept float64
	Trend     float64   // change of the scaled KPI over the panel's length
	Fourier   []float64 // sin_1, cos_1, sin_2, ...
	Weekday   []float64 // Tuesday..Sunday against Monday, scaled KPI (daily data)
	Gamma     []float64 // per control, scaled KPI per standard deviation
	Channels  []ChannelParams
	Sigma     float64 // noise SD on the scaled KPI
}

// ChannelParams are one channel's parameters.
type ChannelParams struct {
	ROI   float64
	Alpha float64
	Theta float64 // delayed adstock only
	Shape float64 // Weibull adstock only
	Scale float64 // Weibull adstock only, in periods
	K     float64 // Hill only
	Slope float64 // Hill only
	// Lambda is the logistic rate (logistic saturation only).
	Lambda float64
	// Beta is the coefficient of the saturated adstock in KPI units:
	// the channel's KPI in period t is Beta·S_t. It is implied by ROI.
	Beta float64
}

// Constrain maps the unconstrained point x to named parameter values.
func (m *Model) Constrain(x []float64) Params {
	p := Params{Intercept: x[0], Sigma: math.Exp(x[m.iSigma])}
	for c := range m.ch {
		p.Intercept -= math.Exp(x[m.ch[c].iROI]) * m.ch[c].level
	}
	for i, k := range m.baseKind {
		v := x[1+i]
		switch k {
		case baseTrend:
			p.Trend = v
		case baseFourier:
			p.Fourier = append(p.Fourier, v)
		case baseWeekday:
			p.Weekday = append(p.Weekday, v)
		default:
			p.Gamma = append(p.Gamma, v)
		}
	}
	var cs chanScratch
	p.Channels = make([]ChannelParams, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		cs.expo = make([]float64, ch.spec.MaxLag+1)
		cs.w = make([]float64, ch.spec.MaxLag+1)
		m.decodeChannel(&cs, c, x)
		cp := ChannelParams{ROI: cs.roi, Alpha: cs.alpha}
		if ch.iTheta >= 0 {
			cp.Theta = cs.theta
		}
		if ch.iShape >= 0 {
			cp.Alpha = 0
			cp.Shape, cp.Scale = cs.shape, cs.scale
		}
		if ch.spec.Saturation == HillSaturation {
			cp.K, cp.Slope = cs.p1, cs.p2
		} else {
			cp.Lambda = cs.p1
		}
		cp.Beta = m.beta(c, &cs)
		p.Channels[c] = cp
	}
	return p
}

// beta returns ȳβ_c = ROI·spend / Σ S over the fitted periods, for a
// decoded channel.
func (m *Model) beta(c int, cs *chanScratch) float64 {
	ch := &m.ch[c]
	a := make([]float64, m.nFit)
	Adstock(a, ch.x[:m.nFit], cs.w)
	sum := 0.0
	for _, v := range a {
		sum += m.satValue(c, cs, v)
	}
	return cs.roi * ch.spendFit / sum
}

// satValue evaluates channel c's saturation at adstocked scaled spend v.
func (m *Model) satValue(c int, cs *chanScratch, v float64) float64 {
	if m.ch[c].spec.Saturation == HillSaturation {
		return Hill{K: cs.p1, S: cs.p2}.Value(v)
	}
	return Logistic{Lambda: cs.p1}.Value(v)
}

// Unconstrain maps p to the model's unconstrained coordinates. Channel
// Beta is ignored (it follows from ROI).
func (m *Model) Unconstrain(p Params) ([]float64, error) {
	x := make([]float64, m.dim)
	x[0] = p.Intercept
	nf, nw, ng := 0, 0, 0
	for _, k := range m.baseKind {
		switch k {
		case baseFourier:
			nf++
		case baseWeekday:
			nw++
		case baseControl:
			ng++
		}
	}
	if len(p.Fourier) != nf || len(p.Weekday) != nw || len(p.Gamma) != ng || len(p.Channels) != len(m.ch) {
		return nil, fmt.Errorf("mmm: params have %d Fourier, %d weekday, %d control and %d channel values, the model %d, %d, %d and %d",
			len(p.Fourier), len(p.Weekday), len(p.Gamma), len(p.Channels), nf, nw, ng, len(m.ch))
	}
	fi, wi, gi := 0, 0, 0
	for i, k := range m.baseKind {
		switch k {
		case baseTrend:
			x[1+i] = p.Trend
		case baseFourier:
			x[1+i] = p.Fourier[fi]
			fi++
		case baseWeekday:
			x[1+i] = p.Weekday[wi]
			wi++
		default:
			x[1+i] = p.Gamma[gi]
			gi++
		}
	}
	for c := range m.ch {
		ch, cp := &m.ch[c], p.Channels[c]
		x[ch.iROI] = math.Log(cp.ROI)
		if ch.iAlpha >= 0 {
			x[ch.iAlpha] = logit(cp.Alpha)
		}
		if ch.iShape >= 0 {
			x[ch.iShape] = math.Log(cp.Shape)
			x[ch.iScale] = logit(cp.Scale / float64(ch.spec.MaxLag+1))
		}
		if ch.iTheta >= 0 {
			x[ch.iTheta] = logit(cp.Theta / float64(ch.spec.MaxLag))
		}
		if ch.spec.Saturation == HillSaturation {
			x[ch.iSat1], x[ch.iSat2] = -math.Pow(cp.Slope, hillGamma)*math.Log(cp.K), math.Log(cp.Slope)
		} else {
			x[ch.iSat1] = math.Log(cp.Lambda)
		}
	}
	x[m.iSigma] = math.Log(p.Sigma)
	for c := range m.ch {
		x[0] += p.Channels[c].ROI * m.ch[c].level
	}
	for i, v := range x {
		if !finite(v) {
			return nil, fmt.Errorf("mmm: parameter %s out of its domain", m.names[i])
		}
	}
	return x, nil
}
