package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/batch/batchtest"
	"github.com/triad-mmm/triad/internal/outdir"
)

// batchManifest writes the batchtest manifest of n short runs (m1..mn)
// into dir, plus m99, whose panel is missing, when bad.
func batchManifest(t *testing.T, dir string, n int, bad bool) string {
	t.Helper()
	p, err := batchtest.Manifest(dir, n, bad)
	require.NoError(t, err)
	return p
}

func TestBatchExitCodes(t *testing.T) {
	dir := t.TempDir()
	manifest := batchManifest(t, dir, 1, true)
	out, err, code := triad(t, "batch", "--manifest", manifest, "--jobs", "2")
	require.Error(t, err)
	assert.Equal(t, exitInput, code, "every failure is bad input: an engine need not retry")
	assert.Contains(t, out, "ok\tm1\t"+filepath.Join(dir, "out", "m1")+"\n")
	assert.Contains(t, out, "failed\tm99\t")
	assert.Contains(t, out, "missing.csv")
	assert.Contains(t, err.Error(), "1 of 2 runs failed")

	out, err, code = triad(t, "batch", "--manifest", manifest, "--shard", "0/2")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, "skipped\tm1\t"+filepath.Join(dir, "out", "m1")+"\n", out)

	for _, args := range [][]string{
		{"batch"},
		{"batch", "--manifest", filepath.Join(dir, "absent.yaml")},
		{"batch", "--manifest", manifest, "--shard", "2/2"},
		{"batch", "--manifest", manifest, "--shard", "two"},
		{"batch", "--manifest", manifest, "--jobs", "-1"},
		{"batch", "--manifest", manifest, "extra"},
	} {
		_, err, code := triad(t, args...)
		assert.Error(t, err, args)
		assert.Equal(t, exitInput, code, args)
	}
	t.Setenv("JOB_COMPLETION_INDEX", "1")
	_, err, code = triad(t, "batch", "--manifest", manifest, "--shard", "auto")
	assert.ErrorContains(t, err, "JOB_COMPLETION_COUNT")
	assert.Equal(t, exitInput, code)
	t.Setenv("JOB_COMPLETION_COUNT", "2")
	out, err, code = triad(t, "batch", "--manifest", manifest, "--shard", "auto")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, out, "failed\tm99\t")
	assert.NotContains(t, out, "m1")

	// The manifest's portfolio, with a run not done yet.
	manifest = batchManifest(t, dir, 2, true)
	port := filepath.Join(dir, "portfolio")
	out, err, code = triad(t, "gather", "--manifest", manifest, "--out", port)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, filepath.Join(port, "portfolio.json")+"\n"+filepath.Join(port, "portfolio.md")+"\n"+filepath.Join(port, "portfolio.html")+"\n", out)
	var p struct {
		Runs []struct{ Name, Status, Error string }
	}
	b, err := os.ReadFile(filepath.Join(port, "portfolio.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &p))
	require.Len(t, p.Runs, 3)
	assert.Equal(t, "m1", p.Runs[0].Name)
	assert.Equal(t, "incomplete", p.Runs[1].Status, "m2 has not run")
	assert.Equal(t, "failed", p.Runs[2].Status)
	assert.Contains(t, p.Runs[2].Error, "missing.csv")
	_, err, code = triad(t, "gather", "--manifest", manifest, "--out", port, filepath.Join(dir, "out", "m1"))
	assert.Error(t, err)
	assert.Equal(t, exitInput, code)
}

// runShards runs triad batch over manifest as n processes at once, shard
// i/n each, and returns each process's stdout lines.
func runShards(t *testing.T, manifest string, n, jobs int) [][]string {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	outs := make([][]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(exe, "batch", "-q", "--manifest", manifest, "--shard", fmt.Sprintf("%d/%d", i, n), "--jobs", fmt.Sprint(jobs))
			cmd.Env = append(os.Environ(), asMain+"=1")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			assert.NoError(t, cmd.Run(), "shard %d/%d: %s", i, n, stderr.String())
			outs[i] = strings.Split(strings.TrimSpace(stdout.String()), "\n")
		}()
	}
	wg.Wait()
	return outs
}

// TestBatchShardsRunEveryRunOnce runs one manifest as N shards in N
// processes at once: every run is done exactly once, a second pass skips
// all of them, and the portfolio of the shards' union is byte for byte
// that of the single process (which ran three runs at a time).
func TestBatchShardsRunEveryRunOnce(t *testing.T) {
	const runs = 7
	var single map[string][]byte
	for _, n := range []int{1, 3, 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			manifest := batchManifest(t, dir, runs, false)
			jobs := 1
			if n == 1 {
				jobs = 3
			}
			done := map[string]int{}
			for i, lines := range runShards(t, manifest, n, jobs) {
				assert.Len(t, lines, len(seq(i, n, runs)), "shard %d/%d", i, n)
				for _, l := range lines {
					f := strings.Split(l, "\t")
					require.Len(t, f, 3, l)
					assert.Equal(t, "ok", f[0], l)
					done[f[1]]++
				}
			}
			for i := 1; i <= runs; i++ {
				assert.Equal(t, 1, done[fmt.Sprintf("m%d", i)], "run m%d", i)
			}
			assert.Len(t, done, runs)
			// Run again: every run is complete, so every shard skips all.
			for _, lines := range runShards(t, manifest, n, 1) {
				for _, l := range lines {
					assert.True(t, strings.HasPrefix(l, "skipped\t"), l)
				}
			}
			got := gatherAll(t, filepath.Join(dir, "out"))
			if single == nil {
				single = got
				return
			}
			for name, b := range single {
				assert.Equal(t, string(b), string(got[name]), "%s of %d shards against one process", name, n)
			}
		})
	}
}

// gatherAll gathers every run folder under root and returns the portfolio
// files.
func gatherAll(t *testing.T, root string) map[string][]byte {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(root, "*"))
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "portfolio")
	_, err, code := triad(t, append([]string{"gather", "--out", out}, dirs...)...)
	require.NoError(t, err)
	require.Equal(t, exitOK, code)
	files := map[string][]byte{}
	for _, name := range []string{"portfolio.json", "portfolio.md", "portfolio.html"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		files[name] = b
	}
	return files
}

// seq returns the 0-based manifest positions of shard i of n over runs.
func seq(i, n, runs int) []int {
	var out []int
	for k := i; k < runs; k += n {
		out = append(out, k)
	}
	return out
}

func TestGatherUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"gather", dir},
		{"gather", "--out", filepath.Join(dir, "p")},
		{"gather", "--out", filepath.Join(dir, "p"), filepath.Join(dir, "absent")},
	} {
		_, err, code := triad(t, args...)
		assert.Error(t, err, args)
		assert.Equal(t, exitInput, code, args)
	}
}

// A batch stopped by SIGTERM exits 143 and one killed by SIGKILL just
// dies; each time the next batch skips what finished, and no run is done
// twice: each run's files were committed exactly once (generation 1).
func TestBatchResumesAfterSignalAndKill(t *testing.T) {
	dir := t.TempDir()
	manifest := batchManifest(t, dir, 3, false)
	args := []string{"batch", "--manifest", manifest, "--jobs", "1"}
	p := startTriad(t, []string{`msg="run ok"`}, args...)
	require.True(t, p.await(t, `msg="run ok"`))
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
	code, stderr := p.wait()
	assert.Equal(t, 143, code, stderr)
	assert.Contains(t, stderr, "interrupted by SIGTERM")

	p = startTriad(t, []string{`msg="run skipped"`, `msg="run ok"`}, args...)
	require.True(t, p.await(t, `msg="run ok"`))
	require.NoError(t, p.cmd.Process.Kill())
	_, stderr = p.wait()
	assert.Contains(t, stderr, `msg="run skipped" run=m1`)

	out, err, code := triad(t, append(args, "-q")...)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "skipped\tm1\t")
	for _, name := range []string{"m1", "m2", "m3"} {
		m, ok, err := outdir.ReadMarker(filepath.Join(dir, "out", name))
		require.NoError(t, err)
		require.True(t, ok, name)
		assert.Equal(t, 1, m.Sets["run"].Generation, "%s: its files were committed once", name)
	}
}
