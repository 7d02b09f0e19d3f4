package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

const minimalYAML = `
data:
  panel: panel.csv
model:
  kpi: revenue
  channels:
    - {name: tv, spend: spend_tv}
    - {name: search, spend: spend_search}
sampler:
  chains: 3
  seed: 7
output:
  dir: out
`

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "triad.yaml")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func TestConfigFileDefaultsAndPaths(t *testing.T) {
	p := writeConfig(t, minimalYAML)
	c, err := loadConfig(p, nil)
	require.NoError(t, err)
	assert.Equal(t, 3, c.Sampler.Chains)
	assert.Equal(t, uint64(7), c.Sampler.Seed)
	assert.Equal(t, 1000, c.Sampler.Draws, "default")
	assert.Equal(t, 0.9, c.Report.Interval, "default")
	assert.Equal(t, filepath.Join(filepath.Dir(p), "panel.csv"), c.Data.Panel, "relative to the config file")
	assert.Equal(t, config.CalibrationNone, c.CalibrationMode())
	assert.Len(t, c.Model.Channels, 2)
}

func TestConfigPrecedenceFileEnvFlag(t *testing.T) {
	p := writeConfig(t, minimalYAML)
	t.Setenv("TRIAD_SAMPLER_CHAINS", "5")
	t.Setenv("TRIAD_SAMPLER_DRAWS", "321")
	t.Setenv("TRIAD_REPORT_INTERVAL", "0.8")

	flags := pflag.NewFlagSet("x", pflag.ContinueOnError)
	addSamplerFlags(flags)
	require.NoError(t, flags.Parse([]string{"--chains", "2"}))

	c, err := loadConfig(p, flags)
	require.NoError(t, err)
	assert.Equal(t, 2, c.Sampler.Chains, "flag beats env and file")
	assert.Equal(t, 321, c.Sampler.Draws, "env beats default")
	assert.Equal(t, 0.8, c.Report.Interval, "env reaches nested keys")
	assert.Equal(t, uint64(7), c.Sampler.Seed, "file value kept when nothing overrides it")

	// An unset flag must not clobber the file or the environment.
	flags = pflag.NewFlagSet("x", pflag.ContinueOnError)
	addSamplerFlags(flags)
	require.NoError(t, flags.Parse(nil))
	c, err = loadConfig(p, flags)
	require.NoError(t, err)
	assert.Equal(t, 5, c.Sampler.Chains)
}

func TestConfigUnknownKeyIsAnError(t *testing.T) {
	p := writeConfig(t, minimalYAML+"\nsampler_typo: 3\nmodel2: {}\n")
	_, err := loadConfig(p, nil)
	require.Error(t, err)
	assert.True(t, config.IsError(err))
	assert.Contains(t, err.Error(), "unknown key(s)")
	assert.Contains(t, err.Error(), "sampler_typo")

	p = writeConfig(t, `
data: {panel: p.csv}
model:
  kpi: y
  channels: [{name: tv, spend: tv, spnd: x}]
  fourier: 3
output: {dir: o}
`)
	_, err = loadConfig(p, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "model.fourier")
	assert.Contains(t, err.Error(), "spnd")
}

func TestConfigValidationNamesKeys(t *testing.T) {
	p := writeConfig(t, `
data: {panel: p.csv}
model:
  kpi: y
  kpi_type: money
  channels: [{name: tv, spend: tv}, {name: tv, spend: tv2}]
sampler: {method: gibbs, chains: 0}
calibration: {mode: counterfactual}
report: {interval: 90}
output: {dir: o}
`)
	_, err := loadConfig(p, nil)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		`model.kpi_type "money"`, `model.channels[1].name "tv" is listed twice`, `sampler.method "gibbs"`,
		`sampler.chains 0`, `calibration.mode "counterfactual" needs data.lift_tests`, `report.interval 90`,
	} {
		assert.Contains(t, msg, want)
	}
}

func TestConfigPriorsAndAdstock(t *testing.T) {
	p := writeConfig(t, `
data: {panel: p.csv}
model:
  kpi: y
  channels:
    - {name: tv, spend: tv, adstock: weibull, shape_prior: {mu: 0.5, sigma: 0.3}, scale_prior: {a: 2, b: 5}}
    - {name: ooh, spend: ooh, adstock: gamma, k_prior: {mu: 0, sigma: 0}, theta_prior: {a: 0, b: 1}}
output: {dir: o}
`)
	_, err := loadConfig(p, nil)
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, `model.channels[1].adstock "gamma": want geometric, delayed or weibull`)
	assert.Contains(t, msg, `model.channels[1].k_prior: sigma must be > 0`)
	assert.Contains(t, msg, `model.channels[1].theta_prior: a and b must be > 0`)
	assert.NotContains(t, msg, "channels[0]", "weibull with its priors is valid")
}

func TestConfigExampleIsValid(t *testing.T) {
	c, err := loadConfig(filepath.Join("..", "..", "configs", "example.yaml"), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, c.Model.Channels)
}

// The priors the example shows commented out are real keys with valid
// values: uncommented, the file still loads and every prior is set.
func TestConfigExamplePriorsAreKeys(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "configs", "example.yaml"))
	require.NoError(t, err)
	body := regexp.MustCompile(`(?m)^(\s*)# (\w+_prior: )`).ReplaceAllString(string(b), "$1$2")
	require.NotEqual(t, string(b), body)
	c, err := loadConfig(writeConfig(t, body), nil)
	require.NoError(t, err)
	tv := c.Model.Channels[0]
	assert.NotNil(t, tv.ROIPrior, "roi_prior")
	for _, name := range []string{"alpha", "theta", "shape", "scale", "k", "slope", "lambda"} {
		assert.Contains(t, tv.Priors, name+"_prior")
	}
}
