package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/mmm"
)

const minimal = `
data: {panel: panel.csv}
model:
  kpi: revenue
  channels: [{name: tv, spend: spend_tv}]
`

func writeYAML(t testing.TB, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "triad.yaml")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

// A bad value in a TRIAD_* variable blames the variable, not the file.
func TestEnvBadValueNamesTheVariable(t *testing.T) {
	p := writeYAML(t, minimal)
	t.Setenv("TRIAD_SAMPLER_CHAINS", "abc")
	_, err := Load(p, nil)
	require.Error(t, err)
	assert.True(t, IsError(err))
	assert.Contains(t, err.Error(), `environment variable TRIAD_SAMPLER_CHAINS="abc": sampler.chains takes a whole number`)
	assert.NotContains(t, err.Error(), p)

	_, err = Load(p, map[string]string{"sampler.chains": "2"})
	assert.NoError(t, err, "a flag wins over the variable")

	t.Setenv("TRIAD_SAMPLER_CHAINS", "0")
	_, err = Load(p, nil)
	assert.ErrorContains(t, err, "(set by the environment variable TRIAD_SAMPLER_CHAINS)")
}

// An unknown TRIAD_* variable is an error, like an unknown key in the file.
func TestEnvUnknownVariableIsAnError(t *testing.T) {
	p := writeYAML(t, minimal)
	t.Setenv("TRIAD_SAMPLER_BOGUS", "1")
	t.Setenv("TRIAD_SAMPLR_CHAINS", "2")
	_, err := Load(p, nil)
	require.Error(t, err)
	assert.True(t, IsError(err))
	assert.Contains(t, err.Error(), "environment variable TRIAD_SAMPLER_BOGUS: no such setting")
	assert.Contains(t, err.Error(), "environment variable TRIAD_SAMPLR_CHAINS: no such setting")
}

// Variables reach every scalar key; the harnesses' own variables are not
// configuration and are let through.
func TestEnvReachesKeys(t *testing.T) {
	p := writeYAML(t, minimal)
	t.Setenv("TRIAD_SAMPLER_METHOD", "laplace")
	t.Setenv("TRIAD_DATA_LIFT_TESTS", "lift.csv")
	t.Setenv("TRIAD_CALIBRATION_HALF_LIFE_WEEKS", "26")
	t.Setenv("TRIAD_EVAL_SEEDS", "1-3")
	t.Setenv("TRIAD_EVAL_GEOS", "12")
	t.Setenv("TRIAD_EVAL_KEEP", "/tmp/keep")
	t.Setenv("TRIAD_SAMPLER_DRAWS", "") // empty is unset
	c, err := Load(p, nil)
	require.NoError(t, err)
	assert.Equal(t, mmm.Laplace, c.Sampler.Method)
	assert.Equal(t, filepath.Join(filepath.Dir(p), "lift.csv"), c.Data.LiftTests)
	assert.Equal(t, 26.0, c.Calibration.HalfLifeWeeks)
	assert.Equal(t, 1000, c.Sampler.Draws)
}
