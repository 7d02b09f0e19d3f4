package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
)

// Every per-channel prior in the config reaches the model; channels that
// set none keep the defaults.
func TestModelSpecPriorOverrides(t *testing.T) {
	cfg := &config.Config{}
	require.NoError(t, decodeDefaults(cfg))
	cfg.Model.Channels = []config.Channel{
		{Name: "tv", Spend: "tv", Adstock: "weibull", Saturation: "logistic",
			ROIPrior: &mmm.LogNormal{Mu: 1, Sigma: 0.2}, Priors: map[string]mmm.Prior{
				"shape_prior": mmm.LogNormal{Mu: 0.4, Sigma: 0.3}, "scale_prior": mmm.Beta{A: 2, B: 7},
				"lambda_prior": mmm.LogNormal{Mu: -0.5, Sigma: 0.4}}},
		{Name: "ooh", Spend: "ooh", Adstock: "delayed", Priors: map[string]mmm.Prior{
			"alpha_prior": mmm.Beta{A: 3, B: 2}, "theta_prior": mmm.Beta{A: 2, B: 2},
			"k_prior": mmm.LogNormal{Mu: 0.3, Sigma: 0.2}, "slope_prior": mmm.LogNormal{Mu: 0.7, Sigma: 0.1}}},
		{Name: "print", Spend: "print"},
	}
	d := mmm.Data{StepDays: 7, Channels: []string{"tv", "ooh", "print"}}
	for i := range 60 {
		d.Dates = append(d.Dates, civil.New(2024, 1, 1).AddDays(7*i))
	}
	s, err := modelSpec(cfg, d)
	require.NoError(t, err)
	tv, ooh, pr := s.Channels[0], s.Channels[1], s.Channels[2]
	assert.Equal(t, mmm.WeibullAdstock{Shape: mmm.LogNormal{Mu: 0.4, Sigma: 0.3}, Scale: mmm.Beta{A: 2, B: 7}}, tv.Adstock)
	assert.Equal(t, mmm.LogisticSaturation{Lambda: mmm.LogNormal{Mu: -0.5, Sigma: 0.4}}, tv.Saturation)
	assert.Equal(t, mmm.LogNormal{Mu: 1, Sigma: 0.2}, tv.ROI)
	assert.Equal(t, mmm.DelayedAdstock{Alpha: mmm.Beta{A: 3, B: 2}, Theta: mmm.Beta{A: 2, B: 2}}, ooh.Adstock)
	assert.Equal(t, mmm.HillSaturation{K: mmm.LogNormal{Mu: 0.3, Sigma: 0.2}, Slope: mmm.LogNormal{Mu: 0.7, Sigma: 0.1}}, ooh.Saturation)
	assert.Equal(t, mmm.ChannelSpec{Adstock: mmm.GeometricAdstock{}, MaxLag: 8, Saturation: mmm.HillSaturation{}}, pr,
		"no override: zero priors, so the model takes its defaults")

	// The prior carryover of a Weibull channel (used by roi_prior mode and
	// the test-length check) comes from its own priors.
	w := priorAdstock(tv)
	want := make([]float64, 9)
	mmm.Weibull{Shape: mmm.LogNormal{Mu: 0.4}.Median(), Scale: 2.0 / 9 * 9}.Weights(want)
	assert.InDeltaSlice(t, want, w, 1e-15)
}
