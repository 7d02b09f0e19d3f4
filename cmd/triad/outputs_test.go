package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What a killed run left in the output directory (temporary files of its
// outputs) is removed by the next run; files that are not triad's stay.
func TestRunRemovesWhatAKilledRunLeft(t *testing.T) {
	cfg := demoCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	require.NoError(t, os.MkdirAll(out, 0o755))
	leftovers := []string{".calibrated_mta.parquet.tmp-3141", ".report.json.tmp-59", ".decomposition.csv.tmp-26"}
	mine := []string{".notes.tmp-1", "notes.txt"}
	for _, n := range append(leftovers, mine...) {
		require.NoError(t, os.WriteFile(filepath.Join(out, n), []byte("x"), 0o644))
	}
	_, err, code := triad(t, "run", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "200", "-q")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	for _, n := range leftovers {
		assert.NoFileExists(t, filepath.Join(out, n))
	}
	for _, n := range mine {
		assert.FileExists(t, filepath.Join(out, n), "not triad's")
	}
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.Contains(e.Name(), ".tmp-") && e.Name() != ".notes.tmp-1", e.Name())
	}
}
