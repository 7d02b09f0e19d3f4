package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// linReg is Bayesian linear regression with known noise sd sigma and prior
// β ~ N(0, tau² I); its posterior is Gaussian in closed form.
type linReg struct {
	x          *mat.Dense
	y          []float64
	sigma, tau float64
	resid      []float64
}

func newLinReg(rng *rand.Rand, n, p int, sigma, tau float64) *linReg {
	x := mat.NewDense(n, p, nil)
	beta := make([]float64, p)
	for j := range beta {
		beta[j] = float64(j+1) * 0.5
	}
	y := make([]float64, n)
	for i := range n {
		x.Set(i, 0, 1)
		for j := 1; j < p; j++ {
			x.Set(i, j, rng.NormFloat64()*float64(j))
		}
		for j := range p {
			y[i] += x.At(i, j) * beta[j]
		}
		y[i] += sigma * rng.NormFloat64()
	}
	return &linReg{x: x, y: y, sigma: sigma, tau: tau, resid: make([]float64, n)}
}

func (l *linReg) Dim() int { _, p := l.x.Dims(); return p }

func (l *linReg) LogProbGrad(grad, b []float64) float64 {
	n, p := l.x.Dims()
	var lp float64
	for i := range n {
		r := l.y[i]
		for j := range p {
			r -= l.x.At(i, j) * b[j]
		}
		l.resid[i] = r
		lp -= 0.5 * r * r / (l.sigma * l.sigma)
	}
	for j := range p {
		var g float64
		for i := range n {
			g += l.x.At(i, j) * l.resid[i]
		}
		grad[j] = g/(l.sigma*l.sigma) - b[j]/(l.tau*l.tau)
		lp -= 0.5 * b[j] * b[j] / (l.tau * l.tau)
	}
	return lp
}

func (l *linReg) clone() Target {
	c := *l
	c.resid = make([]float64, len(l.y))
	return &c
}

// posterior returns the analytic posterior mean and covariance.
func (l *linReg) posterior() ([]float64, *mat.SymDense) {
	_, p := l.x.Dims()
	var xtx mat.SymDense
	xtx.SymOuterK(1/(l.sigma*l.sigma), l.x.T())
	prec := mat.NewSymDense(p, nil)
	for i := range p {
		for j := i; j < p; j++ {
			v := xtx.At(i, j)
			if i == j {
				v += 1 / (l.tau * l.tau)
			}
			prec.SetSym(i, j, v)
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(prec) {
		panic("posterior precision not positive definite")
	}
	cov := mat.NewSymDense(p, nil)
	if err := chol.InverseTo(cov); err != nil {
		panic(err)
	}
	var xty mat.VecDense
	xty.MulVec(l.x.T(), mat.NewVecDense(len(l.y), l.y))
	xty.ScaleVec(1/(l.sigma*l.sigma), &xty)
	var m mat.VecDense
	m.MulVec(cov, &xty)
	return m.RawVector().Data, cov
}

func TestNUTSConjugateLinearRegression(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	l := newLinReg(rng, 50, 4, 1.5, 3)
	mean, cov := l.posterior()
	r, err := NUTS(context.Background(), l.clone, Config{Chains: 4, Warmup: 500, Draws: 1000, Seed: 3})
	require.NoError(t, err)
	vars := make([]float64, len(mean))
	for i := range vars {
		vars[i] = cov.At(i, i)
	}
	checkMoments(t, r, mean, vars, 4)
	// Posterior correlations, within 4 standard errors (1-ρ²)/sqrt(ESS).
	for i := range mean {
		for j := i + 1; j < len(mean); j++ {
			want := cov.At(i, j) / math.Sqrt(vars[i]*vars[j])
			ess := math.Min(ESSBasic(r.Column(i)), ESSBasic(r.Column(j)))
			se := (1 - want*want) / math.Sqrt(ess)
			assert.InDeltaf(t, want, sampleCorr(pooled(r, i), pooled(r, j)), 4*se, "corr(%d, %d)", i, j)
		}
	}
	assert.Zero(t, Diagnose(r, 10).Divergences)
}

func sampleCorr(x, y []float64) float64 {
	mx, vx := meanVar(x)
	my, vy := meanVar(y)
	var s float64
	for i := range x {
		s += (x[i] - mx) * (y[i] - my)
	}
	return s / float64(len(x)-1) / math.Sqrt(vx*vy)
}

// nig is the Normal model with unknown mean and variance under the
// conjugate Normal-Inverse-Gamma prior, sampled on (μ, log σ) with the
// Jacobian of σ² = exp(2 log σ).
type nig struct {
	y              []float64
	m0, k0, a0, b0 float64
}

func (m nig) Dim() int { return 2 }

func (m nig) LogProbGrad(grad, x []float64) float64 {
	mu, s := x[0], x[1]
	n := float64(len(m.y))
	var ss, dss float64
	for _, v := range m.y {
		ss += (v - mu) * (v - mu)
		dss -= 2 * (v - mu)
	}
	q := m.b0 + 0.5*(ss+m.k0*(mu-m.m0)*(mu-m.m0))
	dq := 0.5 * (dss + 2*m.k0*(mu-m.m0))
	e := math.Exp(-2 * s)
	c := n + 1 + 2*m.a0
	grad[0] = -e * dq
	grad[1] = -c + 2*q*e
	return -c*s - q*e
}

func (m nig) posterior() (mn, varMu, meanSigma2, varSigma2 float64) {
	n := float64(len(m.y))
	ybar, _ := meanVar(m.y)
	var ss float64
	for _, v := range m.y {
		ss += (v - ybar) * (v - ybar)
	}
	kn := m.k0 + n
	mn = (m.k0*m.m0 + n*ybar) / kn
	an := m.a0 + n/2
	bn := m.b0 + 0.5*ss + m.k0*n*(ybar-m.m0)*(ybar-m.m0)/(2*kn)
	return mn, bn / (kn * (an - 1)), bn / (an - 1), bn * bn / ((an - 1) * (an - 1) * (an - 2))
}

func TestNUTSNormalInverseGamma(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	y := make([]float64, 20)
	for i := range y {
		y[i] = 3 + 2*rng.NormFloat64()
	}
	m := nig{y: y, m0: 0, k0: 0.5, a0: 3, b0: 4}
	r, err := NUTS(context.Background(), func() Target { return m }, Config{Chains: 4, Warmup: 500, Draws: 1000, Seed: 4})
	require.NoError(t, err)
	mn, varMu, meanS2, varS2 := m.posterior()

	checkMoments(t, r, []float64{mn}, []float64{varMu}, 4)
	// σ² is a transform of the sampled log σ.
	col := r.Column(1)
	s2 := make([][]float64, len(col))
	var all []float64
	for c := range col {
		s2[c] = make([]float64, len(col[c]))
		for i, v := range col[c] {
			s2[c][i] = math.Exp(2 * v)
		}
		all = append(all, s2[c]...)
	}
	got, _ := meanVar(all)
	se := math.Sqrt(varS2 / ESSBasic(s2))
	assert.InDelta(t, meanS2, got, 4*se)
	assert.Zero(t, Diagnose(r, 10).Divergences)
}
