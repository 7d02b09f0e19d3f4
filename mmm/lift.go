package mmm

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// LiftObs is one lift test in model terms (package calibrate builds it from a
// test record). The model predicts
//
//	lift(θ) = Scope · ȳ · β_c · Σ_{t=Start}^{Start+len(Measure)−1} Measure[t−Start] · [S(x_hi)_t − S(x_lo)_t]
//
// where S is the channel's saturated adstock. For a holdout x_hi = x and
// x_lo_t = x_t·(1 − Moved[t−Start]) inside the moved window; for a heavy-up
// x_lo = x and x_hi_t = x_t·(1 + Moved[t−Start]). Adstock runs over the
// modified series, so spend before the window keeps working and effects after
// the measurement window are not counted, exactly as in the test. The
// likelihood is Measured ~ Normal(lift(θ), SD² + τ²), in KPI units.
type LiftObs struct {
	Channel  int       // index into Data.Channels
	Start    int       // period index of the first moved period
	Moved    []float64 // share of spend moved per period from Start
	Measure  []float64 // weight of each period of the measurement window from Start (usually 1)
	HeavyUp  bool
	Scope    float64 // share of the business the test covered, in (0, 1]
	Measured float64 // measured incremental KPI in the test's scope
	SD       float64 // its standard error
	// Also lists the other channels of a combined-channel test: Measured is
	// then the sum of every channel's lift.
	Also []LiftPart
	// Contribution says the test measured the channel's contribution over
	// the measurement window (Measure-weighted), not the change a move of
	// spend made: a test on an organic channel, which moved no spend, as
	// Robyn calibrates organic variables. Moved is then unused. A
	// counterfactual switch-off would let a saturated curve hide the
	// channel (its adstock stays above saturation when the window's units
	// go), so a test that says "nearly nothing" would be met by a
	// channel that still claims its share of the KPI elsewhere.
	Contribution bool
}

// liftTerm is a validated LiftObs with its likelihood variance.
type liftTerm struct {
	LiftObs
	variance float64
	// group is the combined-channel test the term is a part of, -1 for a
	// single-channel test.
	group int
	// fac[i] multiplies x at period Start+i when building the modified
	// series: 1−Moved for a holdout, 1+Moved for a heavy-up.
	fac []float64
}

func (m *Model) newLiftTerm(k int, o LiftObs) (liftTerm, error) {
	return makeLiftTerm(k, o, len(m.ch), m.n, m.spec.LiftTau)
}

// makeLiftTerm validates o against a model of nCh channels and n periods
// with mismatch allowance tau.
func makeLiftTerm(k int, o LiftObs, nCh, n int, tau float64) (liftTerm, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("mmm: lift observation %d: %s", k+1, fmt.Sprintf(format, args...))
	}
	switch {
	case o.Channel < 0 || o.Channel >= nCh:
		return liftTerm{}, bad("channel index %d out of range", o.Channel)
	case o.Contribution && (o.HeavyUp || len(o.Also) > 0):
		return liftTerm{}, bad("a contribution test is neither a heavy-up nor on several channels")
	case len(o.Moved) == 0 || len(o.Measure) == 0:
		return liftTerm{}, bad("empty moved or measurement window")
	case o.Start < 0 || o.Start+len(o.Moved) > n || o.Start+len(o.Measure) > n:
		return liftTerm{}, bad("window [%d, %d) outside the panel's %d periods", o.Start, o.Start+max(len(o.Moved), len(o.Measure)), n)
	case !(o.Scope > 0 && o.Scope <= 1):
		return liftTerm{}, bad("scope %g, want in (0, 1]", o.Scope)
	case !stat.Finite(o.Measured):
		return liftTerm{}, bad("measured lift %g", o.Measured)
	case !(o.SD >= 0) || math.IsInf(o.SD, 0):
		return liftTerm{}, bad("standard error %g", o.SD)
	}
	v := o.SD*o.SD + tau*tau
	if !(v > 0) {
		return liftTerm{}, bad("zero standard error and no mismatch allowance")
	}
	lt := liftTerm{LiftObs: o, variance: v, fac: make([]float64, len(o.Moved))}
	for i, r := range o.Moved {
		if !stat.Finite(r) || r < 0 || (!o.HeavyUp && r > 1) {
			return liftTerm{}, bad("moved share %g in period %d, want in [0, 1] (holdout) or >= 0 (heavy-up)", r, o.Start+i)
		}
		if o.HeavyUp {
			lt.fac[i] = 1 + r
		} else {
			lt.fac[i] = 1 - r
		}
	}
	for i, w := range o.Measure {
		if !stat.Finite(w) {
			return liftTerm{}, bad("measurement weight %g in period %d", w, o.Start+i)
		}
	}
	return lt, nil
}

// modifiedAdstock writes the adstock of the test's modified spend series
// over the measurement window into dst (len(Measure)); xmod receives the
// modified series over the window's lag range for the gradient.
func (lt *liftTerm) modifiedAdstock(dst []float64, x, w []float64) {
	L := len(w) - 1
	for i := range lt.Measure {
		t := lt.Start + i
		a := 0.0
		for l := 0; l <= L && l <= t; l++ {
			a += w[l] * lt.xmod(x, t-l)
		}
		dst[i] = a
	}
}

// xmod returns the modified scaled spend at period t.
func (lt *liftTerm) xmod(x []float64, t int) float64 {
	if i := t - lt.Start; i >= 0 && i < len(lt.fac) {
		return x[t] * lt.fac[i]
	}
	return x[t]
}
