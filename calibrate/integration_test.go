package calibrate

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// The terms Observations builds enter mmm's likelihood: conditioning on the
// tests must pull the model's predicted lifts towards the measurements and
// leave their z against the calibrated fit smaller than against the MMM
// alone. Laplace fits keep this fast; the full recovery study is
// TestCalibrationRecovery (-tags long).
func TestObservationsCalibrateMMM(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the MMM twice")
	}
	w, err := simulate.Generate(simulate.Options{Seed: 4})
	require.NoError(t, err)
	d := mmm.Data{Dates: w.Dates, StepDays: 7, KPI: w.KPI, ControlNames: w.ControlNames, Controls: w.Controls}
	for _, ch := range w.Channels {
		d.Channels = append(d.Channels, ch.Name)
		d.Spend = append(d.Spend, ch.Spend)
	}
	cal := Calendar{Calendar: civil.Calendar{Dates: d.Dates, StepDays: 7}, Channels: d.Channels, Spend: d.Spend}
	var tests []lift.Test
	for _, st := range w.LiftTests {
		typ, err := lift.ParseType(st.Type)
		require.NoError(t, err)
		se := st.SE
		if se == 0 {
			se = (st.CIUpper - st.CILower) / (2 * map[float64]float64{0.9: 1.6448536269514722, 0.95: 1.959963984540054}[st.Confidence])
		}
		tests = append(tests, lift.Test{ID: st.ID, Channel: st.Channel, Start: st.Start, End: st.End, CooldownEnd: st.CooldownEnd,
			Spend: st.Spend, Incremental: st.Incremental, SE: se, ScopeShare: st.ScopeShare, Type: typ, Include: true})
	}
	all, ok, warns := Observations(tests, cal)
	require.NotContains(t, ok, false, "%v", warns)
	obs := Lifts(tests, all, ok)

	fit := func(lifts []mmm.LiftObs) *mmm.Posterior {
		s := mmm.DefaultSpec(d)
		s.Lifts = lifts
		m, err := mmm.NewModel(d, s)
		require.NoError(t, err)
		p, err := mmm.Fit(context.Background(), m, mmm.FitConfig{Method: mmm.Laplace, Sampler: sampler.Config{Draws: 500, Seed: 1}})
		require.NoError(t, err)
		return p
	}
	alone, calib := fit(nil), fit(obs)
	var zAlone, zCalib float64
	for k, o := range obs {
		za := zOf(tests[k], alone.LiftDraws(o))
		zc := zOf(tests[k], calib.LiftDraws(o))
		t.Logf("%s on %s: measured %.0f ± %.0f, z alone %.2f, calibrated %.2f", tests[k].ID, tests[k].Channel, tests[k].Incremental, tests[k].SE, za, zc)
		zAlone += za * za
		zCalib += zc * zc
	}
	assert.Less(t, zCalib, zAlone)
	assert.Less(t, zCalib/float64(len(obs)), 1.0, "calibrated predictions agree with the tests within their SEs")
}

func zOf(t lift.Test, pred []float64) float64 {
	mu, sd := meanSD(pred)
	return (t.Incremental - mu) / math.Hypot(t.SE, sd)
}
