package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// Every mode decodes from the file into its type, and its String is the
// spelling it was read from.
func TestModesDecodeIntoTypes(t *testing.T) {
	c, err := Load(writeYAML(t, `
data: {panel: panel.csv, lift_tests: lift.csv}
model:
  kpi: orders
  kpi_type: count
  likelihood: student_t
  channels: [{name: tv, spend: spend_tv, adstock: weibull, saturation: logistic}]
sampler: {method: laplace}
calibration: {mode: roi_prior, format: geolift}
budget: {objective: quantile}
`), nil)
	require.NoError(t, err)
	m := c.Model
	assert.Equal(t, mmm.Count, m.KPIType)
	assert.Equal(t, mmm.StudentTLikelihood, m.Likelihood)
	assert.Equal(t, mmm.AdstockKind("weibull"), m.Channels[0].Adstock)
	assert.Equal(t, mmm.SaturationKind("logistic"), m.Channels[0].Saturation)
	assert.Equal(t, mmm.Laplace, c.Sampler.Method)
	assert.Equal(t, ROIPrior, c.Calibration.Mode)
	assert.Equal(t, lift.GeoLift, c.Calibration.Format)
	assert.Equal(t, QuantileObjective, c.Budget.Objective)

	for want, got := range map[string]interface{ String() string }{
		"count": m.KPIType, "student_t": m.Likelihood, "weibull": m.Channels[0].Adstock,
		"logistic": m.Channels[0].Saturation, "laplace": c.Sampler.Method, "roi_prior": c.Calibration.Mode,
		"geolift": c.Calibration.Format, "quantile": c.Budget.Objective,
	} {
		assert.Equal(t, want, got.String())
	}
}

// A value no mode accepts is refused with a message naming the key and
// listing the valid spellings, from the file, the environment and the
// command line alike; and every bad key is reported at once.
func TestModeErrorsNameKeyAndValues(t *testing.T) {
	bad := []struct{ key, value, want string }{
		{"model.kpi_type", "money", `model.kpi_type "money": want revenue or count`},
		// mmm once accepted these; the config never did. One list now.
		{"model.likelihood", "student-t", `model.likelihood "student-t": want normal or student_t`},
		{"model.likelihood", "t", `model.likelihood "t": want normal or student_t`},
		{"sampler.method", "gibbs", `sampler.method "gibbs": want nuts or laplace`},
		{"calibration.mode", "auto", `calibration.mode "auto": want counterfactual, roi_prior or none`},
		{"calibration.format", "pymc-marketing", `calibration.format "pymc-marketing": want canonical, robyn, pymc or geolift`},
		{"budget.objective", "max", `budget.objective "max": want mean or quantile`},
		// Numbers are not the constants' indices.
		{"sampler.method", "1", `sampler.method "1": want nuts or laplace`},
	}
	for _, b := range bad {
		_, err := Load(writeYAML(t, minimal), map[string]string{b.key: b.value})
		require.Error(t, err, b.key)
		assert.True(t, IsError(err))
		assert.Equal(t, "config: "+b.want, err.Error(), "override %s=%s", b.key, b.value)

		t.Run("env", func(t *testing.T) {
			name := EnvName(b.key)
			t.Setenv(name, b.value)
			_, err := Load(writeYAML(t, minimal), nil)
			assert.EqualError(t, err, "config: "+b.want+" (set by the environment variable "+name+")")
		})
	}

	_, err := Load(writeYAML(t, `
data: {panel: panel.csv}
model:
  kpi: revenue
  kpi_type: money
  likelihood: 1
  channels:
    - {name: tv, spend: spend_tv, adstock: gamma, saturation: tanh}
sampler: {method: gibbs, chains: 0, metric: unit}
calibration: {mode: auto, format: meridian}
budget: {objective: max}
`), nil)
	require.Error(t, err)
	for _, want := range []string{
		`model.kpi_type "money": want revenue or count`,
		`model.likelihood "1": want normal or student_t`,
		`model.channels[0].adstock "gamma": want geometric, delayed or weibull`,
		`model.channels[0].saturation "tanh": want hill or logistic`,
		`sampler.method "gibbs": want nuts or laplace`,
		`sampler.chains 0: want 1..64`,
		`sampler.metric "unit": want diag or dense`,
		`calibration.mode "auto": want counterfactual, roi_prior or none`,
		`calibration.format "meridian": want canonical, robyn, pymc or geolift`,
		`budget.objective "max": want mean or quantile`,
	} {
		assert.Contains(t, err.Error()+"\n", "\n  "+want+"\n", "every problem on a line of its own")
	}
}

// An empty mode is its default, as a file that leaves the key out.
func TestEmptyModeIsTheDefault(t *testing.T) {
	c, err := Load(writeYAML(t, minimal+`
  kpi_type: ""
  likelihood: ""
sampler: {method: ""}
calibration: {mode: "", format: ""}
budget: {objective: ""}
`), nil)
	require.NoError(t, err)
	d, err := Default()
	require.NoError(t, err)
	assert.Equal(t, d.Model.KPIType, c.Model.KPIType)
	assert.Equal(t, d.Model.Likelihood, c.Model.Likelihood)
	assert.Equal(t, d.Sampler.Method, c.Sampler.Method)
	assert.Equal(t, d.Calibration, c.Calibration)
	assert.Equal(t, d.Budget.Objective, c.Budget.Objective)
}

// The defaults are the libraries' where a library owns one, so that each
// has one source.
func TestDefaults(t *testing.T) {
	c, err := Default()
	require.NoError(t, err)
	assert.Equal(t, mmm.Revenue, c.Model.KPIType)
	assert.Equal(t, mmm.NormalLikelihood, c.Model.Likelihood)
	assert.Equal(t, mmm.DefaultStudentNu, c.Model.StudentNu)
	assert.Equal(t, mmm.NUTS, c.Sampler.Method)
	assert.Equal(t, sampler.DefaultChains, c.Sampler.Chains)
	assert.Equal(t, sampler.DefaultWarmup, c.Sampler.Warmup)
	assert.Equal(t, sampler.DefaultDraws, c.Sampler.Draws)
	assert.Equal(t, sampler.DefaultMaxTreeDepth, c.Sampler.MaxTreeDepth)
	assert.Equal(t, mmm.DefaultTargetAccept, c.Sampler.TargetAccept)
	assert.Equal(t, 0.9, c.Sampler.TargetAccept, "an MMM fit targets 0.9, not the sampler's generic 0.8")
	assert.Equal(t, CalibrationAuto, c.Calibration.Mode)
	assert.Equal(t, lift.Canonical, c.Calibration.Format)
	assert.Equal(t, MeanObjective, c.Budget.Objective)
	assert.Equal(t, "triad-out", c.Output.Dir)

	// What the fit receives for a config that sets nothing is what the
	// libraries would choose for a zero value.
	assert.Equal(t, mmm.Spec{}.Likelihood, c.Model.Likelihood)
	assert.Equal(t, mmm.FitConfig{}.Method, c.Sampler.Method)
}

func TestCalibrationModeInForce(t *testing.T) {
	c := &Config{}
	assert.Equal(t, CalibrationNone, c.CalibrationMode(), "auto without tests")
	c.Data.LiftTests = "lift.csv"
	assert.Equal(t, Counterfactual, c.CalibrationMode(), "auto with tests")
	c.Calibration.Mode = ROIPrior
	assert.Equal(t, ROIPrior, c.CalibrationMode())

	_, err := Load(writeYAML(t, minimal+"calibration: {mode: roi_prior}\n"), nil)
	assert.EqualError(t, err, `config: calibration.mode "roi_prior" needs data.lift_tests`)
}

func TestModeStrings(t *testing.T) {
	assert.Equal(t, "counterfactual", Counterfactual.String())
	assert.Equal(t, "none", CalibrationNone.String())
	assert.Equal(t, "", CalibrationAuto.String())
	assert.Equal(t, "CalibrationMode(9)", CalibrationMode(9).String())
	assert.Equal(t, "mean", MeanObjective.String())
	assert.Equal(t, "BudgetObjective(-1)", BudgetObjective(-1).String())
}

// Priors decode into the family their keys name and are checked against
// the parameters of mmm's components; other keys are unknown keys.
func TestChannelPriors(t *testing.T) {
	c, err := Load(writeYAML(t, `
data: {panel: panel.csv}
model:
  kpi: revenue
  channels:
    - {name: tv, spend: spend_tv, roi_prior: {mu: 0.5, sigma: 0.4}, alpha_prior: {a: 3, b: 2}, k_prior: {mu: 0, sigma: 0.5}}
`), nil)
	require.NoError(t, err)
	tv := c.Model.Channels[0]
	assert.Equal(t, &mmm.LogNormal{Mu: 0.5, Sigma: 0.4}, tv.ROIPrior)
	assert.Equal(t, map[string]mmm.Prior{"alpha_prior": mmm.Beta{A: 3, B: 2}, "k_prior": mmm.LogNormal{Mu: 0, Sigma: 0.5}}, tv.Priors)

	for body, want := range map[string]string{
		`spnd: x`:                        `unknown key(s) model.channels[0].spnd (see configs/example.yaml for the valid keys)`,
		`beta_prior: {a: 1, b: 1}`:       `unknown key(s) model.channels[0].beta_prior (see configs/example.yaml for the valid keys)`,
		`alpha_prior: {mu: 0, sigma: 1}`: `model.channels[0].alpha_prior: alpha takes a Beta prior {a, b}, not a LogNormal prior {mu, sigma}`,
		`alpha_prior: {a: 0, b: 1}`:      `model.channels[0].alpha_prior: a and b must be > 0`,
		`k_prior: {mu: 0, sd: 1}`:        `model.channels[0].k_prior: want {a, b} (a Beta prior) or {mu, sigma} (a LogNormal prior on the log scale), got {mu, sd}`,
		`k_prior: 3`:                     `model.channels[0].k_prior: want {a, b} (a Beta prior) or {mu, sigma} (a LogNormal prior on the log scale), got 3`,
		`roi_prior: {mu: 0, sigma: -1}`:  `model.channels[0].roi_prior: sigma must be > 0 and mu finite`,
	} {
		p := writeYAML(t, "data: {panel: panel.csv}\nmodel:\n  kpi: revenue\n  channels:\n    - {name: tv, spend: spend_tv, "+body+"}\n")
		_, err := Load(p, nil)
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), want, body)
	}
}

func TestGeoModelInForce(t *testing.T) {
	c := &Config{}
	assert.Equal(t, GeoModelAuto, c.GeoModel(), "a national panel")
	c.Model.Geo = "geo"
	assert.Equal(t, GeoModelGeo, c.GeoModel(), "auto with a geo column")
	c.Model.GeoModel = GeoModelSum
	assert.Equal(t, GeoModelSum, c.GeoModel())

	c, err := Load(writeYAML(t, minimal+"  geo: region\n  geo_model: sum\n  population: pop\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, GeoModelSum, c.Model.GeoModel)
	assert.Equal(t, "pop", c.Model.Population)
	c, err = Load(writeYAML(t, minimal+"  geo: region\n"), map[string]string{"model.geo_model": "geo"})
	require.NoError(t, err)
	assert.Equal(t, GeoModelGeo, c.GeoModel())

	_, err = Load(writeYAML(t, minimal+"  geo_model: sum\n  population: pop\n"), nil)
	assert.EqualError(t, err, "config:\n  model.geo_model sum needs model.geo (the geo column of the panel)\n"+
		"  model.population needs model.geo (the geo column of the panel)")
	_, err = Load(writeYAML(t, minimal+"  geo: region\n  geo_model: national\n"), nil)
	assert.EqualError(t, err, `config: model.geo_model "national": want geo or sum`)
	assert.Equal(t, "sum", GeoModelSum.String())
	assert.Equal(t, "GeoModel(7)", GeoModel(7).String())
}
