package sampler

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// With Config.DenseMetric the chain adapts a dense metric, Stan's
// dense_e: at the end of each slow window the draws' covariance Σ, shrunk
// towards its diagonal, becomes the inverse metric. A dense metric M⁻¹ = L·Lᵀ
// is the same as the unit metric in the coordinates u with q = m + L·u, so
// the chain samples u with the unchanged diagonal kernel (all ones) and the
// window's end maps its state into the new coordinates; the draws are
// returned in q. Each gradient then costs two triangular products, dim²
// multiply-adds, more.
//
// The shrinkage is Schäfer and Strimmer's (2005) target D: with n draws in d
// dimensions the sample covariance's off-diagonal terms are noisy when n is
// not far above d (a window of 500 draws of a 477-dimensional posterior),
// and λ = Σ_{i≠j} Var(s_ij) / Σ_{i≠j} s_ij², estimated from the draws
// themselves, weighs them by how far they stand above their own noise.

// affine is t in the coordinates u, q = shift + L·u, L lower triangular.
type affine struct {
	t         Target
	shift, l  []float64 // l row-major dim×dim
	dim       int
	q, gq     []float64
	identityL bool
}

func newAffine(t Target) *affine {
	d := t.Dim()
	a := &affine{t: t, shift: make([]float64, d), l: make([]float64, d*d), dim: d,
		q: make([]float64, d), gq: make([]float64, d), identityL: true}
	for i := range d {
		a.l[i*d+i] = 1
	}
	return a
}

func (a *affine) Dim() int { return a.dim }

// toQ writes q = shift + L·u.
func (a *affine) toQ(q, u []float64) {
	n := a.dim
	if a.identityL {
		for i := range n {
			q[i] = a.shift[i] + u[i]
		}
		return
	}
	for i := range n {
		q[i] = a.shift[i] + floats.Dot(a.l[i*n:i*n+i+1], u[:i+1])
	}
}

// toU writes u = L⁻¹·(q − shift) by forward substitution.
func (a *affine) toU(u, q []float64) {
	n := a.dim
	for i := range n {
		v := q[i] - a.shift[i] - floats.Dot(a.l[i*n:i*n+i], u[:i])
		u[i] = v / a.l[i*n+i]
	}
}

func (a *affine) LogProbGrad(gu, u []float64) float64 {
	a.toQ(a.q, u)
	lp := a.t.LogProbGrad(a.gq, a.q)
	if a.identityL {
		copy(gu, a.gq)
		return lp
	}
	n := a.dim
	clear(gu)
	for i := range n {
		floats.AddScaled(gu[:i+1], a.gq[i], a.l[i*n:i*n+i+1])
	}
	return lp
}

// variances writes the diagonal of L·Lᵀ, the metric's variance per
// coordinate of q.
func (a *affine) variances(dst []float64) {
	n := a.dim
	for i := range n {
		row := a.l[i*n : i*n+i+1]
		dst[i] = floats.Dot(row, row)
	}
}

// covAdapter collects the draws of the slow windows and, at each window's
// end, turns their shrunk covariance into a's map.
type covAdapter struct {
	windows
	draws [][]float64
}

// learn records q (in the chain's original coordinates) and, at the end of
// a window, sets a's map from the window's draws and reports true. A
// window whose covariance cannot be factorised keeps the old map.
func (c *covAdapter) learn(a *affine, q []float64) bool {
	if c.inWindow() {
		c.draws = append(c.draws, append([]float64(nil), q...))
	}
	if !c.endOfWindow() {
		c.counter++
		return false
	}
	c.computeNext()
	if len(c.draws) >= 2 {
		if l, mean, ok := shrunkCholesky(c.draws); ok {
			a.shift, a.l, a.identityL = mean, l, false
		}
	}
	c.draws = c.draws[:0]
	c.counter++
	return true
}

// shrunkCholesky returns the lower Cholesky factor (row-major) and the mean
// of the draws' covariance shrunk towards its diagonal.
func shrunkCholesky(draws [][]float64) ([]float64, []float64, bool) {
	n, d := len(draws), len(draws[0])
	mean := make([]float64, d)
	for _, x := range draws {
		floats.Add(mean, x)
	}
	floats.Scale(1/float64(n), mean)
	x := mat.NewDense(n, d, nil)
	for k, q := range draws {
		for i, v := range q {
			x.Set(k, i, v-mean[i])
		}
	}
	var s mat.SymDense
	s.SymOuterK(1/float64(n-1), x.T())
	// Var(s_ij) = n/(n−1)³ · Σ_k (w_kij − w̄_ij)², w_kij = x_ki·x_kj; the sum
	// is Σ_k x_ki²x_kj² − n·w̄_ij², with w̄_ij = s_ij·(n−1)/n.
	x2 := mat.NewDense(n, d, nil)
	x2.MulElem(x, x)
	var s2 mat.Dense
	s2.Mul(x2.T(), x2)
	fn := float64(n)
	num, den := 0.0, 0.0
	for i := range d {
		for j := range d {
			if i == j {
				continue
			}
			sij := s.At(i, j)
			wbar := sij * (fn - 1) / fn
			num += fn / ((fn - 1) * (fn - 1) * (fn - 1)) * math.Max(0, s2.At(i, j)-fn*wbar*wbar)
			den += sij * sij
		}
	}
	lambda := 1.0
	if den > 0 {
		lambda = math.Min(1, num/den)
	}
	// A matrix that does not factorise falls back to the diagonal, which
	// always does.
	var ch mat.Cholesky
	ok := false
	for _, lam := range []float64{lambda, 1} {
		reg := mat.NewSymDense(d, nil)
		for i := range d {
			for j := i; j < d; j++ {
				// Stan's regularisation on top, towards 1e-3·I.
				v := (fn / (fn + 5)) * (1 - lam) * s.At(i, j)
				if i == j {
					v = (fn/(fn+5))*s.At(i, i) + 1e-3*(5/(fn+5))
				}
				reg.SetSym(i, j, v)
			}
		}
		if ok = ch.Factorize(reg); ok {
			break
		}
	}
	if !ok {
		return nil, nil, false
	}
	var lt mat.TriDense
	ch.LTo(&lt)
	l := make([]float64, d*d)
	for i := range d {
		for j := 0; j <= i; j++ {
			v := lt.At(i, j)
			if !(math.Abs(v) < math.MaxFloat64) {
				return nil, nil, false
			}
			l[i*d+j] = v
		}
	}
	return l, mean, true
}
