package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot returns every file of dir, hidden ones included, with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = ""
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

func notices(msgs *[]string) Options {
	return Options{Notify: func(n Notice) { *msgs = append(*msgs, n.Msg) }}
}

// A run interrupted while it writes leaves the output directory exactly as
// the previous run left it: the files it had written are not switched in.
func TestInterruptedWritePhaseKeepsThePreviousGeneration(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 200)
	_, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	before := snapshot(t, cfg.Output.Dir)
	require.Contains(t, before, "calibrated_mta.parquet")

	cfg.Sampler.Seed = 2 // a different generation, were it written
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = Run(ctx, cfg, Options{Notify: func(n Notice) {
		if n.Msg == "writing the report" {
			cancel() // what the CLI does on SIGINT or SIGTERM
		}
	}})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, before, snapshot(t, cfg.Output.Dir))
}

// An output directory that cannot be written is a configuration error
// found before the fit, not after it.
func TestUnwritableOutputDirFailsBeforeTheFit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	dirs := []string{file, filepath.Join(file, "sub")}
	if os.Geteuid() != 0 { // root writes into read-only directories
		ro := t.TempDir()
		require.NoError(t, os.Chmod(ro, 0o500))
		t.Cleanup(func() { os.Chmod(ro, 0o755) })
		dirs = append(dirs, ro, filepath.Join(ro, "out"))
	}
	for _, dir := range dirs {
		cfg := demoConfig(t, "laplace", 1, 10, 200)
		cfg.Output.Dir = dir
		var msgs []string
		_, err := Run(context.Background(), cfg, notices(&msgs))
		require.Error(t, err, dir)
		assert.True(t, IsInputError(err) || strings.Contains(err.Error(), "config"), err)
		assert.Contains(t, err.Error(), "output.dir "+dir)
		for _, m := range msgs {
			assert.NotContains(t, m, "fitting", "%s: the fit must not start", dir)
		}
	}
}

// An output file that is also an input (here through a symbolic link) is
// refused before anything is read or written; the input is untouched.
func TestAnInputThatIsAnOutputIsRefused(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 200)
	dir := cfg.Output.Dir
	panel, err := os.ReadFile(cfg.Data.Panel)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "decomposition.csv"), panel, 0o644))
	link := filepath.Join(t.TempDir(), "panel.csv")
	require.NoError(t, os.Symlink(filepath.Join(dir, "decomposition.csv"), link))
	cfg.Data.Panel = link

	_, err = Run(context.Background(), cfg, Options{})
	require.Error(t, err)
	assert.True(t, IsInputError(err) || strings.HasPrefix(err.Error(), "config:"), err)
	assert.Contains(t, err.Error(), "data.panel "+link+" is also an output")
	assert.Equal(t, map[string]string{"decomposition.csv": string(panel)}, snapshot(t, dir))

	_, err = Load(cfg)
	assert.ErrorContains(t, err, "is also an output", "validate refuses it too")
}
