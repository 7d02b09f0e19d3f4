package batch

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/batch/batchtest"
)

// testManifest loads the batchtest manifest of runs short runs (and a bad
// one when withBad) written into dir.
func testManifest(t testing.TB, dir string, runs int, withBad bool) *Manifest {
	t.Helper()
	p, err := batchtest.Manifest(dir, runs, withBad)
	require.NoError(t, err)
	m, err := Load(p)
	require.NoError(t, err)
	return m
}

// timings are the wall-clock seconds in report.json and report.md (of
// the fits, of the prior sensitivity refits).
var timings = regexp.MustCompile(`"[a-z_]*seconds": [0-9.e+-]+|[0-9.]+ s\b|\| seconds \| [0-9.]+ \|`)

// outputs returns the run's files with their wall-clock timings blanked.
func outputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"report.json", "report.md", "decomposition.csv", "data_summary.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		out[name] = timings.ReplaceAllString(string(b), "(seconds)")
	}
	return out
}

func statuses(s *Summary) map[string]Status {
	out := map[string]Status{}
	for _, o := range s.Outcomes {
		out[o.Run.Name] = o.Status
	}
	return out
}

func TestExecuteRunsResumesAndRecords(t *testing.T) {
	dir := t.TempDir()
	m := testManifest(t, dir, 3, true)
	var finished []string
	opts := Options{Jobs: 1, Finished: func(o Outcome) { finished = append(finished, o.Run.Name) }}
	s, err := Execute(context.Background(), m, opts)
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"m1": StatusOK, "m2": StatusOK, "m3": StatusOK, "m99": StatusFailed}, statuses(s))
	assert.Equal(t, []string{"m1", "m2", "m3", "m99"}, finished)
	bad := s.Failed()[0]
	assert.Contains(t, bad.Err.Error(), "missing.csv")
	rec, ok, err := ReadRecord(bad.Dir)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, StatusFailed, rec.Status)
	assert.Contains(t, rec.Error, "missing.csv")
	assert.Equal(t, map[string]string{"seed": "99", "panel": filepath.Join(dir, "missing.csv")}, rec.Vars)

	t.Run("the same runs at three at once give the same files", func(t *testing.T) {
		m3 := testManifest(t, t.TempDir(), 3, false)
		_, err := Execute(context.Background(), m3, Options{Jobs: 3})
		require.NoError(t, err)
		for _, name := range []string{"m1", "m2", "m3"} {
			assert.Equal(t, outputs(t, filepath.Join(m.OutputRoot, name)), outputs(t, filepath.Join(m3.OutputRoot, name)), name)
		}
	})

	t.Run("complete runs are skipped, failed ones retried", func(t *testing.T) {
		before := outputs(t, filepath.Join(m.OutputRoot, "m2"))
		s, err := Execute(context.Background(), m, Options{Jobs: 2})
		require.NoError(t, err)
		assert.Equal(t, map[string]Status{"m1": StatusSkipped, "m2": StatusSkipped, "m3": StatusSkipped, "m99": StatusFailed}, statuses(s))
		assert.Equal(t, before, outputs(t, filepath.Join(m.OutputRoot, "m2")))
	})

	t.Run("a run killed before its record is complete; a forced run that failed is not", func(t *testing.T) {
		d1, d2 := filepath.Join(m.OutputRoot, "m1"), filepath.Join(m.OutputRoot, "m2")
		st, err := ReadState(d1)
		require.NoError(t, err)
		require.True(t, st.Complete())
		// The record of an earlier failed attempt, as a run killed between
		// its commit and its record leaves it.
		require.NoError(t, writeRecord(d1, Record{Name: "m1", Status: StatusFailed, Error: "earlier", RunGeneration: st.RunGeneration - 1}))
		// A forced attempt that failed after the run's files were written.
		st2, err := ReadState(d2)
		require.NoError(t, err)
		require.NoError(t, writeRecord(d2, Record{Name: "m2", Status: StatusFailed, Error: "forced", RunGeneration: st2.RunGeneration}))
		st2, err = ReadState(d2)
		require.NoError(t, err)
		assert.False(t, st2.Complete())
		assert.Equal(t, StatusFailed, st2.Status())

		s, err := Execute(context.Background(), m, Options{Shard: Shard{Index: 0, Count: 2}})
		require.NoError(t, err)
		// Shard 0 of 2 holds m1 and m3.
		assert.Equal(t, map[string]Status{"m1": StatusSkipped, "m3": StatusSkipped}, statuses(s))
		rec, _, err := ReadRecord(d1)
		require.NoError(t, err)
		assert.Equal(t, StatusOK, rec.Status)
		assert.Equal(t, st.RunGeneration, rec.RunGeneration)

		s, err = Execute(context.Background(), m, Options{Shard: Shard{Index: 1, Count: 2}})
		require.NoError(t, err)
		assert.Equal(t, map[string]Status{"m2": StatusOK, "m99": StatusFailed}, statuses(s))
		st2b, err := ReadState(d2)
		require.NoError(t, err)
		assert.Greater(t, st2b.RunGeneration, st2.RunGeneration)
		assert.True(t, st2b.Complete())
	})

	t.Run("force redoes complete runs", func(t *testing.T) {
		s, err := Execute(context.Background(), m, Options{Force: true, Shard: Shard{Index: 2, Count: 4}})
		require.NoError(t, err)
		assert.Equal(t, map[string]Status{"m3": StatusOK}, statuses(s))
	})

	t.Run("a cancelled batch starts nothing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		s, err := Execute(ctx, m, Options{Force: true})
		assert.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, s.Outcomes)
	})
}

func TestGatherReadsRunFolders(t *testing.T) {
	dir := t.TempDir()
	m := testManifest(t, dir, 2, true)
	_, err := Execute(context.Background(), m, Options{Jobs: 2})
	require.NoError(t, err)
	empty := filepath.Join(m.OutputRoot, "never-ran")
	require.NoError(t, os.Mkdir(empty, 0o755))
	dirs := []string{filepath.Join(m.OutputRoot, "m99"), filepath.Join(m.OutputRoot, "m2"), empty, filepath.Join(m.OutputRoot, "m1")}
	p, err := Gather(dirs, "", "triad test")
	require.NoError(t, err)
	require.Len(t, p.Runs, 4)
	got := map[string]string{}
	for _, r := range p.Runs {
		got[r.Name] = r.Status
	}
	// The short test fits (2 chains × 60 draws) converge poorly, as they should.
	assert.Equal(t, map[string]string{"m1": "poor_convergence", "m2": "poor_convergence", "m99": "failed", "never-ran": "incomplete"}, got)
	assert.Equal(t, "m1", p.Runs[0].Name)
	assert.Equal(t, 0.9, p.Interval)
	r := p.Runs[0]
	assert.Equal(t, "mmm", r.Model)
	assert.Equal(t, map[string]string{"seed": "1", "panel": r.Vars["panel"]}, r.Vars)
	require.Len(t, r.Channels, 6)
	assert.Equal(t, "tv", r.Channels[0].Name)
	assert.True(t, r.Channels[0].ROI.Known())
	assert.Less(t, r.Channels[0].ROI.Lo, r.Channels[0].ROI.Hi)
	assert.NotEmpty(t, r.Convergence.Problems)
	assert.Contains(t, p.Runs[2].Error, "missing.csv")
	require.Len(t, p.Budget, 1)
	assert.Len(t, p.Budget[0].Entries, 12)

	_, err = Gather([]string{filepath.Join(m.OutputRoot, "m1"), filepath.Join(dir, "nope")}, "", "")
	var ge *GatherError
	require.ErrorAs(t, err, &ge)
	assert.Contains(t, err.Error(), "nope: not a run folder")
	_, err = Gather([]string{filepath.Join(m.OutputRoot, "m1"), filepath.Join(m.OutputRoot, "m1") + "/"}, "", "")
	require.ErrorAs(t, err, &ge)
	assert.Contains(t, err.Error(), `both hold run "m1"`)

	// The manifest's view: a run with no folder yet is incomplete.
	m3 := testManifest(t, dir, 3, true)
	p, err = GatherManifest(m3, "", "")
	require.NoError(t, err)
	got = map[string]string{}
	for _, r := range p.Runs {
		got[r.Name] = r.Status
	}
	assert.Equal(t, map[string]string{"m1": "poor_convergence", "m2": "poor_convergence", "m3": "incomplete", "m99": "failed"}, got)
	assert.Equal(t, "3", p.Runs[2].Vars["seed"])
}

func TestARunWithoutItsManifestIsNotComplete(t *testing.T) {
	dir := t.TempDir()
	m := testManifest(t, dir, 1, false)
	_, err := Execute(context.Background(), m, Options{})
	require.NoError(t, err)
	d := filepath.Join(m.OutputRoot, "m1")
	st, err := ReadState(d)
	require.NoError(t, err)
	require.True(t, st.Complete())
	// A folder whose manifest.json is gone (as while a switch is under
	// way) or damaged holds no complete run.
	require.NoError(t, os.Remove(filepath.Join(d, "manifest.json")))
	st, err = ReadState(d)
	require.NoError(t, err)
	assert.False(t, st.Complete())
	s, err := Execute(context.Background(), m, Options{})
	require.NoError(t, err)
	assert.Equal(t, map[string]Status{"m1": StatusOK}, statuses(s))
	require.NoError(t, os.WriteFile(filepath.Join(d, "report.json"), []byte("{}"), 0o644))
	st, err = ReadState(d)
	require.NoError(t, err)
	assert.False(t, st.Complete(), "a file that is not the generation's")
}
