package mmm

import (
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// The sampler adapts a diagonal metric only, which cannot undo the strong
// linear correlations of an MMM posterior (an ROI against its channel's
// saturation point, channels sharing a flighting pattern, seasonality
// against always-on media). Sampling z with x = mode + L·z, L the Cholesky
// factor of the inverse Hessian at the mode, whitens them: a dense metric by
// reparameterisation. The map is linear, so its Jacobian is a constant and
// the posterior is unchanged.

// preconditioner is the fixed affine map from z to x.
type preconditioner struct {
	shift []float64
	l     []float64 // lower triangular, row-major, dim×dim
	dim   int
}

// newPreconditioner builds the map at mode from the Hessian of the log
// density there. If the Hessian is not negative definite even after
// jitter, it falls back to a diagonal scaling.
func newPreconditioner(t sampler.Target, mode []float64) *preconditioner {
	dim := len(mode)
	h := hessianNegLogProb(t, mode)
	p := &preconditioner{shift: append([]float64(nil), mode...), l: make([]float64, dim*dim), dim: dim}
	var ch mat.Cholesky
	ok := false
	if h != nil {
		maxDiag := 0.0
		for i := range dim {
			maxDiag = math.Max(maxDiag, math.Abs(h.At(i, i)))
		}
		for k, jit := 0, 0.0; k < 12; k, jit = k+1, math.Max(jit*10, 1e-10*maxDiag) {
			hj := mat.NewSymDense(dim, nil)
			hj.CopySym(h)
			for i := range dim {
				hj.SetSym(i, i, h.At(i, i)+jit)
			}
			if ch.Factorize(hj) {
				ok = true
				break
			}
		}
	}
	if ok {
		var cov mat.SymDense
		if err := ch.InverseTo(&cov); err == nil {
			var cc mat.Cholesky
			if cc.Factorize(&cov) {
				var lt mat.TriDense
				cc.LTo(&lt)
				for i := range dim {
					for j := 0; j <= i; j++ {
						p.l[i*dim+j] = lt.At(i, j)
					}
				}
				if p.finite() {
					return p
				}
			}
		}
	}
	for i := range p.l {
		p.l[i] = 0
	}
	for i := range dim {
		v := 1.0
		if h != nil && h.At(i, i) > 0 {
			v = 1 / math.Sqrt(h.At(i, i))
		}
		p.l[i*dim+i] = v
	}
	return p
}

func (p *preconditioner) finite() bool {
	for _, v := range p.l {
		if !stat.Finite(v) {
			return false
		}
	}
	return true
}

// toX writes x = shift + L·z.
func (p *preconditioner) toX(x, z []float64) {
	n := p.dim
	for i := range n {
		x[i] = p.shift[i] + floats.Dot(p.l[i*n:i*n+i+1], z[:i+1])
	}
}

// hessianNegLogProb returns the Hessian of −log p at x by central
// differences of the analytic gradient, symmetrised, or nil if the density
// is not finite around x.
func hessianNegLogProb(t sampler.Target, x []float64) *mat.SymDense {
	dim := len(x)
	h := mat.NewDense(dim, dim, nil)
	gp, gm := make([]float64, dim), make([]float64, dim)
	xx := append([]float64(nil), x...)
	for j := range dim {
		e := 1e-5 * math.Max(1, math.Abs(x[j]))
		xx[j] = x[j] + e
		lp := t.LogProbGrad(gp, xx)
		xx[j] = x[j] - e
		lm := t.LogProbGrad(gm, xx)
		xx[j] = x[j]
		if math.IsInf(lp, 0) || math.IsInf(lm, 0) || math.IsNaN(lp) || math.IsNaN(lm) {
			return nil
		}
		for i := range dim {
			h.Set(i, j, -(gp[i]-gm[i])/(2*e))
		}
	}
	s := mat.NewSymDense(dim, nil)
	for i := range dim {
		for j := i; j < dim; j++ {
			v := (h.At(i, j) + h.At(j, i)) / 2
			if !stat.Finite(v) {
				return nil
			}
			s.SetSym(i, j, v)
		}
	}
	return s
}

// whitened is a Target in the z coordinates.
type whitened struct {
	t     sampler.Target
	p     *preconditioner
	x, gx []float64
}

func (w *whitened) Dim() int { return w.p.dim }

func (w *whitened) LogProbGrad(gz, z []float64) float64 {
	w.p.toX(w.x, z)
	lp := w.t.LogProbGrad(w.gx, w.x)
	n := w.p.dim
	// gz = Lᵀ·gx
	for j := range gz {
		gz[j] = 0
	}
	for i := range n {
		floats.AddScaled(gz[:i+1], w.gx[i], w.p.l[i*n:i*n+i+1])
	}
	return lp
}

func (p *preconditioner) target(t sampler.Target) sampler.Target {
	return &whitened{t: t, p: p, x: make([]float64, p.dim), gx: make([]float64, p.dim)}
}
