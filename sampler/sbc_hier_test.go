package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sbcHier is a small hierarchical model shaped like the geo MMM's pooling
// of geo effects: μ ~ N(0, 1), log τ ~ N(log 0.5, 0.5²), z_j ~ N(0, 1)
// non-centred, θ_j = μ + τ·z_j, y_ij ~ N(θ_j, 1) for J groups of n
// observations. Coordinates: μ, log τ, z_1..z_J.
type sbcHier struct {
	ybar []float64 // group means
	n    float64   // observations per group
}

const sbcHierLogTau = -0.6931471805599453 // log 0.5

func (m sbcHier) Dim() int { return 2 + len(m.ybar) }

func (m sbcHier) LogProbGrad(grad, x []float64) float64 {
	mu, lt := x[0], x[1]
	tau := math.Exp(lt)
	d := (lt - sbcHierLogTau) / 0.5
	lp := -0.5*mu*mu - 0.5*d*d
	grad[0], grad[1] = -mu, -d/0.5
	for j, yb := range m.ybar {
		z := x[2+j]
		e := yb - (mu + tau*z)
		// Σ_i (y_ij − θ_j)² = n·(ȳ_j − θ_j)² + const.
		lp += -0.5*z*z - 0.5*m.n*e*e
		g := m.n * e
		grad[0] += g
		grad[1] += g * tau * z
		grad[2+j] = -z + g*tau
	}
	return lp
}

// TestSBCHierarchical runs simulation-based calibration on sbcHier: the
// ranks of μ, log τ and θ_1 among thinned posterior draws are uniform,
// with the diagonal and with the dense metric.
func TestSBCHierarchical(t *testing.T) {
	t.Run("diagonal", func(t *testing.T) { sbcHierarchical(t, false) })
	t.Run("dense", func(t *testing.T) { sbcHierarchical(t, true) })
}

func sbcHierarchical(t *testing.T, dense bool) {
	reps := 150
	if testing.Short() {
		reps = 40
	}
	const J, n, thin = 4, 3, 4
	cfg := Config{Chains: 2, Warmup: 300, Draws: 200, Workers: 2, TargetAccept: 0.9, DenseMetric: dense}
	l := cfg.Chains * cfg.Draws / thin
	ranks := make([][]int, 3)
	rng := rand.New(rand.NewPCG(200, 3))
	divergent := 0
	for rep := range reps {
		mu, lt := rng.NormFloat64(), sbcHierLogTau+0.5*rng.NormFloat64()
		theta := make([]float64, J)
		m := sbcHier{ybar: make([]float64, J), n: n}
		for j := range J {
			theta[j] = mu + math.Exp(lt)*rng.NormFloat64()
			m.ybar[j] = theta[j] + rng.NormFloat64()/math.Sqrt(n)
		}
		cfg.Seed = uint64(rep)
		r, err := NUTS(context.Background(), func() Target { return m }, cfg)
		require.NoError(t, err)
		truth := []float64{mu, lt, theta[0]}
		var draws [3][]float64
		for _, c := range r.Chains {
			for i := 0; i < len(c.Draws); i += thin {
				x := c.Draws[i]
				draws[0] = append(draws[0], x[0])
				draws[1] = append(draws[1], x[1])
				draws[2] = append(draws[2], x[0]+math.Exp(x[1])*x[2])
			}
			for _, d := range c.Divergent {
				if d {
					divergent++
				}
			}
		}
		for p := range truth {
			rank := 0
			for _, d := range draws[p] {
				if d < truth[p] {
					rank++
				}
			}
			ranks[p] = append(ranks[p], rank)
		}
	}
	t.Logf("%d divergent transitions over %d replications", divergent, reps)
	for p, name := range []string{"mu", "log tau", "theta_1"} {
		x2 := chiSquareUniform(ranks[p], l, 10)
		t.Logf("%s: chi-square %.1f over %d replications", name, x2, reps)
		assert.Lessf(t, x2, chi2Crit999[9], "%s: ranks not uniform (chi-square %.1f, df 9)", name, x2)
	}
}
