package mmm

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"

	"github.com/triad-mmm/triad/sampler"
)

// unitsWorld turns a simulated world into one where channel 0 is driven
// by impressions bought at a cost per impression that doubles over the
// panel (its spend no longer tracks what works) and channel 1 is organic
// (its units drove the KPI; it has no spend). The KPI is unchanged, so
// the truth is: channel 0's contribution over its spend, channel 1's
// contribution as a share of the KPI.
func unitsWorld(seed uint64, o simOptions) (simWorld, []float64) {
	w := simWorldGen(seed, o)
	d := &w.data
	n := len(d.KPI)
	d.Units = make([][]float64, len(d.Channels))
	d.Units[0] = d.Spend[0]
	cpm := make([]float64, n)
	for t := range n {
		cpm[t] = 0.01 * (1 + float64(t)/float64(n))
	}
	spend0 := make([]float64, n)
	for t, u := range d.Units[0] {
		spend0[t] = u * cpm[t]
	}
	d.Spend = append([][]float64(nil), d.Spend...)
	d.Spend[0] = spend0
	d.Units[1] = d.Spend[1]
	d.Spend[1] = make([]float64, n)
	nFit := n - o.holdout
	kpi, sp := 0.0, 0.0
	for t := range nFit {
		kpi += d.KPI[t]
		sp += spend0[t]
	}
	// Truth on the model's parameter scale: ROI of channel 0 in money, share
	// of the KPI for channel 1.
	truth := []float64{w.contrib[0] / sp, w.contrib[1] / kpi}
	w.params.Channels[0].ROI = truth[0]
	w.params.Channels[1].ROI = truth[1]
	return w, truth
}

func TestUnitsAndOrganicGradient(t *testing.T) {
	for i, o := range []simOptions{
		{n: 60, channels: 3, trend: true, fourier: 1, controls: 1},
		{n: 80, channels: 4, lifts: 4, delayed: true, logistic: true, holdout: 5},
	} {
		o.noise = 0.05
		w, _ := unitsWorld(uint64(i+11), o)
		if o.lifts > 0 {
			w.spec.LiftTau = 300
		}
		m, err := NewModel(w.data, w.spec)
		require.NoError(t, err)
		assert.False(t, m.Organic(0))
		assert.True(t, m.Organic(1))
		assert.Contains(t, m.ParamNames(), "share[search]")
		checkGradientAround(t, m, w.params, uint64(i))
	}
}

// The organic channel's contribution and the impressions channel's ROI
// (on spend whose cost per impression doubles) are recovered, and the
// organic channel has no ROI.
func TestUnitsAndOrganicRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	w, truth := unitsWorld(21, simOptions{n: 156, channels: 3, trend: true, fourier: 2, noise: 0.03})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 5}})
	require.NoError(t, err)
	s := p.ChannelSummary(0.9)
	roi := s[0].ROI
	t.Logf("impressions channel ROI %.3f (%.3f–%.3f), truth %.3f", roi.Mean, roi.Lo, roi.Hi, truth[0])
	assert.True(t, roi.Lo < truth[0] && truth[0] < roi.Hi)
	kpi := 0.0
	for _, v := range w.data.KPI {
		kpi += v
	}
	c := s[1].Contribution
	t.Logf("organic contribution %.0f (%.0f–%.0f), truth %.0f (share %.3f)", c.Mean, c.Lo, c.Hi, w.contrib[1], truth[1])
	assert.True(t, c.Lo < w.contrib[1] && w.contrib[1] < c.Hi)
	assert.True(t, math.IsNaN(s[1].ROI.Mean), "organic channels have no ROI")
	assert.Zero(t, s[1].Spend)
}

// checkGradientStep is checkGradient with the finite-difference step h:
// log densities of tens of thousands (a poor fit far from the truth) need a
// larger step than 1e-6 for the difference to rise above rounding.
func checkGradientStep(t *testing.T, m *Model, x []float64, h float64) {
	t.Helper()
	grad := make([]float64, m.Dim())
	lp := m.LogProbGrad(grad, x)
	require.False(t, math.IsInf(lp, 0) || math.IsNaN(lp), "log density %g", lp)
	g := make([]float64, m.Dim())
	num := fd.Gradient(nil, func(x []float64) float64 { return m.LogProbGrad(g, x) }, x, &fd.Settings{Formula: fd.Central, Step: h})
	names := m.ParamNames()
	for i := range grad {
		assert.InDelta(t, num[i], grad[i], 1e-5*math.Max(1, math.Abs(num[i])), "d/d %s", names[i])
	}
}

// checkGradientAround checks the gradient of the model at params and at
// two points around them (every coordinate moved by N(0, 0.25²)).
func checkGradientAround(t *testing.T, m *Model, params Params, seed uint64) {
	t.Helper()
	x0, err := m.Unconstrain(params)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(seed, 3))
	for rep := range 3 {
		x := append([]float64(nil), x0...)
		if rep > 0 {
			for j := range x {
				x[j] += 0.25 * rng.NormFloat64()
			}
		}
		checkGradientStep(t, m, x, 1e-5)
	}
}

// A test on an organic channel measures its contribution over the
// measurement window: the gradient matches finite differences, and the
// posterior's predicted lift is the channel's contribution there.
func TestOrganicContributionLift(t *testing.T) {
	w, _ := unitsWorld(13, simOptions{n: 80, channels: 3, trend: true, noise: 0.05})
	obs := LiftObs{Channel: 1, Start: 30, Moved: []float64{1, 1, 1, 1}, Measure: []float64{1, 1, 1, 1, 0.5}, Scope: 1,
		Measured: 2000, SD: 800, Contribution: true}
	w.spec.Lifts = []LiftObs{obs}
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	checkGradientAround(t, m, w.params, 4)

	x, err := m.Unconstrain(w.params)
	require.NoError(t, err)
	p := fixedPosterior(t, m, [][]float64{x})
	per := p.PeriodContributions(1)[0]
	want := 0.0
	for i, wt := range obs.Measure {
		want += wt * per[obs.Start+i]
	}
	got := p.LiftDraws(obs)
	require.Len(t, got, 1)
	assert.InDelta(t, want, got[0], 1e-9*want)
	// The likelihood uses the same lift: its log density at lift = Measured
	// is the largest.
	lpAt := func(measured float64) float64 {
		s := w.spec
		o := obs
		o.Measured = measured
		s.Lifts = []LiftObs{o}
		mm, err := NewModel(w.data, s)
		require.NoError(t, err)
		return mm.LogProbGrad(make([]float64, mm.Dim()), x)
	}
	assert.Greater(t, lpAt(want), lpAt(want+100))
	assert.Greater(t, lpAt(want), lpAt(want-100))

	bad := obs
	bad.HeavyUp = true
	w.spec.Lifts = []LiftObs{bad}
	_, err = NewModel(w.data, w.spec)
	assert.ErrorContains(t, err, "a contribution test is neither a heavy-up nor on several channels")
}
