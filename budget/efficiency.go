package budget

import (
	"fmt"
	"math"
)

// Efficiency returns the share of the attainable gain that recommended earns
// under a known response, such as a simulated world's true curves:
// (F(recommended) − F(current)) / (F(optimum) − F(current)), with F the mean
// total contribution under truth and the optimum Optimize's mean-optimal
// allocation of the same problem under truth. 1 means the recommendation is
// as good as knowing the truth; 0 means it gains nothing; negative means it
// loses. It fails with an error when the optimum gains nothing to compare
// with.
func Efficiency(truth Response, p Problem, recommended []float64) (float64, error) {
	q := p
	q.Objective = Mean{}
	s, err := resolve(truth, q, true)
	if err != nil {
		return 0, err
	}
	if len(recommended) != len(s.cur) {
		return 0, fmt.Errorf("budget: %d recommended spends for %d channels", len(recommended), len(s.cur))
	}
	e := newEvaluator(truth, s.scale)
	opt := allocate(e, s)
	var fCur, fRec, fOpt, fAbs float64
	for c := range opt {
		a, b, o := e.mean(c, s.cur[c]), e.mean(c, recommended[c]), e.mean(c, opt[c])
		fCur += a
		fRec += b
		fOpt += o
		fAbs += math.Abs(a)
	}
	if e.err != nil {
		return 0, e.err
	}
	if fOpt-fCur <= 1e-12*fAbs {
		return 0, ErrNoGain
	}
	return (fRec - fCur) / (fOpt - fCur), nil
}
