package main

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// SIGINT and SIGTERM stop a run, during the fit or while it writes, with
// the shell's exit code for the signal (never 0), and the output directory
// keeps the previous run's files byte for byte.
func TestSignalsStopTheRunAndKeepThePreviousGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("runs triad four times")
	}
	cfg := bigWorld(t, 400_000)
	out := filepath.Join(t.TempDir(), "out")
	run := []string{"run", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "200"}
	_, err, _ := triad(t, append(run, "-q")...)
	require.NoError(t, err)
	before := hashes(t, out)
	for _, tc := range []struct {
		sig  syscall.Signal
		name string
		at   string
	}{
		{syscall.SIGTERM, "SIGTERM", "fitting the MMM"},
		{syscall.SIGINT, "SIGINT", "writing the report"},
		{syscall.SIGTERM, "SIGTERM", "writing the report"},
	} {
		p := startTriad(t, []string{tc.at}, append(run, "--seed", "5")...)
		require.True(t, p.await(t, tc.at), tc.at)
		require.NoError(t, p.cmd.Process.Signal(tc.sig))
		code, stderr := p.wait()
		assert.Equal(t, 128+int(tc.sig), code, "%s at %q: %s", tc.name, tc.at, stderr)
		assert.Contains(t, stderr, "triad: interrupted by "+tc.name+": stopped; the output directory keeps its previous files")
		assert.Equal(t, before, hashes(t, out), "%s at %q", tc.name, tc.at)
	}
}
