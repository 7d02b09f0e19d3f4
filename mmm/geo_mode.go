package mmm

import (
	"context"
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// findMode runs L-BFGS in coordinates scaled by the curvature at the
// start: u = (x − x0)/s with s_i = |∂²log p/∂x_i²|^(−1/2). The geo model's
// coordinates differ in curvature by orders of magnitude (a big geo's
// intercept against a small one's, shared shocks against channel shapes),
// and unscaled L-BFGS then needs tens of thousands of evaluations on 40
// geos. The scaling is redone once from the first mode.
func (m *GeoModel) findMode(ctx context.Context, t sampler.Target, x0 []float64) ([]float64, float64, error) {
	x, lp := x0, math.Inf(-1)
	for range 2 {
		s := curvatureScales(t, x)
		st := &scaledTarget{t: t, x0: x, s: s, x: make([]float64, len(x)), g: make([]float64, len(x))}
		u, l, err := sampler.MAP(ctx, st, make([]float64, len(x)))
		if err != nil {
			return nil, 0, err
		}
		next := make([]float64, len(x))
		st.toX(next, u)
		x, lp = next, l
	}
	return x, lp, nil
}

// curvatureScales returns |H_ii|^(−1/2) at x by central differences of the
// gradient, 1 where the curvature is not positive or not finite.
func curvatureScales(t sampler.Target, x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	s := diagCurvature(t, x, idx)
	for i, h := range s {
		s[i] = 1
		if h > 0 && stat.Finite(h) {
			s[i] = 1 / math.Sqrt(h)
		}
	}
	return s
}

// scaledTarget is t in the coordinates u, x = x0 + s⊙u.
type scaledTarget struct {
	t     sampler.Target
	x0, s []float64
	x, g  []float64
}

func (st *scaledTarget) Dim() int { return len(st.x0) }

func (st *scaledTarget) toX(x, u []float64) {
	for i, v := range u {
		x[i] = st.x0[i] + st.s[i]*v
	}
}

func (st *scaledTarget) LogProbGrad(grad, u []float64) float64 {
	st.toX(st.x, u)
	lp := st.t.LogProbGrad(st.g, st.x)
	for i, g := range st.g {
		grad[i] = g * st.s[i]
	}
	return lp
}
