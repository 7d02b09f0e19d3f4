package calibrate

import "github.com/triad-mmm/triad/stat"

// CaptureShare returns the share p of the adstocked effect of a test's spend
// that falls inside its measurement window:
//
//	p = Σ_t g_t · Σ_l w_l · f_{t−l} / (Σ_t f_t · Σ_l w_l)
//
// where f_t is the spend profile over the treatment periods (1 per full
// period, the day share for a partial one), g_t the measurement weight of
// period t (both indexed from the window's first period) and w the lag
// weights. For constant spend over n whole periods measured over m ≥ n whole
// periods this is
//
//	p = (1/n) Σ_{i<n} Σ_{l ≤ min(L, m−1−i)} w_l
//
// It returns 1 when w carries no weight or f no spend.
func CaptureShare(w, f, g []float64) float64 {
	sw, sf := stat.Sum(w), stat.Sum(f)
	if !(sw > 0) || !(sf > 0) {
		return 1
	}
	var p float64
	for t, gt := range g {
		var e float64
		for l, wl := range w {
			if i := t - l; i >= 0 && i < len(f) {
				e += wl * f[i]
			}
		}
		p += gt * e
	}
	return p / (sf * sw)
}

// carryoverMass is the share of the adstock weight that defines the
// carryover length.
const carryoverMass = 0.9

// CarryoverPeriods returns the number of periods, counting the period of
// spend, over which 90% of the adstock effect arrives: the smallest k with
// Σ_{l<k} w_l ≥ 0.9 · Σ_l w_l. It is the effective carryover length L_eff
// of the roi_prior duration inflation and the threshold for flagging tests
// shorter than the carryover. It returns 1 for empty weights.
func CarryoverPeriods(w []float64) int {
	sw := stat.Sum(w)
	if !(sw > 0) {
		return 1
	}
	acc := 0.0
	for l, wl := range w {
		acc += wl
		// A relative slack keeps exact geometric sums from missing the
		// threshold by rounding.
		if acc >= carryoverMass*sw*(1-1e-12) {
			return l + 1
		}
	}
	return len(w)
}
