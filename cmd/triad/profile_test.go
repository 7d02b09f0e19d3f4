package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCPUProfileFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	g := &globalOptions{}
	root := newRoot(g)
	root.SetArgs([]string{"--cpuprofile", path, "simulate", "--seed", "3", "--out", t.TempDir()})
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	require.NoError(t, root.Execute())
	g.stopProfile()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	// A pprof profile is a gzipped protocol buffer.
	zr, err := gzip.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	_, err = io.ReadAll(zr)
	require.NoError(t, err)

	// The flag is hidden from the help.
	out, err, code := triad(t, "--help")
	require.NoError(t, err)
	assert.Zero(t, code)
	assert.NotContains(t, out, "cpuprofile")

	_, err, code = triad(t, "--cpuprofile", filepath.Join(t.TempDir(), "no", "such", "dir", "p"), "version")
	assert.Error(t, err)
	assert.Equal(t, exitInput, code)
}
