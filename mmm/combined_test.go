package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// combinedWorld is a simulated world whose lift tests are replaced by one
// combined test on channels 0 and 1 (and, when three, 2).
func combinedWorld(seed uint64, o simOptions, three bool) (simWorld, LiftObs) {
	w := simWorldGen(seed, o)
	obs := LiftObs{Channel: 0, Start: 14, Moved: []float64{1, 1, 0.5}, Measure: []float64{1, 1, 1, 1, 1},
		Scope: 0.3, Measured: 5000, SD: 900,
		Also: []LiftPart{{Channel: 1, Moved: []float64{0.8, 0.8, 0.8}}}}
	if three {
		obs.Also = append(obs.Also, LiftPart{Channel: 2, Moved: []float64{1, 0, 1}})
	}
	w.spec.Lifts = []LiftObs{obs}
	return w, obs
}

func TestCombinedLiftGradient(t *testing.T) {
	for i, o := range []simOptions{
		{n: 60, channels: 3, trend: true, noise: 0.05},
		{n: 70, channels: 4, delayed: true, logistic: true, holdout: 4, noise: 0.05},
	} {
		w, _ := combinedWorld(uint64(i+41), o, i == 1)
		m, err := NewModel(w.data, w.spec)
		require.NoError(t, err)
		checkGradientAround(t, m, w.params, uint64(i))
	}
}

// The combined test's likelihood is Normal(measured; Σ_c lift_c, SD²),
// each lift_c recovered from the single-channel model's log density at two
// measured values (the density is quadratic in them).
func TestCombinedLiftIsTheSum(t *testing.T) {
	w, obs := combinedWorld(43, simOptions{n: 60, channels: 3, trend: true, noise: 0.05}, true)
	lp := func(lifts []LiftObs, x []float64) float64 {
		s := w.spec
		s.Lifts = lifts
		m, err := NewModel(w.data, s)
		require.NoError(t, err)
		return m.LogProbGrad(make([]float64, m.Dim()), x)
	}
	none := w.spec
	none.Lifts = nil
	m0, err := NewModel(w.data, none)
	require.NoError(t, err)
	x, err := m0.Unconstrain(w.params)
	require.NoError(t, err)
	base := lp(nil, x)
	v := obs.SD * obs.SD
	sum := 0.0
	parts := append([]LiftPart{{Channel: obs.Channel, Moved: obs.Moved}}, obs.Also...)
	for _, p := range parts {
		one := obs
		one.Channel, one.Moved, one.Also = p.Channel, p.Moved, nil
		one.Measured = 0
		l0 := lp([]LiftObs{one}, x) - base
		one.Measured = 1
		l1 := lp([]LiftObs{one}, x) - base
		sum += (1 + 2*v*(l1-l0)) / 2
	}
	got := lp([]LiftObs{obs}, x) - base
	want := -0.5 * (obs.Measured - sum) * (obs.Measured - sum) / v
	assert.InDelta(t, want, got, 1e-6*math.Max(1, math.Abs(want)))
	assert.NotZero(t, sum)
}
