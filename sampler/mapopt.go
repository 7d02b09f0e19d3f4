package sampler

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// MAP returns the mode of t found by L-BFGS from x0, and the log density
// there. It returns an error if x0 has no finite density or ctx is
// cancelled. An optimiser that stops short of its tolerance (a line search
// failing near the optimum, say) is restarted from where it stopped; its
// best point is returned if it still cannot make progress.
func MAP(ctx context.Context, t Target, x0 []float64) ([]float64, float64, error) {
	dim := t.Dim()
	if len(x0) != dim {
		return nil, 0, fmt.Errorf("sampler: MAP start has length %d, target dimension %d", len(x0), dim)
	}
	o := newObjective(t)
	if f := o.value(x0); math.IsInf(f, 1) {
		return nil, 0, errors.New("sampler: MAP start has no finite log density")
	}
	if i := firstNonFinite(o.grad); i >= 0 {
		return nil, 0, fmt.Errorf("sampler: MAP start has non-finite gradient element %d", i)
	}
	x := slices.Clone(x0)
	best := o.value(x)
	for range 4 {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		p := optimize.Problem{
			Func: o.value,
			Grad: o.gradient,
			Status: func() (optimize.Status, error) {
				if err := ctx.Err(); err != nil {
					return optimize.Failure, err
				}
				return optimize.NotTerminated, nil
			},
		}
		settings := &optimize.Settings{
			GradientThreshold: 1e-8,
			MajorIterations:   20000,
			Converger:         &optimize.FunctionConverge{Absolute: 1e-10, Relative: 1e-14, Iterations: 25},
		}
		res, err := optimize.Minimize(p, x, settings, &optimize.LBFGS{})
		if cerr := ctx.Err(); cerr != nil {
			return nil, 0, cerr
		}
		if res == nil || !(res.F < best) {
			break
		}
		improvement := best - res.F
		copy(x, res.X)
		best = res.F
		if err == nil && res.Status != optimize.IterationLimit {
			break
		}
		if improvement < 1e-10*math.Max(1, math.Abs(best)) {
			break
		}
	}
	return x, -best, nil
}

// objective adapts a Target to gonum's minimiser: it minimises -log p and
// caches the gradient so Func and Grad at the same x cost one evaluation.
type objective struct {
	t      Target
	x      []float64
	grad   []float64
	f      float64
	cached bool
}

func newObjective(t Target) *objective {
	d := t.Dim()
	return &objective{t: t, x: make([]float64, d), grad: make([]float64, d)}
}

func (o *objective) eval(x []float64) {
	if o.cached && slices.Equal(x, o.x) {
		return
	}
	copy(o.x, x)
	lp := evalLogProb(o.t, o.grad, o.x)
	o.f = -lp
	for i := range o.grad {
		o.grad[i] = -o.grad[i]
	}
	o.cached = true
}

func (o *objective) value(x []float64) float64 {
	o.eval(x)
	return o.f
}

func (o *objective) gradient(grad, x []float64) {
	o.eval(x)
	copy(grad, o.grad)
}
