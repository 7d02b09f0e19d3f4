package sampler

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// gaussian is N(mu, Σ) given by its precision matrix; it is the oracle
// target of most tests because every moment is known.
type gaussian struct {
	mu   []float64
	prec *mat.SymDense
	cov  *mat.SymDense
	d    []float64 // scratch
}

func newGaussian(mu []float64, cov *mat.SymDense) *gaussian {
	var chol mat.Cholesky
	if !chol.Factorize(cov) {
		panic("covariance not positive definite")
	}
	prec := mat.NewSymDense(len(mu), nil)
	if err := chol.InverseTo(prec); err != nil {
		panic(err)
	}
	return &gaussian{mu: mu, prec: prec, cov: cov, d: make([]float64, len(mu))}
}

// standardGaussian returns N(0, diag(sd²)).
func diagGaussian(mu, sd []float64) *gaussian {
	cov := mat.NewSymDense(len(mu), nil)
	for i, s := range sd {
		cov.SetSym(i, i, s*s)
	}
	return newGaussian(mu, cov)
}

// correlatedGaussian returns a d-dimensional Gaussian with equicorrelation
// rho and scales alternating 1 and 100.
func correlatedGaussian(d int, rho float64) *gaussian {
	sd := make([]float64, d)
	for i := range sd {
		sd[i] = 1
		if i%2 == 1 {
			sd[i] = 100
		}
	}
	cov := mat.NewSymDense(d, nil)
	for i := range d {
		for j := i; j < d; j++ {
			r := rho
			if i == j {
				r = 1
			}
			cov.SetSym(i, j, r*sd[i]*sd[j])
		}
	}
	mu := make([]float64, d)
	for i := range mu {
		mu[i] = float64(i) - 1
	}
	return newGaussian(mu, cov)
}

func (g *gaussian) Dim() int { return len(g.mu) }

func (g *gaussian) LogProbGrad(grad, x []float64) float64 {
	n := len(x)
	for i := range n {
		g.d[i] = x[i] - g.mu[i]
	}
	var lp float64
	for i := range n {
		var s float64
		for j := range n {
			s += g.prec.At(i, j) * g.d[j]
		}
		grad[i] = -s
		lp -= 0.5 * g.d[i] * s
	}
	return lp
}

func (g *gaussian) clone() Target {
	return &gaussian{mu: g.mu, prec: g.prec, cov: g.cov, d: make([]float64, len(g.mu))}
}

// funcTarget adapts a closure.
type funcTarget struct {
	dim int
	f   func(grad, x []float64) float64
}

func (f funcTarget) Dim() int                              { return f.dim }
func (f funcTarget) LogProbGrad(grad, x []float64) float64 { return f.f(grad, x) }

// pooled returns all draws of parameter i.
func pooled(r *Result, i int) []float64 {
	var out []float64
	for _, c := range r.Column(i) {
		out = append(out, c...)
	}
	return out
}

func sampleMoments(x []float64) (mean, variance float64) {
	return meanVar(x)
}

// mcseVar approximates the Monte Carlo standard error of a variance
// estimate with ess effective draws: Var(s²) ≈ (m4 - σ⁴)/ess, with m4 = 3σ⁴
// for a normal, so se ≈ σ² sqrt(2/ess).
func mcseVar(variance, ess float64) float64 { return variance * math.Sqrt(2/ess) }
