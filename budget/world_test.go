package budget

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// world is a known truth (one draw of Hill curves) and a posterior around
// it whose centre misses the truth by bias posterior sds per channel, as a
// fitted model would.
func world(seed uint64, channels, draws int, bias float64) (truth, post drawCurves, cur []float64) {
	rng := rand.New(rand.NewPCG(seed, 3))
	truth = drawCurves{beta: make([][]float64, channels), k: make([][]float64, channels), s: make([]float64, channels)}
	post = drawCurves{beta: make([][]float64, channels), k: make([][]float64, channels), s: make([]float64, channels)}
	cur = make([]float64, channels)
	const sdB, sdK = 0.25, 0.2
	for c := range channels {
		cur[c] = 1e5 * (1 + 4*rng.Float64())
		k := cur[c] * (0.3 + 1.5*rng.Float64())
		s := 0.7 + 1.8*rng.Float64()
		beta := (0.5 + 3*rng.Float64()) * cur[c] * 2
		truth.s[c], post.s[c] = s, s
		truth.beta[c], truth.k[c] = []float64{beta}, []float64{k}
		cb := beta * math.Exp(bias*sdB*rng.NormFloat64())
		ck := k * math.Exp(bias*sdK*rng.NormFloat64())
		post.beta[c], post.k[c] = make([]float64, draws), make([]float64, draws)
		for d := range draws {
			post.beta[c][d] = cb * math.Exp(sdB*rng.NormFloat64())
			post.k[c][d] = ck * math.Exp(sdK*rng.NormFloat64())
		}
	}
	truth.prepare()
	post.prepare()
	return truth, post, cur
}

func TestEfficiencyInSimulatedWorlds(t *testing.T) {
	// The target: a plan optimised under the posterior earns at
	// least 60% of the gain of the true optimum, measured on the truth.
	worlds := 20
	if testing.Short() {
		worlds = 5
	}
	for _, bias := range []float64{0, 1} {
		var effs []float64
		for w := range worlds {
			truth, post, cur := world(uint64(100+w), 6, 200, bias)
			p := Problem{Current: cur}
			plan, err := Optimize(post, p, 0.9)
			require.NoError(t, err)
			eff, err := Efficiency(truth, p, plan.Recommended)
			require.NoError(t, err)
			effs = append(effs, eff)
		}
		mean, worst := meanOf(effs), effs[0]
		for _, e := range effs {
			worst = math.Min(worst, e)
		}
		t.Logf("bias %g sd: efficiency mean %.3f, worst %.3f over %d worlds", bias, mean, worst, worlds)
		if bias == 0 {
			assert.Greater(t, worst, 0.9)
		}
		assert.Greater(t, mean, 0.6)
	}
}
