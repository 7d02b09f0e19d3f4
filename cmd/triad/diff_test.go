package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// triad diff of two runs writes the three files and prints their paths;
// wrong arguments and a directory without a run exit 2.
func TestDiffCommand(t *testing.T) {
	cfg := demoCopy(t)
	a, b, out := t.TempDir(), t.TempDir(), t.TempDir()
	for i, dir := range []string{a, b} {
		_, err, code := triad(t, "--quiet", "--config", cfg, "run", "--method", "laplace", "--draws", "200", "--seed", []string{"1", "2"}[i], "--out", dir)
		require.NoError(t, err)
		require.Equal(t, 0, code)
	}
	stdout, err, code := triad(t, "--quiet", "diff", a, b, "--out", out)
	require.NoError(t, err)
	assert.Equal(t, 0, code)
	assert.Equal(t, strings.Join([]string{filepath.Join(out, "diff.json"), filepath.Join(out, "diff.md"), filepath.Join(out, "diff.html")}, "\n")+"\n", stdout)

	_, err, code = triad(t, "diff", a)
	assert.Equal(t, 2, code)
	assert.ErrorContains(t, err, "diff takes two directories")
	_, err, code = triad(t, "diff", a, t.TempDir())
	assert.Equal(t, 2, code)
	assert.ErrorContains(t, err, "no report.json")
}
