package mmm

import "fmt"

// A fit window (Robyn's window_start) fits only some periods while the
// periods before them still feed the carryover of the first ones. The
// model's periods are the window's; Data.Carry holds each channel's drive
// (spend, or units) in the periods just before, of which the last MaxLag
// matter. Every convolution of a channel's series adds their tail with
// addCarry, and the gradient in the lag weights gets their part from
// carryGrad.

// carryLen is the number of carry periods a channel with maxLag lags uses.
func carryLen(carry []float64, maxLag int) int { return min(len(carry), maxLag) }

// scaledCarry returns the last MaxLag values of channel c's carry over
// its scale, oldest first (nil without carry).
func (m *Model) scaledCarry(c int, maxLag int, scale float64) []float64 {
	if c >= len(m.data.Carry) || m.data.Carry[c] == nil {
		return nil
	}
	src := m.data.Carry[c]
	src = src[len(src)-carryLen(src, maxLag):]
	out := make([]float64, len(src))
	for i, v := range src {
		out[i] = v / scale
	}
	return out
}

// addCarry adds to dst_t (the adstock at window period t, t from 0) the
// lagged carry: Σ_{l>t} w_l·pre[len(pre)+t−l].
func addCarry(dst, pre, w []float64) {
	np := len(pre)
	for t := 0; t < len(dst) && t < len(w)-1; t++ {
		for l := t + 1; l < len(w); l++ {
			if j := np + t - l; j >= 0 {
				dst[t] += w[l] * pre[j]
			}
		}
	}
}

// addCarryAt adds the lagged carry to the adstock of periods start,
// start+1, ... held in dst.
func addCarryAt(dst, pre, w []float64, start int) {
	np := len(pre)
	for i := range dst {
		t := start + i
		if t >= len(w)-1 {
			return
		}
		for l := t + 1; l < len(w); l++ {
			if j := np + t - l; j >= 0 {
				dst[i] += w[l] * pre[j]
			}
		}
	}
}

// carryGrad adds to gw_l the carry's part of dLL/dw_l, Σ_{t<l} ga_t ·
// pre[len(pre)+t−l], for dLL/dA ga of periods start, start+1, ...
func carryGrad(gw, ga, pre []float64, start int) {
	np := len(pre)
	for i, g := range ga {
		t := start + i
		if t >= len(gw)-1 {
			return
		}
		for l := t + 1; l < len(gw); l++ {
			if j := np + t - l; j >= 0 {
				gw[l] += g * pre[j]
			}
		}
	}
}

// validateCarry checks Data.Carry.
func validateCarry(d Data) error {
	if len(d.Carry) > len(d.Channels) {
		return fmt.Errorf("mmm: %d carry series for %d channels", len(d.Carry), len(d.Channels))
	}
	for c, s := range d.Carry {
		for i, v := range s {
			if v < 0 || v != v || v > 1e300 {
				return fmt.Errorf("mmm: channel %q carry value %d is %g, want finite and >= 0", d.Channels[c], i+1, v)
			}
		}
	}
	return nil
}
