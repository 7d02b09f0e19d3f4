package budget

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// Response gives the posterior of channel response curves.
//
// Contribution writes into dst (len Draws()) the KPI that channel c
// contributes over the planning period, for every posterior draw, when the
// channel's total period spend is spend (in currency, never negative). The
// historical flighting is kept: weekly spend is spend/current_total times the
// historical weekly spend, so only the level changes.
//
// The optimiser calls Contribution sequentially, never concurrently, and
// assumes the curves are smooth in spend: it differentiates them by finite
// differences.
type Response interface {
	Channels() int
	Draws() int
	Contribution(dst []float64, c int, spend float64)
}

// fdRel is the relative finite-difference step. Central differences of a
// smooth curve then have a truncation error of about fdRel² ≈ 1e-8 relative
// and a rounding error of about 1e-16/fdRel ≈ 1e-12, and the same step still
// gives a usable second difference (rounding 1e-16/fdRel² ≈ 1e-8).
const fdRel = 1e-4

// evaluator wraps a Response with scratch space, a call counter and the
// first non-finite value it saw, so inner loops need no error plumbing.
type evaluator struct {
	r     Response
	draws int
	buf   []float64
	buf2  []float64
	scale []float64 // per channel spend scale, sets the finite-difference floor
	calls int
	err   error

	iterations int
}

func newEvaluator(r Response, scale []float64) *evaluator {
	d := r.Draws()
	return &evaluator{r: r, draws: d, buf: make([]float64, d), buf2: make([]float64, d), scale: scale}
}

// contrib fills dst with the per-draw contribution of channel c at spend x.
func (e *evaluator) contrib(dst []float64, c int, x float64) {
	if x < 0 {
		x = 0 // rounding can push a zero lower bound to -0 or -1e-300
	}
	e.r.Contribution(dst, c, x)
	e.calls++
	if e.err != nil {
		return
	}
	for _, v := range dst {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			e.err = fmt.Errorf("budget: response of channel %d at spend %g is not finite", c, x)
			return
		}
	}
}

// mean returns the posterior mean contribution of channel c at spend x.
func (e *evaluator) mean(c int, x float64) float64 {
	e.contrib(e.buf, c, x)
	return stat.Mean(e.buf)
}

// step returns the finite-difference step for channel c at spend x: relative
// to x, but never below a hundredth of the channel's scale so that a channel
// at zero spend still gets a meaningful slope.
func (e *evaluator) step(c int, x float64) float64 {
	return fdRel * math.Max(x, 0.01*e.scale[c])
}

// slope returns the first and second derivative of the mean contribution of
// channel c at x, given fx = mean(c, x). Central differences are used unless
// x is too close to zero spend, where forward differences avoid evaluating a
// negative spend.
func (e *evaluator) slope(c int, x, fx float64) (g, h float64) {
	s := e.step(c, x)
	if x >= s {
		fm := e.mean(c, x-s)
		fp := e.mean(c, x+s)
		return (fp - fm) / (2 * s), (fp - 2*fx + fm) / (s * s)
	}
	f1 := e.mean(c, x+s)
	f2 := e.mean(c, x+2*s)
	return (-3*fx + 4*f1 - f2) / (2 * s), (fx - 2*f1 + f2) / (s * s)
}

// grad returns the first derivative of the mean contribution of channel c
// at x, by the same differences as slope.
func (e *evaluator) grad(c int, x float64) float64 {
	s := e.step(c, x)
	if x >= s {
		return (e.mean(c, x+s) - e.mean(c, x-s)) / (2 * s)
	}
	return (-3*e.mean(c, x) + 4*e.mean(c, x+s) - e.mean(c, x+2*s)) / (2 * s)
}

// drawSlope writes the per-draw derivative of channel c's contribution at x
// into dst, with the same differences as slope.
func (e *evaluator) drawSlope(dst []float64, c int, x float64) {
	s := e.step(c, x)
	if x >= s {
		e.contrib(e.buf, c, x-s)
		e.contrib(e.buf2, c, x+s)
		for i := range dst {
			dst[i] = (e.buf2[i] - e.buf[i]) / (2 * s)
		}
		return
	}
	e.contrib(e.buf, c, x+s)
	e.contrib(e.buf2, c, x+2*s)
	for i := range dst {
		dst[i] = 4 * e.buf[i]
		dst[i] -= e.buf2[i]
	}
	e.contrib(e.buf, c, x)
	for i := range dst {
		dst[i] = (dst[i] - 3*e.buf[i]) / (2 * s)
	}
}
