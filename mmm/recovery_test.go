package mmm

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// recovery is the truth-recovery score of one fit.
type recovery struct {
	channels, covered   int
	absROIErr           float64 // Σ |ROI_est − ROI_true|
	weightedErr         float64 // Σ |ROI_est − ROI_true|·spend
	trueMedia           float64
	estMedia            float64
	rhat                float64
	divergences         int
	seconds             float64
	lifts, liftsCovered int
	mroiCovered         int
	tested              int     // channels with a lift test
	testedWidth         float64 // Σ log(hi/lo) of their ROI intervals
}

// worldData turns a simulated world into model inputs, declaring each
// channel's adstock kind as the world's config does.
func worldData(w *simulate.World) (Data, Spec) {
	d := Data{Dates: w.Dates, StepDays: 7, KPI: w.KPI, ControlNames: w.ControlNames, Controls: w.Controls}
	for _, c := range w.Channels {
		d.Channels = append(d.Channels, c.Name)
		d.Spend = append(d.Spend, c.Spend)
	}
	s := DefaultSpec(d)
	for i, c := range w.Channels {
		if c.Response.Adstock.Kind == "delayed" {
			s.Channels[i].Adstock = DelayedAdstock{}
		}
	}
	return d, s
}

// worldLifts turns the world's lift tests into likelihood terms.
func worldLifts(w *simulate.World) []LiftObs {
	var obs []LiftObs
	for _, tt := range w.Truth.Tests {
		o := LiftObs{Channel: w.Channel(tt.Channel), Start: tt.StartWeek, Scope: tt.Scope,
			Measured: tt.Measured, SD: tt.SE, HeavyUp: tt.Type == "heavy_up"}
		for i := tt.StartWeek; i <= tt.EndWeek; i++ {
			o.Moved = append(o.Moved, tt.Moved)
		}
		for i := tt.StartWeek; i <= tt.MeasureEndWeek; i++ {
			o.Measure = append(o.Measure, 1)
		}
		obs = append(obs, o)
	}
	return obs
}

func recoverWorld(t testing.TB, seed uint64, cfg FitConfig, level float64) recovery {
	return recoverWorldLifts(t, seed, cfg, level, false)
}

func recoverWorldLifts(t testing.TB, seed uint64, cfg FitConfig, level float64, calibrate bool) recovery {
	w, err := simulate.Generate(simulate.Options{Seed: seed})
	require.NoError(t, err)
	d, s := worldData(w)
	if calibrate {
		s.Lifts = worldLifts(w)
	}
	m, err := NewModel(d, s)
	require.NoError(t, err)
	start := time.Now()
	p, err := Fit(context.Background(), m, cfg)
	require.NoError(t, err)
	r := recovery{seconds: time.Since(start).Seconds()}
	diag := p.Diagnostics()
	r.rhat, r.divergences = diag.RHatMax, diag.Divergences
	tested := map[int]bool{}
	for _, o := range worldLifts(w) {
		tested[o.Channel] = true
	}
	for k, o := range s.Lifts {
		tr := w.Truth.Tests[k]
		lift := stat.Summarize(p.LiftDraws(o), level)
		r.lifts++
		if lift.Lo <= tr.Lift && tr.Lift <= lift.Hi {
			r.liftsCovered++
		}
		t.Logf("seed %d test %s (%s): true lift %.0f measured %.0f ± %.0f, model %.0f [%.0f, %.0f]", seed, tr.ID, tr.Channel, tr.Lift, tr.Measured, tr.SE, lift.Mean, lift.Lo, lift.Hi)
	}
	for c, cs := range p.ChannelSummary(level) {
		tr := w.Truth.Channels[c]
		r.channels++
		if cs.ROI.Lo <= tr.ROI && tr.ROI <= cs.ROI.Hi {
			r.covered++
		}
		if cs.MROI.Lo <= tr.MROI && tr.MROI <= cs.MROI.Hi {
			r.mroiCovered++
		}
		if tested[c] {
			r.testedWidth += math.Log(cs.ROI.Hi / cs.ROI.Lo)
			r.tested++
		}
		e := math.Abs(cs.ROI.Mean - tr.ROI)
		r.absROIErr += e
		r.weightedErr += e * tr.Spend
		r.trueMedia += tr.Contribution
		r.estMedia += cs.Contribution.Mean
		t.Logf("seed %d %-8s ROI true %.2f est %.2f [%.2f, %.2f]  mROI true %.2f est %.2f [%.2f, %.2f]", seed, cs.Name, tr.ROI, cs.ROI.Mean, cs.ROI.Lo, cs.ROI.Hi, tr.MROI, cs.MROI.Mean, cs.MROI.Lo, cs.MROI.Hi)
	}
	t.Logf("seed %d: covered %d/%d, weighted error %.3f, media error %+.1f%%, rhat %.3f, divergences %d, %.1fs",
		seed, r.covered, r.channels, r.weightedErr/r.trueMedia, 100*(r.estMedia/r.trueMedia-1), r.rhat, r.divergences, r.seconds)
	return r
}

func reportRecovery(t testing.TB, rs []recovery) (coverage float64) {
	var tot recovery
	meanW := 0.0
	for _, r := range rs {
		tot.channels += r.channels
		tot.covered += r.covered
		tot.mroiCovered += r.mroiCovered
		tot.absROIErr += r.absROIErr
		meanW += r.weightedErr / r.trueMedia
		tot.seconds += r.seconds
		tot.estMedia += math.Abs(r.estMedia/r.trueMedia - 1)
	}
	coverage = float64(tot.covered) / float64(tot.channels)
	t.Logf("over %d worlds: marginal ROI coverage %.2f", len(rs), float64(tot.mroiCovered)/float64(tot.channels))
	t.Logf("over %d worlds: coverage %.2f, mean abs ROI error %.3f, mean spend-weighted contribution error %.3f, mean abs total-media error %.1f%%, mean %.1fs per fit",
		len(rs), coverage, tot.absROIErr/float64(tot.channels), meanW/float64(len(rs)), 100*tot.estMedia/float64(len(rs)), tot.seconds/float64(len(rs)))
	return coverage
}

// TestRecoverySimulatedWorld fits one default simulated world (156 weeks,
// 6 channels, curved trend: slightly misspecified) with a short run.
func TestRecoverySimulatedWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	r := recoverWorld(t, 1, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 1}}, 0.9)
	require.Less(t, r.rhat, 1.1)
	require.GreaterOrEqual(t, r.covered, 4, "90%% intervals should cover most true ROIs")
}

// TestCalibrationSimulatedWorld adds the world's lift tests: the predicted
// lifts must cover the true lifts and the tested channels' ROI intervals
// narrow.
func TestCalibrationSimulatedWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	cfg := FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 2}}
	alone := recoverWorldLifts(t, 2, cfg, 0.9, false)
	cal := recoverWorldLifts(t, 2, cfg, 0.9, true)
	require.Greater(t, cal.lifts, 0)
	require.GreaterOrEqual(t, cal.liftsCovered, cal.lifts-1)
	require.Less(t, cal.testedWidth, alone.testedWidth)
	require.GreaterOrEqual(t, cal.covered, 4)
}

// TestHoldoutFit keeps the last quarter out of the likelihood: the
// out-of-sample error must stay near the noise level (3–6% of revenue).
func TestHoldoutFit(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	w, err := simulate.Generate(simulate.Options{Seed: 3})
	require.NoError(t, err)
	d, s := worldData(w)
	s.Holdout = 13
	m, err := NewModel(d, s)
	require.NoError(t, err)
	p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 3}})
	require.NoError(t, err)
	fm := p.Fit(0.9)
	require.NotNil(t, fm.Holdout)
	t.Logf("in sample: R² %.3f MAPE %.3f NRMSE %.3f; holdout: R² %.3f MAPE %.3f NRMSE %.3f",
		fm.InSample.R2, fm.InSample.MAPE, fm.InSample.NRMSE, fm.Holdout.R2, fm.Holdout.MAPE, fm.Holdout.NRMSE)
	require.Equal(t, 13, fm.Holdout.N)
	require.Less(t, fm.InSample.MAPE, 0.06)
	require.Less(t, fm.Holdout.MAPE, 0.1)
	require.Greater(t, fm.InSample.R2, 0.5)
	require.Equal(t, 143, p.Decomposition(0.9).HoldoutStart)
}
