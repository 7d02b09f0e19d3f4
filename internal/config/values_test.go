package config

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Values, through JSON (as a manifest stores it) and LoadValues, gives
// back the configuration it came from: every key, mode, prior and
// optional pointer.
func TestValuesRoundTrip(t *testing.T) {
	for _, body := range []string{`
data: {panel: /data/panel.csv, lift_tests: /data/lift.csv, mta: /data/mta.parquet}
model:
  kpi: orders
  kpi_type: count
  likelihood: student_t
  student_nu: 7
  weekday: false
  holdout: 4
  controls: [price, promo]
  channels:
    - {name: tv, spend: spend_tv, adstock: weibull, saturation: logistic, max_lag: 6, offline: true,
       roi_prior: {mu: 0.5, sigma: 0.4}, shape_prior: {mu: 0, sigma: 0.5}, scale_prior: {a: 2, b: 5}}
    - {name: search, spend: spend_search, impressions: imp_search}
sampler: {method: laplace, chains: 2, warmup: 300, draws: 200, seed: 77, target_accept: 0.95, metric: dense}
calibration: {mode: roi_prior, format: geolift, tau: 10, half_life_weeks: 26}
mta: {value: attr, channel_map: [{mta: Google, channel: search}], calibrated_csv: true, use_model: dda}
report: {interval: 0.8}
budget:
  total: 1000
  objective: quantile
  channels: [{name: tv, min: 10, max: 50}, {name: search, locked: true}]
output: {dir: /out}
`, "data: {panel: /p.csv}\nmodel: {kpi: revenue, channels: [{name: tv, spend: s}]}\n"} {
		want, err := Load(writeYAML(t, body), nil)
		require.NoError(t, err)
		b, err := json.Marshal(want.Values())
		require.NoError(t, err)
		var values map[string]any
		require.NoError(t, json.Unmarshal(b, &values))
		got, err := LoadValues(values, nil)
		require.NoError(t, err, string(b))
		// Empty kinds read back as the kind they default to.
		assert.Equal(t, want.Values(), got.Values(), string(b))
		again, err := LoadValues(got.Values(), nil)
		require.NoError(t, err)
		assert.Equal(t, got, again)
	}
}

// Overrides win over the recorded values, as flags win over a file.
func TestLoadValuesOverrides(t *testing.T) {
	c, err := Load(writeYAML(t, "data: {panel: /p.csv}\nmodel: {kpi: revenue, channels: [{name: tv, spend: s}]}\n"), nil)
	require.NoError(t, err)
	got, err := LoadValues(c.Values(), map[string]string{"data.panel": "/new.csv", "sampler.seed": "9"})
	require.NoError(t, err)
	assert.Equal(t, "/new.csv", got.Data.Panel)
	assert.EqualValues(t, 9, got.Sampler.Seed)
}
