package eval

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/pipeline"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
)

// loadConfig reads a config file the way cmd/triad does (defaults, file,
// TRIAD_* environment) and resolves its data paths against its directory.
func loadConfig(t testing.TB, path string) *config.Config {
	t.Helper()
	c, err := config.Load(path, nil)
	require.NoError(t, err)
	return c
}

// runConfig runs the pipeline on cfg, editing it first, with the output in
// a temporary directory.
func runConfig(t testing.TB, cfg *config.Config, edit func(*config.Config)) *report.Report {
	t.Helper()
	cfg.Output.Dir = t.TempDir()
	if edit != nil {
		edit(cfg)
	}
	require.NoError(t, cfg.Validate())
	res, err := pipeline.Run(context.Background(), cfg, pipeline.Options{})
	require.NoError(t, err)
	return res.Report
}

// runWorld simulates the default world of seed, writes it as CSV with its
// config.yaml, and runs triad on it as a user would.
func runWorld(t testing.TB, seed uint64, edit func(*config.Config)) (*simulate.World, *report.Report) {
	t.Helper()
	w, err := simulate.Generate(simulate.Options{Seed: seed})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	cfg := loadConfig(t, filepath.Join(dir, "config.yaml"))
	return w, runConfig(t, cfg, edit)
}
