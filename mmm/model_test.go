package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewModelErrors(t *testing.T) {
	base := func() (Data, Spec) {
		w := simWorldGen(1, simOptions{n: 60, channels: 2, controls: 1})
		return w.data, w.spec
	}
	cases := []struct {
		name  string
		edit  func(d *Data, s *Spec)
		error string
	}{
		{"negative spend", func(d *Data, s *Spec) { d.Spend[1][10] = -5 }, `channel "search" spend in period 11`},
		{"nan kpi", func(d *Data, s *Spec) { d.KPI[3] = nan() }, "KPI in period 4"},
		{"irregular dates", func(d *Data, s *Spec) { d.Dates[5] = d.Dates[5].AddDays(1) }, "not regular"},
		{"constant control", func(d *Data, s *Spec) {
			for t := range d.Controls[0] {
				d.Controls[0][t] = 3
			}
		}, `control "price" is constant`},
		{"no spend", func(d *Data, s *Spec) {
			for t := range d.Spend[0] {
				d.Spend[0][t] = 0
			}
		}, `channel "tv" has no spend`},
		{"spec channels", func(d *Data, s *Spec) { s.Channels = s.Channels[:1] }, "spec has 1 channels"},
		{"holdout", func(d *Data, s *Spec) { s.Holdout = 55 }, "periods left to fit"},
		{"bad prior", func(d *Data, s *Spec) { s.Channels[0].ROI = LogNormal{Mu: 0, Sigma: -1} }, "invalid ROI prior"},
		{"max lag", func(d *Data, s *Spec) { s.Channels[0].MaxLag = 60 }, "max lag 60"},
		{"duplicate channel", func(d *Data, s *Spec) { d.Channels[1] = d.Channels[0] }, "appears twice"},
		{"lift window", func(d *Data, s *Spec) {
			s.Lifts = []LiftObs{{Channel: 0, Start: 58, Moved: []float64{1, 1, 1}, Measure: []float64{1, 1, 1}, Scope: 0.2, SD: 1}}
		}, "lift observation 1: window"},
		{"lift share", func(d *Data, s *Spec) {
			s.Lifts = []LiftObs{{Channel: 0, Start: 5, Moved: []float64{1.5}, Measure: []float64{1}, Scope: 0.2, SD: 1}}
		}, "moved share 1.5"},
		{"lift sd", func(d *Data, s *Spec) {
			s.Lifts = []LiftObs{{Channel: 1, Start: 5, Moved: []float64{1}, Measure: []float64{1}, Scope: 0.2}}
		}, "zero standard error"},
		{"lift channel", func(d *Data, s *Spec) {
			s.Lifts = []LiftObs{{Channel: 2, Start: 5, Moved: []float64{1}, Measure: []float64{1}, Scope: 0.2, SD: 1}}
		}, "channel index 2"},
		{"student nu", func(d *Data, s *Spec) { s.StudentNu = -1 }, "degrees of freedom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, s := base()
			c.edit(&d, &s)
			_, err := NewModel(d, s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.error)
		})
	}
	d, s := base()
	s.Trend, s.FourierOrder = true, 2
	m, err := NewModel(d, s)
	require.NoError(t, err)
	assert.Equal(t, len(m.ParamNames()), m.Dim())
	assert.Equal(t, []string{"level", "trend", "fourier_sin_1", "fourier_cos_1", "fourier_sin_2", "fourier_cos_2", "gamma[price]",
		"roi[tv]", "alpha[tv]", "hill_c[tv]", "slope[tv]", "roi[search]", "alpha[search]", "hill_c[search]", "slope[search]", "sigma"}, m.ParamNames())
}

func TestDefaultSpec(t *testing.T) {
	w := simWorldGen(1, simOptions{n: 40, channels: 2})
	s := DefaultSpec(w.data)
	assert.Equal(t, 0, s.FourierOrder, "under a year: no seasonality")
	w = simWorldGen(1, simOptions{n: 60, channels: 2})
	s = DefaultSpec(w.data)
	assert.Equal(t, 2, s.FourierOrder)
	assert.True(t, s.Trend)
	assert.Equal(t, 8, s.Channels[0].MaxLag)
	assert.Equal(t, 21, DefaultMaxLag(1))
	// The default (auto, so share) scales the ROI prior to KPI per unit of
	// spend; roi keeps Meridian's, whatever the KPI; a stated prior stays.
	kpi, spend := 0.0, 0.0
	for t := range w.data.KPI {
		kpi += w.data.KPI[t]
		for c := range w.data.Spend {
			spend += w.data.Spend[c][t]
		}
	}
	for _, k := range []KPIType{Revenue, Count} {
		s.KPIType = k
		m, err := NewModel(w.data, s)
		require.NoError(t, err)
		assert.InEpsilon(t, DefaultMediaShare*kpi/spend, m.Spec().Channels[0].ROI.Median(), 1e-9)
		info := m.MediaPrior()
		assert.Equal(t, "share", info.Family)
		assert.Equal(t, "auto", info.Requested)
	}
	s.MediaPrior = ROIMediaPrior
	s.Channels[1].ROI = LogNormal{Mu: 1, Sigma: 0.1}
	m, err := NewModel(w.data, s)
	require.NoError(t, err)
	assert.Equal(t, LogNormal{Mu: 0.2, Sigma: 0.9}, m.Spec().Channels[0].ROI)
	assert.Equal(t, LogNormal{Mu: 1, Sigma: 0.1}, m.Spec().Channels[1].ROI)
	assert.Equal(t, []bool{false, true}, m.MediaPrior().Stated)
}

// The prior media share is Σ ROI·spend / KPI under the ROI priors: with
// one channel it is a LogNormal, whose mean and quantiles are known.
func TestPriorMediaShare(t *testing.T) {
	w := simWorldGen(1, simOptions{n: 60, channels: 1})
	s := DefaultSpec(w.data)
	m, err := NewModel(w.data, s)
	require.NoError(t, err)
	kpi, spend := 0.0, 0.0
	for t := range w.data.KPI {
		kpi += w.data.KPI[t]
		spend += w.data.Spend[0][t]
	}
	p := m.Spec().Channels[0].ROI
	scale := spend / kpi
	iv := m.PriorMediaShare(0.9)
	assert.InEpsilon(t, math.Exp(p.Mu+p.Sigma*p.Sigma/2)*scale, iv.Mean, 0.03)
	assert.InEpsilon(t, math.Exp(p.Mu-1.6449*p.Sigma)*scale, iv.Lo, 0.03)
	assert.InEpsilon(t, math.Exp(p.Mu+1.6449*p.Sigma)*scale, iv.Hi, 0.03)
	assert.InEpsilon(t, DefaultMediaShare*math.Exp(p.Sigma*p.Sigma/2), iv.Mean, 0.03)
}

func TestParse(t *testing.T) {
	for _, s := range []string{"geometric", "delayed", "weibull"} {
		k, err := ParseAdstockKind(s)
		require.NoError(t, err)
		assert.Equal(t, s, k.String())
		assert.Equal(t, k, k.New().Kind())
	}
	for _, s := range []string{"hill", "logistic"} {
		k, err := ParseSaturationKind(s)
		require.NoError(t, err)
		assert.Equal(t, s, k.String())
		assert.Equal(t, k, k.New().Kind())
	}
	for _, s := range []string{"normal", "student_t"} {
		k, err := ParseLikelihood(s)
		require.NoError(t, err)
		assert.Equal(t, s, k.String())
	}
	for _, s := range []string{"revenue", "count"} {
		k, err := ParseKPIType(s)
		require.NoError(t, err)
		assert.Equal(t, s, k.String())
	}
	_, err := ParseAdstockKind("gamma")
	assert.Error(t, err)
	_, err = ParseSaturationKind("x")
	assert.Error(t, err)
	_, err = ParseLikelihood("x")
	assert.Error(t, err)
	_, err = ParseKPIType("x")
	assert.Error(t, err)
}
