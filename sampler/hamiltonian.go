package sampler

import "math"

// point is a phase-space point: position q, momentum p, and the log density
// and its gradient g at q, cached so each leapfrog step costs one gradient.
type point struct {
	q, p, g []float64
	logp    float64
}

func newPoint(dim int) point {
	buf := make([]float64, 3*dim)
	return point{q: buf[:dim:dim], p: buf[dim : 2*dim : 2*dim], g: buf[2*dim:]}
}

func (z *point) set(o *point) {
	copy(z.q, o.q)
	copy(z.p, o.p)
	copy(z.g, o.g)
	z.logp = o.logp
}

// evalLogProb calls the target and maps values no density can take (NaN,
// +Inf) to -Inf, so that downstream code sees an infinite energy and treats
// the point as a divergence rather than as an infinitely good proposal.
func evalLogProb(t Target, g, q []float64) float64 {
	lp := t.LogProbGrad(g, q)
	if math.IsNaN(lp) || math.IsInf(lp, 1) {
		return math.Inf(-1)
	}
	return lp
}

// hamiltonian returns -log p(q) + ½ pᵀ M⁻¹ p for a diagonal inverse metric,
// with NaN mapped to +Inf as Stan does.
func hamiltonian(z *point, invMetric []float64) float64 {
	var k float64
	for i, p := range z.p {
		k += invMetric[i] * p * p
	}
	h := 0.5*k - z.logp
	if math.IsNaN(h) {
		return math.Inf(1)
	}
	return h
}

// leapfrog advances z by one step of size eps (negative to go back in time).
func leapfrog(t Target, z *point, invMetric []float64, eps float64) {
	half := 0.5 * eps
	for i := range z.p {
		z.p[i] += half * z.g[i]
		z.q[i] += eps * invMetric[i] * z.p[i]
	}
	z.logp = evalLogProb(t, z.g, z.q)
	for i := range z.p {
		z.p[i] += half * z.g[i]
	}
}

// logAddExp returns log(exp(a) + exp(b)), exact when either is -Inf.
func logAddExp(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if math.IsInf(b, -1) {
		return a
	}
	if a > b {
		return a + math.Log1p(math.Exp(b-a))
	}
	return b + math.Log1p(math.Exp(a-b))
}
