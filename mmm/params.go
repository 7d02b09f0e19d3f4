package mmm

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
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

// ChannelParams are one channel's parameters on their natural scales.
type ChannelParams struct {
	ROI float64
	// Adstock and Saturation hold the components' parameters in the order
	// of their Params, for example [alpha, theta] for delayed adstock and
	// [k, slope] for Hill saturation.
	Adstock, Saturation []float64
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
	p.Channels = make([]ChannelParams, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		cp := ChannelParams{ROI: math.Exp(x[ch.iROI]), Adstock: make([]float64, ch.nAd), Saturation: make([]float64, ch.nSat)}
		ch.spec.Adstock.Constrain(cp.Adstock, ch.adU(x), ch.spec.MaxLag)
		ch.spec.Saturation.Constrain(cp.Saturation, ch.satU(x))
		w := make([]float64, ch.spec.MaxLag+1)
		ch.spec.Adstock.Weights(w, ch.adU(x))
		cp.Beta = m.beta(c, cp.ROI, w, cp.Saturation)
		p.Channels[c] = cp
	}
	return p
}

// beta returns ȳβ_c = ROI·spend / Σ S over the fitted periods for channel
// c with lag weights w and saturation parameters v.
func (m *Model) beta(c int, roi float64, w, v []float64) float64 {
	ch := &m.ch[c]
	a := make([]float64, m.nFit)
	ch.effect(a, make([]float64, m.nFit), ch.x[:m.nFit], w, v)
	sum := 0.0
	for _, s := range a {
		sum += s
	}
	return roi * ch.spendFit / sum
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
		if len(cp.Adstock) != ch.nAd || len(cp.Saturation) != ch.nSat {
			return nil, fmt.Errorf("mmm: channel %q params have %d adstock and %d saturation values, its %v adstock and %v saturation %d and %d",
				ch.name, len(cp.Adstock), len(cp.Saturation), ch.spec.Adstock.Kind(), ch.spec.Saturation.Kind(), ch.nAd, ch.nSat)
		}
		x[ch.iROI] = math.Log(cp.ROI)
		ch.spec.Adstock.Unconstrain(ch.adU(x), cp.Adstock, ch.spec.MaxLag)
		ch.spec.Saturation.Unconstrain(ch.satU(x), cp.Saturation)
	}
	x[m.iSigma] = math.Log(p.Sigma)
	for c := range m.ch {
		x[0] += p.Channels[c].ROI * m.ch[c].level
	}
	for i, v := range x {
		if !stat.Finite(v) {
			return nil, fmt.Errorf("mmm: parameter %s out of its domain", m.names[i])
		}
	}
	return x, nil
}
