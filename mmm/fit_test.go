package mmm

import (
	"context"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

func fitWorld(t testing.TB, w simWorld, cfg FitConfig) *Posterior {
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	start := time.Now()
	p, err := Fit(context.Background(), m, cfg)
	require.NoError(t, err)
	d := p.Diagnostics()
	t.Logf("fit %v: rhat %.3f essbulk %.0f div %d treehits %d warnings %v", time.Since(start), d.RHatMax, d.ESSBulkMin, d.Divergences, d.TreeDepthHits, d.Warnings)
	for i, ch := range p.Result().Chains {
		nl := 0
		for _, v := range ch.NumLeapfrog {
			nl += v
		}
		t.Logf("chain %d: step %.3g mean leapfrog %.1f", i, ch.StepSize, float64(nl)/float64(len(ch.NumLeapfrog)))
	}
	return p
}

func TestRecoveryShort(t *testing.T) {
	w := simWorldGen(11, simOptions{n: 104, channels: 3, trend: true, fourier: 2, controls: 1, noise: 0.04})
	p := fitWorld(t, w, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}})
	d := p.Diagnostics()
	assert.Less(t, d.RHatMax, 1.05)
	covered := 0
	for c, ch := range w.truth {
		roi := stat.Summarize(p.ParamDraws("roi["+w.data.Channels[c]+"]"), 0.9)
		t.Logf("%s: true ROI %.2f, posterior %.2f [%.2f, %.2f]", w.data.Channels[c], ch.roi, roi.Mean, roi.Lo, roi.Hi)
		if roi.Lo <= ch.roi && ch.roi <= roi.Hi {
			covered++
		}
	}
	assert.GreaterOrEqual(t, covered, 2)
}

// Weibull adstock on a world whose carryover is Weibull: the sampler mixes
// and the ROIs and the carryover weights are recovered.
func TestRecoveryShortWeibull(t *testing.T) {
	w := simWorldGen(12, simOptions{n: 104, channels: 4, weibull: true, trend: true, fourier: 1, noise: 0.03})
	p := fitWorld(t, w, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}})
	assert.Less(t, p.Diagnostics().RHatMax, 1.05)
	covered, weightsCovered, weights := 0, 0, 0
	for c, ch := range w.truth {
		roi := stat.Summarize(p.ParamDraws("roi["+w.data.Channels[c]+"]"), 0.9)
		t.Logf("%s (%v): true ROI %.2f, posterior %.2f [%.2f, %.2f]", w.data.Channels[c], ch.adstock, ch.roi, roi.Mean, roi.Lo, roi.Hi)
		if roi.Lo <= ch.roi && ch.roi <= roi.Hi {
			covered++
		}
		if ch.adstock != "weibull" {
			continue
		}
		for l, iv := range p.AdstockWeights(c, 0.9) {
			weights++
			if tw := simWeights(ch)[l]; iv.Lo-0.02 <= tw && tw <= iv.Hi+0.02 {
				weightsCovered++
			}
		}
	}
	assert.GreaterOrEqual(t, covered, 3)
	assert.GreaterOrEqual(t, float64(weightsCovered), 0.8*float64(weights), "Weibull lag weights within their intervals")
}

// Daily data: the day-of-week effects are recovered, and without them the
// same data fit clearly worse.
func TestRecoveryShortDaily(t *testing.T) {
	w := simWorldGen(13, simOptions{n: 280, channels: 2, trend: true, noise: 0.03, daily: true})
	require.True(t, w.spec.Weekday, "on by default for daily data")
	p := fitWorld(t, w, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}})
	assert.Less(t, p.Diagnostics().RHatMax, 1.05)
	// The simulator's baseline is in units of its level (100000); the model's
	// in units of the mean KPI.
	yBar := 0.0
	for _, v := range w.data.KPI {
		yBar += v / float64(len(w.data.KPI))
	}
	covered := 0
	for i, day := range []string{"Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		iv := stat.Summarize(p.ParamDraws("weekday["+day+"]"), 0.9)
		truth := w.params.Weekday[i] * 100000 / yBar
		t.Logf("%s: true %.3f, posterior %.3f [%.3f, %.3f]", day, truth, iv.Mean, iv.Lo, iv.Hi)
		if iv.Lo <= truth && truth <= iv.Hi {
			covered++
		}
	}
	assert.GreaterOrEqual(t, covered, 5)

	off := w
	off.spec.Weekday = false
	q := fitWorld(t, off, FitConfig{Method: Laplace, Sampler: sampler.Config{Seed: 1}})
	pm, qm := p.Fit(0.9), q.Fit(0.9)
	t.Logf("R² with weekday effects %.3f, without %.3f", pm.R2.Mean, qm.R2.Mean)
	assert.Greater(t, pm.R2.Mean, qm.R2.Mean+0.1)
}

// One seed gives byte-identical draws and summaries whatever the number of
// workers and GOMAXPROCS.
func TestFitDeterministic(t *testing.T) {
	w := simWorldGen(12, simOptions{n: 60, channels: 2, trend: true, noise: 0.05})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	run := func(workers, procs int) ([][]float64, []ChannelSummary) {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 60, Draws: 40, Seed: 5, Workers: workers}})
		require.NoError(t, err)
		return p.x, p.ChannelSummary(0.9)
	}
	x1, s1 := run(1, 1)
	x2, s2 := run(2, 2)
	assert.Equal(t, x1, x2)
	assert.Equal(t, s1, s2)
	p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 60, Draws: 40, Seed: 6}})
	require.NoError(t, err)
	assert.NotEqual(t, x1, p.x)
}

func TestFitLaplace(t *testing.T) {
	w := simWorldGen(13, simOptions{n: 104, channels: 3, trend: true, fourier: 2, noise: 0.04})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := Fit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 500, Seed: 1}})
	require.NoError(t, err)
	assert.Equal(t, "laplace", p.Method())
	assert.Equal(t, 500, p.Draws())
	// The Laplace fit's ROIs land near NUTS's on the same data.
	q := fitWorld(t, w, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}})
	for c, name := range w.data.Channels {
		a := stat.Summarize(p.ParamDraws("roi["+name+"]"), 0.9)
		b := stat.Summarize(q.ParamDraws("roi["+name+"]"), 0.9)
		t.Logf("%s: laplace %.2f [%.2f, %.2f], nuts %.2f [%.2f, %.2f], truth %.2f", name, a.Mean, a.Lo, a.Hi, b.Mean, b.Lo, b.Hi, w.truth[c].roi)
		assert.InDelta(t, math.Log(b.Mean), math.Log(a.Mean), 0.5)
	}
	_, err = Fit(context.Background(), m, FitConfig{Method: Method(7)})
	assert.Error(t, err)
}

func TestFitCancel(t *testing.T) {
	w := simWorldGen(14, simOptions{n: 60, channels: 2})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Fit(ctx, m, FitConfig{})
	assert.ErrorIs(t, err, context.Canceled)
}
