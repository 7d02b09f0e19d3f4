package mmm

import (
	"fmt"

	"gonum.org/v1/gonum/floats"

	"github.com/triad-mmm/triad/stat"
)

// Reach and frequency channels (Meridian's R&F media) reuse the channel's
// two components in another order. Meridian saturates frequency, not
// spend: a person reached five times is worth less than five people
// reached once, while reach adds up. So the channel's Saturation is a
// curve in frequency (scaled by its mean over the fitted periods, as
// spend is), applied per period before the adstock,
//
//	x_t = reach_t · S(frequency_t),   A = Adstock(x),   effect_t = β·A_t,
//
// and the effect is linear in reach: doubling the budget at the same
// frequency doubles the contribution, as in Meridian's response curves.
// Any registered saturation kind can be the frequency curve and any
// adstock the carryover; the ROI, from which β follows, divides by spend
// as for every paid channel. A lift test moves the channel's reach by its
// share of spend at the observed frequency.

// validateFrequency checks Data.Frequency against the panel's n periods.
func validateFrequency(d Data, n int) error {
	if len(d.Frequency) > len(d.Channels) {
		return fmt.Errorf("mmm: %d frequency series for %d channels", len(d.Frequency), len(d.Channels))
	}
	for c, f := range d.Frequency {
		if f == nil {
			continue
		}
		name := d.Channels[c]
		switch {
		case c >= len(d.Units) || d.Units[c] == nil:
			return fmt.Errorf("mmm: channel %q has a frequency but no reach (Data.Units)", name)
		case len(f) != n:
			return fmt.Errorf("mmm: channel %q has %d frequency values for %d periods", name, len(f), n)
		}
		for t, v := range f {
			if !stat.Finite(v) || v < 0 {
				return fmt.Errorf("mmm: channel %q frequency in period %d (%v) is %g, want finite and >= 0", name, t+1, d.Dates[t], v)
			}
		}
		if c >= len(d.Carry) || len(d.Carry[c]) == 0 {
			continue
		}
		if c >= len(d.CarryFrequency) || len(d.CarryFrequency[c]) != len(d.Carry[c]) {
			return fmt.Errorf("mmm: channel %q has %d periods of reach before the panel and not as many of frequency", name, len(d.Carry[c]))
		}
		for i, v := range d.CarryFrequency[c] {
			if !stat.Finite(v) || v < 0 {
				return fmt.Errorf("mmm: channel %q frequency %d before the panel is %g, want finite and >= 0", name, i+1, v)
			}
		}
	}
	return nil
}

// ReachFrequency reports whether channel c is a reach and frequency
// channel.
func (m *Model) ReachFrequency(c int) bool { return c >= 0 && c < len(m.ch) && m.ch[c].rf }

// setupRF scales channel c's frequency by its mean over the fitted
// periods with reach.
func (m *Model) setupRF(c int, ch *channel) error {
	if c >= len(m.data.Frequency) || m.data.Frequency[c] == nil {
		return nil
	}
	f, reach := m.data.Frequency[c], m.data.Units[c]
	tot, nz := 0.0, 0
	for t := range m.nFit {
		if reach[t] > 0 {
			tot += f[t]
			nz++
		}
	}
	if !(tot > 0) {
		return fmt.Errorf("mmm: channel %q has no frequency in the fitted periods with reach", ch.name)
	}
	ch.rf, ch.fScale = true, tot/float64(nz)
	ch.f = make([]float64, m.n)
	for t, v := range f {
		ch.f[t] = v / ch.fScale
	}
	if ch.pre != nil {
		// The last len(pre) periods before the panel, as scaledCarry takes.
		src := m.data.CarryFrequency[c]
		src = src[len(src)-len(ch.pre):]
		ch.preF = make([]float64, len(src))
		for i, v := range src {
			ch.preF[i] = v / ch.fScale
		}
	}
	return nil
}

// rfMedia is media's forward pass for an R&F channel: it writes S(f) into
// cs.a and its derivatives into cs.d, x = reach·S(f) into cs.h and the
// adstock of x, the channel's effect per unit of β, into cs.s.
func rfMedia(cs *chanScratch, ch *channel, x []float64) {
	n := ch.need
	ch.spec.Saturation.Saturate(cs.a, cs.dsda, cs.d, ch.satU(x), ch.f[:n])
	for t, v := range ch.x[:n] {
		cs.h[t] = v * cs.a[t]
	}
	Convolve(cs.s, cs.h, cs.w)
	if ch.pre != nil {
		ch.spec.Saturation.Saturate(cs.spre, cs.dsdaPre, cs.dpre, ch.satU(x), ch.preF)
		for i, v := range ch.pre {
			cs.hpre[i] = v * cs.spre[i]
		}
		addCarry(cs.s, cs.hpre, cs.w)
	}
}

// rfCarryBack adds the gradient that dLL/dA ga of periods start,
// start+1, ... sends through an R&F channel's carry x_pre = reach_pre ·
// S(f_pre): to the lag weights (gw) and the frequency curve's coordinates
// (gsat).
func rfCarryBack(gw, gsat, ga []float64, start int, ch *channel, cs *chanScratch) {
	if ch.pre == nil {
		return
	}
	carryGrad(gw, ga, cs.hpre, start)
	np := len(ch.pre)
	for i, g := range ga {
		t := start + i
		if t >= len(cs.w)-1 {
			return
		}
		for l := t + 1; l < len(cs.w); l++ {
			if j := np + t - l; j >= 0 {
				gx := g * cs.w[l] * ch.pre[j]
				for k, dk := range cs.dpre {
					gsat[k] += gx * dk[j]
				}
			}
		}
	}
}

// rfBack takes dLL/dA in cs.gs back to the lag weights (cs.gw) and the
// frequency curve's coordinates (cs.gsat); cs.a becomes dLL/dS(f).
func rfBack(cs *chanScratch, ch *channel) {
	gs, n := cs.gs, len(cs.gs)
	for l := range cs.gw {
		if l >= n {
			break
		}
		cs.gw[l] += floats.Dot(gs[l:n], cs.h[:n-l])
	}
	gx := cs.a[:n]
	for t := range gx {
		gx[t] = 0
	}
	for l, w := range cs.w {
		if l >= n {
			break
		}
		floats.AddScaled(gx[:n-l], w, gs[l:n])
	}
	for t := range gx {
		gx[t] *= ch.x[t]
	}
	for k, dk := range cs.d {
		cs.gsat[k] += floats.Dot(gx, dk[:n])
	}
	rfCarryBack(cs.gw, cs.gsat, gs, 0, ch, cs)
}

// rfLiftForward writes into ls.s the effect of an R&F channel under lift
// term lt's modified reach, Adstock(x_mod·S(f)), over the measurement
// window; cs.a holds S(f) (rfMedia).
func rfLiftForward(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch) {
	for i := range lt.Measure {
		t := lt.Start + i
		a := 0.0
		for l := 0; l < len(cs.w) && l <= t; l++ {
			a += cs.w[l] * lt.xmod(ch.x, t-l) * cs.a[t-l]
		}
		ls.s[i] = a
	}
	if ch.pre != nil {
		addCarryAt(ls.s, cs.hpre, cs.w, lt.Start)
	}
}

// rfLiftBack takes dLL/dA_mod in ls.gs back to the lag weights (cs.gw)
// and the frequency curve's coordinates (ls.gsat), with S(f) in cs.a and
// its derivatives in cs.d.
func rfLiftBack(lt *liftTerm, ls *liftScratch, ch *channel, cs *chanScratch) {
	for i, g := range ls.gs {
		t := lt.Start + i
		for l := 0; l < len(cs.w) && l <= t; l++ {
			xm := g * lt.xmod(ch.x, t-l)
			cs.gw[l] += xm * cs.a[t-l]
			for k, dk := range cs.d {
				ls.gsat[k] += xm * cs.w[l] * dk[t-l]
			}
		}
	}
	rfCarryBack(cs.gw, ls.gsat, ls.gs, lt.Start, ch, cs)
}

// effect writes channel ch's effect per unit of β for the scaled drive xs
// (spend, units or reach, from the panel's first period) into a, under
// lag weights w and saturation parameters v: S(Adstock(xs)), or for an R&F
// channel Adstock(xs·S(f)) with the frequency of periods past the panel
// at its mean. buf is scratch of len(xs) for R&F channels.
func (ch *channel) effect(a, buf, xs, w, v []float64) {
	if !ch.rf {
		Convolve(a, xs, w)
		if ch.pre != nil {
			addCarry(a, ch.pre, w)
		}
		ch.spec.Saturation.Curve(a, a, v)
		return
	}
	n := copy(buf, ch.f[:min(len(ch.f), len(xs))])
	for t := n; t < len(xs); t++ {
		buf[t] = 1
	}
	ch.spec.Saturation.Curve(buf, buf, v)
	for t, x := range xs {
		buf[t] *= x
	}
	Convolve(a, buf, w)
	if ch.pre != nil {
		hpre := make([]float64, len(ch.pre))
		ch.spec.Saturation.Curve(hpre, ch.preF, v)
		for i, x := range ch.pre {
			hpre[i] *= x
		}
		addCarry(a, hpre, w)
	}
}

// response is the channel's spend response as SpendResponse evaluates it.
func (ch *channel) response() ScaledSaturation {
	if ch.rf {
		return linearResponse{}
	}
	return scaledCurve(ch.spec.Saturation)
}

// linearResponse is the ScaledSaturation of an R&F channel's spend
// response: more budget buys more reach at the same frequency, so the
// effect scales with it.
type linearResponse struct{}

func (linearResponse) PrepareScaled(dst, a, _ []float64) []float64 {
	sum := 0.0
	for _, v := range a {
		sum += v
	}
	return append(dst, sum)
}

func (linearResponse) SumScaled(pre []float64, k float64, _ []float64) float64 { return k * pre[0] }
