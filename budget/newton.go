package budget

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// maxNewton caps the Newton polish; it converges quadratically on concave
// curves, typically in under ten iterations from the grid solution.
const maxNewton = 60

// trustRegion sets lo and hi to each free channel's step bounds within
// radius and within its own bounds, and floors the curvature h so that
// every channel's model is concave.
func trustRegion(s *resolved, x, lo, hi, h []float64, radius, gScale float64) {
	for j, c := range s.free {
		lo[j] = math.Max(s.lo[c]-x[c], -radius)
		hi[j] = math.Min(s.hi[c]-x[c], radius)
		floor := math.Min(-1e-6*gScale/radius, -math.SmallestNonzeroFloat64)
		if h[j] > floor {
			// Locally convex (the foot of an S-curve) or flat: the
			// model is nearly linear there, so the step runs to the
			// trust region's edge unless the multiplier balances it,
			// and the ratio test decides how far to trust that.
			h[j] = floor
		}
	}
}

// refineMean polishes x (which meets the total and bounds) towards a local
// maximum of Σ_c f_c(x_c), f_c the posterior mean contribution, with a
// trust-region Newton method. Its model is separable, Σ g_c d_c + ½ h_c d_c²,
// so each step is a continuous quadratic knapsack solved exactly by
// bisection on the Lagrange multiplier of Σd = 0. Where a curve is locally
// convex (the rising part of an S-shaped Hill curve) h_c is replaced by a
// negative curvature that keeps the step inside the trust region. It
// returns the number of iterations.
func refineMean(e *evaluator, s *resolved, x []float64, radius float64) int {
	free := s.free
	if len(free) < 2 {
		return 0
	}
	n := len(free)
	f := make([]float64, n)
	g := make([]float64, n)
	h := make([]float64, n)
	lo := make([]float64, n)
	hi := make([]float64, n)
	d := make([]float64, n)
	fNew := make([]float64, n)
	xNew := make([]float64, len(x))
	var span float64
	for j, c := range free {
		f[j] = e.mean(c, x[c])
		span = math.Max(span, s.hi[c]-s.lo[c])
	}
	if radius <= 0 {
		radius = 0.1 * span
	}
	minRadius := 1e-13 * span
	it := 0
	for ; it < maxNewton && e.err == nil; it++ {
		var gScale float64
		for j, c := range free {
			g[j], h[j] = e.slope(c, x[c], f[j])
			gScale += math.Abs(g[j])
		}
		gScale /= float64(n)
		if gScale == 0 || !stat.Finite(gScale) {
			break // flat curves: every allocation is as good
		}
		trustRegion(s, x, lo, hi, h, radius, gScale)
		pred := knapsackStep(d, g, h, lo, hi)
		var stepMax float64
		for j, c := range free {
			stepMax = math.Max(stepMax, math.Abs(d[j])/s.scale[c])
		}
		if stepMax < 1e-11 || !(pred > 0) {
			break // a KKT point to within the finite-difference accuracy
		}
		copy(xNew, x)
		for j, c := range free {
			xNew[c] = clamp(x[c]+d[j], s.lo[c], s.hi[c])
		}
		fixSum(xNew, s.lo, s.hi, s.total)
		var actual, fAbs float64
		for j, c := range free {
			fNew[j] = e.mean(c, xNew[c])
			actual += fNew[j] - f[j]
			fAbs += math.Abs(f[j])
		}
		// Near the optimum the predicted gain drops below what float64 can
		// resolve in Σf; trust the model there rather than the noise.
		noise := 1e-13 * fAbs
		rho := actual / pred
		accept := actual > 0 && rho > 0.1 || pred < 1e3*noise && actual > -noise
		if accept {
			copy(x, xNew)
			copy(f, fNew)
		}
		switch {
		case !accept || rho < 0.25:
			radius *= 0.25
		case rho > 0.75 && maxAbs(d) > 0.9*radius:
			radius *= 2
		}
		if radius < minRadius {
			break
		}
	}
	return it
}

// knapsackStep maximises Σ g_j d_j + ½ h_j d_j² (h_j < 0) subject to
// Σ d_j = 0 and lo_j ≤ d_j ≤ hi_j (lo_j ≤ 0 ≤ hi_j), writing d and returning
// the model gain. Stationarity gives d_j(λ) = clip((λ − g_j)/h_j), which
// falls as λ rises, so λ is found by bisection.
func knapsackStep(d, g, h, lo, hi []float64) float64 {
	la, lb := math.Inf(1), math.Inf(-1)
	for j := range g {
		la = math.Min(la, g[j]+h[j]*hi[j]) // Σd = Σhi ≥ 0 below la
		lb = math.Max(lb, g[j]+h[j]*lo[j]) // Σd = Σlo ≤ 0 above lb
	}
	at := func(l float64) float64 {
		var t float64
		for j := range g {
			d[j] = clamp((l-g[j])/h[j], lo[j], hi[j])
			t += d[j]
		}
		return t
	}
	for range 200 {
		m := la + (lb-la)/2
		if m == la || m == lb {
			break
		}
		if at(m) > 0 {
			la = m
		} else {
			lb = m
		}
	}
	at(lb)
	// Bisection leaves Σd slightly off zero; the caller restores the total.
	var pred float64
	for j := range g {
		pred += g[j]*d[j] + 0.5*h[j]*d[j]*d[j]
	}
	return pred
}

func maxAbs(x []float64) float64 {
	var m float64
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}
