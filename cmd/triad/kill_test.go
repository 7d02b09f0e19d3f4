package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/outdir"
)

// killResult is what a kill test saw.
type killResult struct {
	// Run is a complete run's wall-clock time, WriteAt when it started
	// writing.
	Run, WriteAt time.Duration
	// Outcomes counts what the output directory held after each kill:
	// "previous" or "new" complete generation, or "switch" (killed during
	// the few renames of a switch: no marker, completed by the next run).
	Outcomes map[string]int
	// Phases counts where the kills landed: load, fit, write or done.
	Phases map[string]int
}

// killRuns runs triad on the demo world with an MTA export of about rows
// rows and SIGKILLs it kills times at random moments: every other kill
// anywhere in the run, the others in its write phase (from the moment it
// logs "writing the report"). After each kill the
// output directory must hold the previous complete generation or the new
// one, and the next run must remove whatever the killed one left.
func killRuns(t *testing.T, rows, kills int, seed uint64) killResult {
	cfg := bigWorld(t, rows)
	out := filepath.Join(t.TempDir(), "out")
	args := func(seed int) []string {
		return []string{"run", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "200", "--seed", strconv.Itoa(seed)}
	}
	res := killResult{Outcomes: map[string]int{}, Phases: map[string]int{}}
	p := startTriad(t, []string{"writing the report"}, args(1)...)
	require.True(t, p.await(t, "writing the report"))
	res.WriteAt = time.Since(p.start)
	code, stderr := p.wait()
	res.Run = time.Since(p.start)
	require.Equal(t, 0, code, stderr)
	prev := completeGeneration(t, out)

	// Runs vary in length on a shared machine: the windows reach 50% past
	// the timed run's end, so that some kills land after the commit.
	rng := rand.New(rand.NewPCG(seed, 13))
	for i := range kills {
		r := 1.5 * rng.Float64()
		p := startTriad(t, []string{"fitting the MMM", "writing the report"}, args(i+2)...)
		deadline := p.start.Add(time.Duration(r * float64(res.Run)))
		if i%2 == 1 {
			deadline = time.Now().Add(time.Hour)
		}
		if p.awaitBy("fitting the MMM", deadline) {
			// The run has begun its generation: the previous kill's
			// leftovers must be gone, its own staging directory aside.
			noLeftovers(t, out, prev, 1)
		}
		if i%2 == 1 && p.awaitBy("writing the report", deadline) {
			deadline = time.Now().Add(time.Duration(r * float64(res.Run-res.WriteAt)))
		}
		at := time.Until(deadline) + time.Since(p.start)
		time.Sleep(time.Until(deadline))
		phase := "load"
		select {
		case <-p.done: // stderr closed: the run had ended
			phase = "done"
		default:
			require.NoError(t, p.cmd.Process.Kill())
		}
		switch {
		case phase == "done":
		case p.saw("writing the report"):
			phase = "write"
		case p.saw("fitting the MMM"):
			phase = "fit"
		}
		p.wait()
		res.Phases[phase]++
		outcome, now := afterKill(t, out, prev)
		t.Logf("kill %2d at %6.2fs (%s): %s", i+1, at.Seconds(), phase, outcome)
		res.Outcomes[outcome]++
		prev = now
	}
	p = startTriad(t, nil, args(kills+2)...)
	code, stderr = p.wait()
	require.Equal(t, 0, code, stderr)
	noLeftovers(t, out, completeGeneration(t, out), 0)
	return res
}

// generation is the files of a complete generation by name, with their
// SHA-256, and its number.
type generation struct {
	n     int
	files map[string]string
}

// completeGeneration checks that out holds a complete generation of the
// run and nothing else of triad's, and returns it.
func completeGeneration(t *testing.T, out string) generation {
	t.Helper()
	n, err := outdir.Verify(out, "run")
	require.NoError(t, err)
	m, _, err := outdir.ReadMarker(out)
	require.NoError(t, err)
	g := generation{n: n, files: map[string]string{}}
	all := hashes(t, out)
	for _, f := range m.Sets["run"].Files {
		g.files[f.Name] = f.SHA256
	}
	g.files[outdir.MarkerName] = all[outdir.MarkerName]
	return g
}

// afterKill says what a killed run left in out, given the generation
// before it, and returns the generation out holds now.
func afterKill(t *testing.T, out string, prev generation) (string, generation) {
	t.Helper()
	if _, ok, err := outdir.ReadMarker(out); err == nil && !ok {
		commits := 0
		for name := range hashes(t, out) {
			if strings.HasPrefix(name, ".triad-commit-") {
				commits++
			}
		}
		require.Equal(t, 1, commits, "no marker: only a switch under way removes it")
		require.NoError(t, outdir.Recover(out)) // what the next run does first
		now := completeGeneration(t, out)
		require.Equal(t, prev.n+1, now.n)
		return "switch", now
	}
	now := completeGeneration(t, out)
	visible := map[string]string{}
	for name, h := range hashes(t, out) {
		if !strings.HasPrefix(name, ".") || name == outdir.MarkerName {
			visible[name] = h
		}
	}
	require.Equal(t, now.files, visible, "nothing but the generation's files is visible")
	switch now.n {
	case prev.n:
		require.Equal(t, prev.files, now.files, "the previous generation, byte for byte")
		return "previous", now
	case prev.n + 1:
		return "new", now
	}
	t.Fatalf("generation %d after a kill, previous %d", now.n, prev.n)
	return "", now
}

// noLeftovers checks that out holds the generation g and at most staging
// running runs' staging directories: no temporary files, no staging or
// commit directories of killed runs.
func noLeftovers(t *testing.T, out string, g generation, staging int) {
	t.Helper()
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		if _, ok := g.files[name]; ok && !e.IsDir() {
			continue
		}
		if e.IsDir() && strings.HasPrefix(name, ".triad-staging-run-") && staging > 0 {
			staging--
			continue
		}
		assert.Fail(t, "leftover in the output directory", name)
	}
}

// Three kills of runs on a small MTA export; kill_long_test.go has the
// 5M-row version.
func TestKillAtRandomMomentsKeepsOneGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("runs triad five times")
	}
	res := killRuns(t, 100_000, 3, 1)
	t.Logf("run %.2fs (writing from %.2fs); outcomes %v; phases %v", res.Run.Seconds(), res.WriteAt.Seconds(), res.Outcomes, res.Phases)
}
