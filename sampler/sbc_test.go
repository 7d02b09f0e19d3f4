package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sbcModel is μ ~ N(0, 1), log σ ~ N(0, 0.5²), y_i ~ N(μ, σ): small, but its
// posterior is skewed in log σ, so it exercises more than a Gaussian.
type sbcModel struct{ y []float64 }

func (m sbcModel) Dim() int { return 2 }

func (m sbcModel) LogProbGrad(grad, x []float64) float64 {
	mu, s := x[0], x[1]
	e := math.Exp(-2 * s)
	var ss, ds float64
	for _, v := range m.y {
		ss += (v - mu) * (v - mu)
		ds += v - mu
	}
	n := float64(len(m.y))
	grad[0] = -mu + ds*e
	grad[1] = -s/0.25 - n + ss*e
	return -0.5*mu*mu - 0.5*s*s/0.25 - n*s - 0.5*ss*e
}

// sbcRanks runs simulation-based calibration (Talts et al. 2018): for each
// replication it draws parameters from the prior and data from the model,
// samples the posterior, and records the rank of the true parameter among
// thinned draws. transform, if not nil, distorts the draws (a negative
// control). It returns [param][rep] ranks in 0..l.
func sbcRanks(t *testing.T, reps int, transform func([]float64)) (ranks [][]int, l int) {
	t.Helper()
	const thin = 4
	cfg := Config{Chains: 2, Warmup: 300, Draws: 200, Workers: 2}
	l = cfg.Chains * cfg.Draws / thin
	ranks = make([][]int, 2)
	rng := rand.New(rand.NewPCG(100, 1))
	for rep := range reps {
		truth := []float64{rng.NormFloat64(), 0.5 * rng.NormFloat64()}
		y := make([]float64, 10)
		for i := range y {
			y[i] = truth[0] + math.Exp(truth[1])*rng.NormFloat64()
		}
		m := sbcModel{y: y}
		cfg.Seed = uint64(rep)
		r, err := NUTS(context.Background(), func() Target { return m }, cfg)
		require.NoError(t, err)
		for p := range 2 {
			var draws []float64
			for _, c := range r.Column(p) {
				for i := 0; i < len(c); i += thin {
					draws = append(draws, c[i])
				}
			}
			if transform != nil {
				transform(draws)
			}
			rank := 0
			for _, d := range draws {
				if d < truth[p] {
					rank++
				}
			}
			ranks[p] = append(ranks[p], rank)
		}
	}
	return ranks, l
}

// chiSquareUniform returns the chi-square statistic of ranks in 0..l
// against the uniform distribution, grouped into bins of nearly equal width
// (expected counts follow the number of rank values in each bin).
func chiSquareUniform(ranks []int, l, bins int) float64 {
	counts := make([]float64, bins)
	width := make([]float64, bins)
	for r := 0; r <= l; r++ {
		width[r*bins/(l+1)]++
	}
	for _, r := range ranks {
		counts[r*bins/(l+1)]++
	}
	var x2 float64
	for b, c := range counts {
		want := float64(len(ranks)) * width[b] / float64(l+1)
		x2 += (c - want) * (c - want) / want
	}
	return x2
}

// chi2Crit999 are chi-square 0.999 quantiles by degrees of freedom.
var chi2Crit999 = map[int]float64{9: 27.877, 19: 43.820}

func TestSBC(t *testing.T) {
	reps := 200
	if testing.Short() {
		reps = 50
	}
	ranks, l := sbcRanks(t, reps, nil)
	for p, r := range ranks {
		x2 := chiSquareUniform(r, l, 10)
		t.Logf("parameter %d: chi-square %.1f over %d replications", p, x2, reps)
		assert.Lessf(t, x2, chi2Crit999[9], "parameter %d: ranks not uniform (chi-square %.1f, df 9)", p, x2)
	}
}

// TestSBCDetectsOverconfidence shows the SBC check can fail: posterior draws
// shrunk toward their mean give U-shaped ranks.
func TestSBCDetectsOverconfidence(t *testing.T) {
	shrink := func(d []float64) {
		m, _ := meanVar(d)
		for i := range d {
			d[i] = m + 0.5*(d[i]-m)
		}
	}
	ranks, l := sbcRanks(t, 100, shrink)
	for p, r := range ranks {
		assert.Greaterf(t, chiSquareUniform(r, l, 10), chi2Crit999[9], "parameter %d", p)
	}
}
