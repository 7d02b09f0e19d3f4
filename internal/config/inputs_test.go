package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/mmm"
)

func TestInputsKeysDecode(t *testing.T) {
	c, err := Load(writeYAML(t, `
data: {panel: panel.csv}
model:
  kpi: conversions
  revenue_per_kpi: revenue_per_conversion
  channels: [{name: tv, spend: spend_tv}]
  factors: [events]
  window: {start: 2016-01-04, end: 2018-12-31}
  organic:
    - {name: newsletter, column: newsletter, adstock: geometric, max_lag: 4, saturation: hill, contribution_prior: {mu: -3, sigma: 1}}
  treatments:
    - {name: promo, column: Promo, baseline: max}
`), nil)
	require.NoError(t, err)
	m := c.Model
	assert.Equal(t, RevenuePerKPI{Column: "revenue_per_conversion"}, m.RevenuePerKPI)
	assert.Equal(t, []string{"events"}, m.Factors)
	assert.Equal(t, civil.New(2016, 1, 4), m.Window.Start)
	assert.Equal(t, civil.New(2018, 12, 31), m.Window.End)
	require.Len(t, m.Organic, 1)
	assert.Equal(t, Organic{Name: "newsletter", Column: "newsletter", Adstock: "geometric", MaxLag: 4, Saturation: "hill",
		ContributionPrior: &mmm.LogNormal{Mu: -3, Sigma: 1}}, m.Organic[0])
	assert.Equal(t, 2.0, m.Treatments[0].BaselineValue(1, 2))

	c, err = Load(writeYAML(t, `
data: {panel: panel.csv}
model: {kpi: conversions, revenue_per_kpi: 12.5, channels: [{name: tv, spend: spend_tv}]}
`), nil)
	require.NoError(t, err)
	assert.Equal(t, RevenuePerKPI{Value: 12.5}, c.Model.RevenuePerKPI)
}

func TestInputsKeysErrors(t *testing.T) {
	for body, want := range map[string]string{
		`revenue_per_kpi: -2`:                                                     "revenue_per_kpi -2: want a positive number or a column name",
		`window: {start: 2018-01-01, end: 2017-01-01}`:                            "model.window: end 2017-01-01 is before start 2018-01-01",
		`window: {start: 2018-13-01}`:                                             "model.window.start",
		`organic: [{name: tv, column: x}]`:                                        `model.organic[0].name "tv" is also a channel`,
		`organic: [{name: nl}]`:                                                   "model.organic[0].column is required",
		`organic: [{name: nl, column: x, contribution_prior: {mu: 0, sigma: 0}}]`: "model.organic[0].contribution_prior: sigma must be > 0",
		`treatments: [{name: p, column: p, baseline: often}]`:                     `model.treatments[0].baseline "often": want min, max or a number`,
		`factors: [""]`:                                                           "model.factors[0] must name a column",
	} {
		_, err := Load(writeYAML(t, "data: {panel: panel.csv}\nmodel:\n  kpi: y\n  channels: [{name: tv, spend: s}]\n  "+body+"\n"), nil)
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), want, body)
	}
}
