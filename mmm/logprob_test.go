package mmm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"
)

func checkGradient(t *testing.T, m *Model, x []float64) {
	t.Helper()
	grad := make([]float64, m.Dim())
	lp := m.LogProbGrad(grad, x)
	require.False(t, math.IsInf(lp, 0) || math.IsNaN(lp), "log density %g", lp)
	g := make([]float64, m.Dim())
	f := func(x []float64) float64 { return m.LogProbGrad(g, x) }
	num := fd.Gradient(nil, f, x, &fd.Settings{Formula: fd.Central, Step: 1e-6})
	names := m.ParamNames()
	for i := range grad {
		tol := 1e-5 * math.Max(1, math.Abs(num[i]))
		assert.InDelta(t, num[i], grad[i], tol, "d/d %s", names[i])
	}
}

func TestLogProbGradient(t *testing.T) {
	cases := []simOptions{
		{n: 60, channels: 2},
		{n: 60, channels: 3, trend: true, fourier: 2, controls: 2},
		{n: 60, channels: 3, trend: true, fourier: 1, controls: 1, holdout: 8},
		{n: 60, channels: 4, delayed: true, trend: true},
		{n: 60, channels: 4, logistic: true, fourier: 2},
		{n: 60, channels: 4, delayed: true, logistic: true, controls: 2, holdout: 6},
		{n: 60, channels: 3, studentT: true, trend: true, fourier: 2},
		{n: 80, channels: 4, lifts: 4, delayed: true, logistic: true, holdout: 5},
		{n: 80, channels: 2, lifts: 3, studentT: true, trend: true},
		{n: 60, channels: 4, weibull: true, delayed: true, trend: true, fourier: 1},
		{n: 80, channels: 4, lifts: 4, weibull: true, logistic: true, holdout: 5},
		{n: 100, channels: 3, daily: true, trend: true, controls: 1, holdout: 10},
	}
	for i, o := range cases {
		o.noise = 0.05
		t.Run(fmt.Sprintf("case%d", i), func(t *testing.T) {
			w := simWorldGen(uint64(i+1), o)
			if o.lifts > 0 {
				w.spec.LiftTau = 300
			}
			m, err := NewModel(w.data, w.spec)
			require.NoError(t, err)
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			x0, err := m.Unconstrain(w.params)
			require.NoError(t, err)
			for rep := 0; rep < 4; rep++ {
				x := make([]float64, m.Dim())
				for j := range x {
					x[j] = x0[j]
					if rep > 0 {
						x[j] += 0.7 * rng.NormFloat64()
					}
				}
				x[0] = 0.8 + 0.1*rng.NormFloat64()
				checkGradient(t, m, x)
			}
		})
	}
}

// The ROI parameterisation: contribution over the fitted periods equals
// ROI times spend exactly, whatever the curves.
func TestROIIdentity(t *testing.T) {
	w := simWorldGen(3, simOptions{n: 70, channels: 4, delayed: true, logistic: true, weibull: true, holdout: 10})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 3))
	x := make([]float64, m.Dim())
	for j := range x {
		x[j] = rng.NormFloat64()
	}
	p := m.Constrain(x)
	for c, cp := range p.Channels {
		sc := w.truth[c].withParams(cp)
		s := simSat(sc, m.ch[c].x)
		contrib, spend := 0.0, 0.0
		for t := 0; t < m.nFit; t++ {
			contrib += cp.Beta * s[t]
			spend += w.data.Spend[c][t]
		}
		assert.InEpsilon(t, cp.ROI*spend, contrib, 1e-12, "channel %d", c)
	}
}

// The log density recomputed directly from the constrained parameters:
// differences between points must agree (the model drops constants).
func TestLogProbValue(t *testing.T) {
	for i, o := range []simOptions{
		{n: 50, channels: 2, trend: true, fourier: 1, controls: 1, noise: 0.05},
		{n: 60, channels: 3, trend: true, fourier: 2, controls: 2, noise: 0.05, holdout: 7, delayed: true, logistic: true},
		{n: 60, channels: 4, trend: true, fourier: 1, noise: 0.05, delayed: true, weibull: true},
		{n: 90, channels: 2, trend: true, controls: 1, noise: 0.05, daily: true, holdout: 9},
	} {
		w := simWorldGen(uint64(5+i), o)
		m, err := NewModel(w.data, w.spec)
		require.NoError(t, err)
		rng := rand.New(rand.NewPCG(1, uint64(i)))
		x := make([]float64, m.Dim())
		for j := range x {
			x[j] = 0.5 * rng.NormFloat64()
		}
		x[0] = 1
		got := m.LogProbGrad(make([]float64, m.Dim()), x)
		want := directLogProb(m, w, x)
		for rep := 0; rep < 3; rep++ {
			x2 := append([]float64(nil), x...)
			for j := range x2 {
				x2[j] += 0.2 * rng.NormFloat64()
			}
			got2 := m.LogProbGrad(make([]float64, m.Dim()), x2)
			want2 := directLogProb(m, w, x2)
			assert.InDelta(t, want2-want, got2-got, 1e-8*math.Abs(want))
		}
	}
}

// directLogProb is the full log posterior (with constants) from the
// constrained parameters, via the simulator's transforms and gonum-checked
// densities.
func directLogProb(m *Model, w simWorld, x []float64) float64 {
	p := m.Constrain(x)
	s := w.spec.withDefaults()
	lp := 0.0
	for tt := 0; tt < m.nFit; tt++ {
		mu := p.Intercept
		if s.Trend {
			mu += p.Trend * (float64(tt) - float64(m.nFit-1)/2) / float64(m.nFit)
		}
		for k := 1; k <= s.FourierOrder; k++ {
			// Fourier columns are centred on the fitted periods.
			fs := func(tt int) (float64, float64) {
				f := 2 * math.Pi * float64(k) * w.data.Dates[tt].DayOfYearFraction()
				return math.Sin(f), math.Cos(f)
			}
			ms, mc := 0.0, 0.0
			for u := 0; u < m.nFit; u++ {
				a, b := fs(u)
				ms += a / float64(m.nFit)
				mc += b / float64(m.nFit)
			}
			a, b := fs(tt)
			mu += p.Fourier[2*k-2]*(a-ms) + p.Fourier[2*k-1]*(b-mc)
		}
		for i, v := range p.Weekday {
			// Indicator of Tuesday+i, centred on the fitted periods.
			day := (time.Tuesday + time.Weekday(i)) % 7
			ind := func(u int) float64 {
				if w.data.Dates[u].Weekday() == day {
					return 1
				}
				return 0
			}
			mean := 0.0
			for u := 0; u < m.nFit; u++ {
				mean += ind(u) / float64(m.nFit)
			}
			mu += v * (ind(tt) - mean)
		}
		for j := range p.Gamma {
			cm, csd := meanSD(w.data.Controls[j][:m.nFit])
			mu += p.Gamma[j] * (w.data.Controls[j][tt] - cm) / csd
		}
		for c, cp := range p.Channels {
			sc := w.truth[c].withParams(cp)
			mu += cp.Beta * simSat(sc, m.ch[c].x)[tt] / m.yBar
		}
		lp += Normal{mu, p.Sigma}.LogProb(w.data.KPI[tt] / m.yBar)
	}
	lp += s.Intercept.LogProb(p.Intercept)
	if s.Trend {
		lp += s.TrendSlope.LogProb(p.Trend)
	}
	for _, v := range p.Fourier {
		lp += s.Fourier.LogProb(v)
	}
	for _, v := range p.Gamma {
		lp += s.Control.LogProb(v)
	}
	for _, v := range p.Weekday {
		lp += defaultWeekday.LogProb(v)
	}
	// The default (share) ROI prior: median 15% of the KPI per unit of
	// the fitted periods' spend, computed here from the data.
	kpi, spend := 0.0, 0.0
	for tt := 0; tt < m.nFit; tt++ {
		kpi += w.data.KPI[tt]
		for c := range w.data.Spend {
			spend += w.data.Spend[c][tt]
		}
	}
	roiPrior := LogNormal{Mu: math.Log(0.15 * kpi / spend), Sigma: 0.9}
	for c, cp := range p.Channels {
		sc := w.truth[c].withParams(cp)
		lp += roiPrior.LogProb(sc.roi) + math.Log(sc.roi)
		switch sc.adstock {
		case "weibull":
			// Weibull: log shape and logit(scale/(MaxLag+1)).
			lp += defaultShape.LogProb(sc.shape) + math.Log(sc.shape)
			phi := sc.scale / 9
			lp += defaultScale.LogProb(phi) + math.Log(phi*(1-phi))
		case "delayed":
			phi := sc.theta / 8
			lp += defaultTheta.LogProb(phi) + math.Log(phi*(1-phi))
			fallthrough
		default:
			lp += defaultAlpha.LogProb(sc.alpha) + math.Log(sc.alpha*(1-sc.alpha))
		}
		if sc.sat == "logistic" {
			lp += defaultLambda.LogProb(sc.lambda) + math.Log(sc.lambda)
		} else {
			// Coordinates (−slope^γ·log K, log slope): Jacobian K·slope^(1−γ).
			lp += defaultK.LogProb(sc.k) + math.Log(sc.k)
			lp += defaultSlope.LogProb(sc.slope) + (1-hillGamma)*math.Log(sc.slope)
		}
	}
	lp += defaultSigma.LogProb(p.Sigma) + math.Log(p.Sigma)
	return lp
}

// baseAt must reproduce the stored columns, which forecasts rely on.
func TestBaseAt(t *testing.T) {
	for _, o := range []simOptions{
		{n: 60, channels: 2, trend: true, fourier: 2, controls: 2, holdout: 5},
		{n: 50, channels: 2, trend: true, controls: 1, holdout: 4, daily: true},
	} {
		w := simWorldGen(2, o)
		m, err := NewModel(w.data, w.spec)
		require.NoError(t, err)
		for i, col := range m.base {
			for tt, v := range col {
				got := m.baseAt(i, tt, w.data.Dates[tt], func(j int) float64 { return w.data.Controls[j][tt] })
				assert.InDelta(t, v, got, 1e-12, "%s at %d", m.baseNames[i], tt)
			}
		}
	}
}
