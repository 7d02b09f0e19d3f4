package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/manifest"
)

// run --like repeats a run's recorded configuration and choices on new
// inputs: the new config file's data paths and output are used, its
// other settings are not.
func TestRunLike(t *testing.T) {
	cfg := demoCopy(t)
	old, cur := t.TempDir(), t.TempDir()
	_, err, code := triad(t, "--quiet", "--config", cfg, "run", "--method", "laplace", "--draws", "100", "--seed", "5", "--out", old)
	require.NoError(t, err)
	require.Equal(t, 0, code)

	// Next quarter's config: a new panel file, and a structural edit that
	// --like must ignore.
	dir := filepath.Dir(cfg)
	panel, err := os.ReadFile(filepath.Join(dir, "panel.csv"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "panel_q2.csv"), panel, 0o644))
	b, err := os.ReadFile(cfg)
	require.NoError(t, err)
	next := strings.Replace(strings.Replace(string(b), "panel: panel.csv", "panel: panel_q2.csv", 1), "adstock: delayed", "adstock: weibull", 1)
	require.NoError(t, os.WriteFile(cfg, []byte(next), 0o644))

	_, err, code = triad(t, "--quiet", "--config", cfg, "run", "--like", old, "--out", cur)
	require.NoError(t, err)
	require.Equal(t, 0, code)
	mo, err := manifest.Read(old)
	require.NoError(t, err)
	mc, err := manifest.Read(cur)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "panel_q2.csv"), mc.Inputs[0].Path)
	assert.Equal(t, mo.Inputs[0].SHA256, mc.Inputs[0].SHA256)
	assert.Equal(t, mo.Choices, mc.Choices, "the structure is pinned")
	assert.Equal(t, "delayed", mc.Choices.Channels[0].Adstock)
	assert.EqualValues(t, 5, mc.Seed, "the recorded seed and sampler settings are kept")
	mo.Config["data"], mc.Config["data"] = nil, nil
	mo.Config["output"], mc.Config["output"] = nil, nil
	assert.Equal(t, mo.Config, mc.Config)

	// A directory without a run is an input error.
	_, err, code = triad(t, "--quiet", "run", "--like", t.TempDir(), "--out", t.TempDir())
	assert.Equal(t, 2, code)
	assert.ErrorContains(t, err, "manifest.json")
}
