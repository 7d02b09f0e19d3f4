package budget

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/stat"
)

func TestQuantileObjectivePrefersTheSurerChannel(t *testing.T) {
	// Two channels with the same mean curve a·log(1+x/b); channel 0 is
	// known exactly, channel 1 is uncertain by a factor m_d in 1 ± 0.9. The
	// mean objective splits evenly. The q-quantile of the total
	// f(x0) + m_d·f(x1) is f(x0) + Q_q(m)·f(x1), maximised where
	// a/(b+x0) = Q_q(m)·a/(b+x1): x0 = (T + b(1 − Q_q(m)))/(1 + Q_q(m)).
	const nd, q = 4000, 0.1
	m := spread(nd, 0.9, 5)
	r := logCurves{a: []float64{1e5, 1e5}, b: []float64{5e4, 5e4}, mult: [][]float64{ones(1, nd)[0], m}}
	cur := []float64{1e5, 1e5}
	total := 2e5
	b := wide(2, 2e5)

	meanPlan, err := Optimize(r, Problem{Current: cur, Bounds: b}, 0.9)
	require.NoError(t, err)
	assert.InEpsilon(t, 1e5, meanPlan.Recommended[0], 1e-7)

	plan, err := Optimize(r, Problem{Current: cur, Bounds: b, Objective: Quantile{Q: q}}, 0.9)
	require.NoError(t, err)
	lo, hi := boundsLoHi(b, cur)
	requireFeasible(t, plan.Recommended, lo, hi, total)

	ms := slices.Clone(m)
	slices.Sort(ms)
	h := q * float64(nd-1)
	i := int(h)
	qm := ms[i] + (h-float64(i))*(ms[i+1]-ms[i])
	want := (total + r.b[0]*(1-qm)) / (1 + qm)
	assert.InDelta(t, want, plan.Recommended[0], 5e-4*total)

	qOf := func(x []float64) float64 { return r.meanF(0, x[0]) + qm*r.meanF(1, x[1]) }
	assert.InEpsilon(t, qOf([]float64{want, total - want}), qOf(plan.Recommended), 1e-6)
	assert.Greater(t, qOf(plan.Recommended), qOf(meanPlan.Recommended)*1.01)

	// The risk-averse plan narrows the posterior of the total: its
	// per-draw spread is the uncertain channel's share.
	sd := func(x []float64) float64 {
		f1 := r.meanF(1, x[1])
		var v float64
		for _, md := range m {
			v += (md - 1) * f1 * (md - 1) * f1
		}
		return math.Sqrt(v / nd)
	}
	assert.Less(t, sd(plan.Recommended), 0.8*sd(meanPlan.Recommended))
	assert.Less(t, plan.RecommendedKPI.Hi-plan.RecommendedKPI.Lo, meanPlan.RecommendedKPI.Hi-meanPlan.RecommendedKPI.Lo)
	// And it gives up a little of the mean for it.
	assert.Less(t, plan.RecommendedKPI.Mean, meanPlan.RecommendedKPI.Mean)
}

func TestQuantileObjectiveNeverWorseThanMeanPlan(t *testing.T) {
	r, cur := newDrawCurves(5, 500, 21)
	for _, q := range []float64{0.05, 0.25, 0.5} {
		meanPlan, err := Optimize(r, Problem{Current: cur}, 0.9)
		require.NoError(t, err)
		plan, err := Optimize(r, Problem{Current: cur, Objective: Quantile{Q: q}}, 0.9)
		require.NoError(t, err)
		lo, hi := boundsLoHi(DefaultBounds(cur, 0.3), cur)
		requireFeasible(t, plan.Recommended, lo, hi, stat.Sum(cur))
		assert.GreaterOrEqual(t, totalQuantile(r, plan.Recommended, q), totalQuantile(r, meanPlan.Recommended, q))
	}
}

// totalQuantile computes the q-quantile of the total contribution directly.
func totalQuantile(r Response, x []float64, q float64) float64 {
	tot := make([]float64, r.Draws())
	buf := make([]float64, r.Draws())
	for c := range x {
		r.Contribution(buf, c, x[c])
		for d, v := range buf {
			tot[d] += v
		}
	}
	slices.Sort(tot)
	h := q * float64(len(tot)-1)
	i := int(h)
	return tot[i] + (h-float64(i))*(tot[i+1]-tot[i])
}
