package mmm

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// fixedPosterior wraps given unconstrained draws as a posterior, so that
// summaries can be checked against direct computations.
func fixedPosterior(t *testing.T, m *Model, draws [][]float64) *Posterior {
	t.Helper()
	res := &sampler.Result{Method: "nuts", Dim: m.Dim(), Chains: []sampler.Chain{{Draws: draws}}}
	p, err := newPosterior(m, res, 10)
	require.NoError(t, err)
	return p
}

func randomDraws(m *Model, n int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	x0 := m.center()
	out := make([][]float64, n)
	for d := range out {
		x := make([]float64, m.Dim())
		for i := range x {
			x[i] = x0[i] + 0.3*rng.NormFloat64()
		}
		out[d] = x
	}
	return out
}

func TestSummaryROIIdentity(t *testing.T) {
	w := simWorldGen(4, simOptions{n: 80, channels: 3, delayed: true, logistic: true, trend: true, fourier: 1, controls: 1})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p := fixedPosterior(t, m, randomDraws(m, 300, 1))
	cs := p.ChannelSummary(0.9)
	for c, s := range cs {
		roi := stat.Summarize(p.ParamDraws("roi["+s.Name+"]"), 0.9)
		assert.InEpsilon(t, roi.Mean, s.ROI.Mean, 1e-10, "channel %d", c)
		assert.InEpsilon(t, roi.Lo, s.ROI.Lo, 1e-10)
		assert.InEpsilon(t, roi.Hi, s.ROI.Hi, 1e-10)
		assert.InEpsilon(t, roi.Mean*s.Spend, s.Contribution.Mean, 1e-10)
		// Diminishing returns: Hill with slope ≥ 1 can be convex at low
		// spend, but the marginal ROI is positive.
		assert.Greater(t, s.MROI.Lo, 0.0)
	}
}

// The marginal ROI against a finite difference computed directly by the
// simulator's transforms for one draw.
func TestMROIDirect(t *testing.T) {
	w := simWorldGen(6, simOptions{n: 80, channels: 2, delayed: true, logistic: true})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	draws := randomDraws(m, 1, 2)
	p := fixedPosterior(t, m, draws)
	par := m.Constrain(draws[0])
	cs := p.ChannelSummary(0.9)
	for c, cp := range par.Channels {
		sc := w.truth[c].withParams(cp)
		x := m.ch[c].x
		up := make([]float64, len(x))
		for i, v := range x {
			up[i] = 1.01 * v
		}
		s0, s1 := simSat(sc, x), simSat(sc, up)
		d0, d1, spend := 0.0, 0.0, 0.0
		for i := range s0 {
			d0 += cp.Beta * s0[i]
			d1 += cp.Beta * s1[i]
			spend += w.data.Spend[c][i]
		}
		assert.InEpsilon(t, (d1-d0)/(0.01*spend), cs[c].MROI.Mean, 1e-9)
	}
}

func TestLiftDrawsDirect(t *testing.T) {
	w := simWorldGen(7, simOptions{n: 80, channels: 2, delayed: true, logistic: true, lifts: 2})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	draws := randomDraws(m, 3, 3)
	p := fixedPosterior(t, m, draws)
	for _, obs := range w.spec.Lifts {
		got := p.LiftDraws(obs)
		require.Len(t, got, 3)
		for d, x := range draws {
			cp := m.Constrain(x).Channels[obs.Channel]
			c := obs.Channel
			sc := w.truth[c].withParams(cp)
			base := m.ch[c].x
			mod := append([]float64(nil), base...)
			for i, r := range obs.Moved {
				if obs.HeavyUp {
					mod[obs.Start+i] *= 1 + r
				} else {
					mod[obs.Start+i] *= 1 - r
				}
			}
			sb, sm := simSat(sc, base), simSat(sc, mod)
			want := 0.0
			for i, wt := range obs.Measure {
				tt := obs.Start + i
				want += wt * (sb[tt] - sm[tt])
			}
			if obs.HeavyUp {
				want = -want
			}
			want *= obs.Scope * cp.Beta
			assert.InEpsilon(t, want, got[d], 1e-10)
		}
	}
	assert.Nil(t, p.LiftDraws(LiftObs{Channel: 5}))
}

func TestDecompositionAdds(t *testing.T) {
	w := simWorldGen(8, simOptions{n: 70, channels: 3, trend: true, fourier: 2, controls: 2, holdout: 6})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p := fixedPosterior(t, m, randomDraws(m, 200, 4))
	dec := p.Decomposition(0.8)
	assert.Equal(t, 64, dec.HoldoutStart)
	for tt := range dec.Dates {
		sum := dec.Baseline[tt] + dec.Controls[tt]
		for c := range dec.Media {
			sum += dec.Media[c][tt]
		}
		assert.InEpsilon(t, dec.Fitted[tt].Mean, sum, 1e-10)
		assert.LessOrEqual(t, dec.Fitted[tt].Lo, dec.Fitted[tt].Mean)
		assert.GreaterOrEqual(t, dec.Fitted[tt].Hi, dec.Fitted[tt].Mean)
	}
	// Channel media means over the fitted periods are ROI × spend.
	cs := p.ChannelSummary(0.9)
	fm := p.Fit(0.9)
	require.NotNil(t, fm.Holdout)
	assert.Equal(t, 64, fm.InSample.N)
	assert.Equal(t, 6, fm.Holdout.N)
	_ = cs
}

// A forecast from a model fitted on the first periods must equal the
// holdout prediction of a model of the whole panel with the same
// parameters: same scaling, carryover from the panel, seasonality by date.
func TestForecastMatchesHoldout(t *testing.T) {
	const n, h = 70, 9
	w := simWorldGen(9, simOptions{n: n, channels: 3, trend: true, fourier: 2, controls: 2, holdout: h, delayed: true})
	full, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	d := w.data
	cut := Data{Dates: d.Dates[:n-h], StepDays: 7, KPI: d.KPI[:n-h], Channels: d.Channels, ControlNames: d.ControlNames}
	plan := Plan{}
	for c := range d.Spend {
		cut.Spend = append(cut.Spend, d.Spend[c][:n-h])
		plan.Spend = append(plan.Spend, d.Spend[c][n-h:])
	}
	for j := range d.Controls {
		cut.Controls = append(cut.Controls, d.Controls[j][:n-h])
		plan.Controls = append(plan.Controls, d.Controls[j][n-h:])
	}
	spec := w.spec
	spec.Holdout = 0
	short, err := NewModel(cut, spec)
	require.NoError(t, err)
	draws := randomDraws(full, 50, 5)
	pf, ps := fixedPosterior(t, full, draws), fixedPosterior(t, short, draws)
	dec := pf.Decomposition(0.9)
	fc, err := ps.Forecast(plan, 0.9)
	require.NoError(t, err)
	for k := range h {
		assert.Equal(t, d.Dates[n-h+k], fc.Dates[k])
		assert.InEpsilon(t, dec.Fitted[n-h+k].Mean, fc.KPI[k].Mean, 1e-10)
		assert.InEpsilon(t, dec.Fitted[n-h+k].Lo, fc.KPI[k].Lo, 1e-10)
	}
	// No spend: media decays to zero after the carryover.
	zero := Plan{Spend: make([][]float64, 3)}
	for c := range zero.Spend {
		zero.Spend[c] = make([]float64, 12)
	}
	fz, err := ps.Forecast(zero, 0.9)
	require.NoError(t, err)
	assert.Greater(t, fz.Media[0].Mean, 0.0)
	assert.Equal(t, 0.0, fz.Media[11].Hi)
	_, err = ps.Forecast(Plan{Spend: [][]float64{{1}}}, 0.9)
	assert.Error(t, err)
}

func TestResponseCurve(t *testing.T) {
	w := simWorldGen(10, simOptions{n: 60, channels: 2})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p := fixedPosterior(t, m, randomDraws(m, 100, 6))
	cs := p.ChannelSummary(0.9)
	pts := p.ResponseCurve(0, []float64{0, 0.5, 1, 2}, 0.9)
	require.Len(t, pts, 4)
	assert.Equal(t, 0.0, pts[0].Contribution.Mean)
	assert.InEpsilon(t, cs[0].Contribution.Mean, pts[2].Contribution.Mean, 1e-12)
	assert.InEpsilon(t, cs[0].MROI.Mean, pts[2].MROI.Mean, 1e-12)
	for i := 1; i < len(pts); i++ {
		assert.Greater(t, pts[i].Contribution.Mean, pts[i-1].Contribution.Mean)
	}
	assert.Nil(t, p.ResponseCurve(0, []float64{-1}, 0.9))
	assert.Nil(t, p.ResponseCurve(7, []float64{1}, 0.9))
	aw := p.AdstockWeights(0, 0.9)
	assert.Len(t, aw, 9)
	s := 0.0
	for _, v := range aw {
		s += v.Mean
	}
	assert.InDelta(t, 1, s, 1e-12)
	assert.False(t, math.IsNaN(cs[0].ROI.Mean))
}

func TestParamDraws(t *testing.T) {
	w := simWorldGen(15, simOptions{n: 60, channels: 2, delayed: true, logistic: true})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	draws := randomDraws(m, 4, 9)
	p := fixedPosterior(t, m, draws)
	for d, x := range draws {
		par := m.Constrain(x)
		assert.InDelta(t, par.Intercept, p.ParamDraws("intercept")[d], 1e-12)
		assert.InDelta(t, par.Sigma, p.ParamDraws("sigma")[d], 1e-12)
		assert.InDelta(t, par.Channels[0].ROI, p.ParamDraws("roi[tv]")[d], 1e-12)
		tv, search := w.truth[0].withParams(par.Channels[0]), w.truth[1].withParams(par.Channels[1])
		assert.InDelta(t, tv.alpha, p.ParamDraws("alpha[tv]")[d], 1e-12)
		assert.InDelta(t, tv.theta, p.ParamDraws("theta[tv]")[d], 1e-12)
		assert.InDelta(t, tv.k, p.ParamDraws("k[tv]")[d], 1e-12)
		assert.InDelta(t, tv.slope, p.ParamDraws("slope[tv]")[d], 1e-12)
		assert.InDelta(t, x[m.ch[0].iSat], p.ParamDraws("hill_c[tv]")[d], 1e-12, "a coordinate without a natural parameter of its name")
		assert.InDelta(t, search.lambda, p.ParamDraws("lambda[search]")[d], 1e-12)
	}
	assert.Nil(t, p.ParamDraws("nope"))
	// Unconstrain inverts Constrain.
	x2, err := m.Unconstrain(m.Constrain(draws[0]))
	require.NoError(t, err)
	assert.InDeltaSlice(t, draws[0], x2, 1e-9)
}
