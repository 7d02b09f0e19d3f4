package budget

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// logCurves is the analytic response a_c·m_cd·log(1 + x/b_c): concave, with
// the closed-form water-filling optimum x_c = a_c/λ − b_c.
type logCurves struct {
	a, b []float64
	mult [][]float64 // mult[c][d], mean exactly 1 over d
}

func (r logCurves) Channels() int { return len(r.a) }
func (r logCurves) Draws() int    { return len(r.mult[0]) }
func (r logCurves) Contribution(dst []float64, c int, x float64) {
	v := r.a[c] * math.Log1p(x/r.b[c])
	for d, m := range r.mult[c] {
		dst[d] = m * v
	}
}

// meanF is the analytic posterior mean contribution.
func (r logCurves) meanF(c int, x float64) float64 { return r.a[c] * math.Log1p(x/r.b[c]) }

// hillCurves is β_c·m_cd·x^s/(x^s + K^s): concave for s ≤ 1, S-shaped above.
type hillCurves struct {
	beta, k, s []float64
	mult       [][]float64
}

func (r hillCurves) Channels() int { return len(r.beta) }
func (r hillCurves) Draws() int    { return len(r.mult[0]) }
func (r hillCurves) Contribution(dst []float64, c int, x float64) {
	v := r.meanF(c, x)
	for d, m := range r.mult[c] {
		dst[d] = m * v
	}
}

func (r hillCurves) meanF(c int, x float64) float64 {
	xs := math.Pow(x, r.s[c])
	return r.beta[c] * xs / (xs + math.Pow(r.k[c], r.s[c]))
}

// meanSlope is the analytic derivative of meanF.
func (r hillCurves) meanSlope(c int, x float64) float64 {
	s, k := r.s[c], r.k[c]
	xs, ks := math.Pow(x, s), math.Pow(k, s)
	return r.beta[c] * s * math.Pow(x, s-1) * ks / ((xs + ks) * (xs + ks))
}

// drawCurves is a Hill response whose K and β differ by draw, so channel
// curves are not proportional across draws (as with a real posterior).
type drawCurves struct {
	beta, k [][]float64 // [c][d]
	s       []float64
	ks      [][]float64 // k^s, cached by prepare
}

// prepare caches K^s per draw, as a real model would cache its
// per-draw transforms.
func (r *drawCurves) prepare() {
	r.ks = make([][]float64, len(r.k))
	for c := range r.k {
		r.ks[c] = make([]float64, len(r.k[c]))
		for d, k := range r.k[c] {
			r.ks[c][d] = math.Pow(k, r.s[c])
		}
	}
}

func (r drawCurves) Channels() int { return len(r.beta) }
func (r drawCurves) Draws() int    { return len(r.beta[0]) }
func (r drawCurves) Contribution(dst []float64, c int, x float64) {
	xs := math.Pow(x, r.s[c])
	for d := range dst {
		dst[d] = r.beta[c][d] * xs / (xs + r.ks[c][d])
	}
}

func newDrawCurves(channels, draws int, seed uint64) (drawCurves, []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	r := drawCurves{beta: make([][]float64, channels), k: make([][]float64, channels), s: make([]float64, channels)}
	cur := make([]float64, channels)
	for c := range channels {
		cur[c] = 1e5 * (1 + 4*rng.Float64())
		roi := 1 + 3*rng.Float64()
		k := cur[c] * (0.5 + rng.Float64())
		r.s[c] = 0.8 + 1.6*rng.Float64()
		r.beta[c] = make([]float64, draws)
		r.k[c] = make([]float64, draws)
		for d := range draws {
			r.k[c][d] = k * math.Exp(0.2*rng.NormFloat64())
			r.beta[c][d] = roi * cur[c] * 2 * math.Exp(0.3*rng.NormFloat64())
		}
	}
	r.prepare()
	return r, cur
}

// ones returns multipliers that are all 1 (a posterior of one point).
func ones(channels, draws int) [][]float64 {
	m := make([][]float64, channels)
	for c := range m {
		m[c] = make([]float64, draws)
		for d := range m[c] {
			m[c][d] = 1
		}
	}
	return m
}

// spread returns multipliers 1 ± w in antithetic pairs, so their mean is 1
// exactly and the optimum of the mean is that of the unit curve.
func spread(draws int, w float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 2))
	m := make([]float64, draws)
	for d := 0; d+1 < draws; d += 2 {
		u := w * (2*rng.Float64() - 1)
		m[d], m[d+1] = 1+u, 1-u
	}
	if draws%2 == 1 {
		m[draws-1] = 1
	}
	return m
}

// requireFeasible checks the hard guarantees: the total to 1e-9 relative
// and every bound exactly.
func requireFeasible(t *testing.T, x []float64, lo, hi []float64, total float64) {
	t.Helper()
	var s float64
	for c := range x {
		require.GreaterOrEqual(t, x[c], lo[c], "channel %d below its minimum", c)
		require.LessOrEqual(t, x[c], hi[c], "channel %d above its maximum", c)
		s += x[c]
	}
	require.InDelta(t, total, s, 1e-9*total, "total not met")
}

func boundsLoHi(b []Bounds, cur []float64) (lo, hi []float64) {
	lo, hi = make([]float64, len(b)), make([]float64, len(b))
	for c := range b {
		lo[c], hi[c] = b[c].Min, b[c].Max
		if b[c].Locked {
			lo[c], hi[c] = cur[c], cur[c]
		}
	}
	return lo, hi
}
