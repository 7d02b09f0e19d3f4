package outdir

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// commit writes one generation of set with the given file contents.
func commit(t *testing.T, dir, set string, files map[string]string) []string {
	t.Helper()
	g, err := Begin(dir, set, sortedNames(files))
	require.NoError(t, err)
	for n, body := range files {
		require.NoError(t, g.WriteFile(n, []byte(body)))
	}
	paths, err := g.Commit(context.Background())
	require.NoError(t, err)
	return paths
}

func sortedNames(files map[string]string) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// entries lists dir's names, hidden ones included.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestCommitSwitchesInOneGeneration(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	paths := commit(t, dir, "run", map[string]string{"a.json": "a1", "b.csv": "b1"})
	assert.Equal(t, []string{filepath.Join(dir, "a.json"), filepath.Join(dir, "b.csv")}, paths)
	gen, err := Verify(dir, "run")
	require.NoError(t, err)
	assert.Equal(t, 1, gen)
	assert.Equal(t, []string{MarkerName, "a.json", "b.csv"}, entries(t, dir), "nothing but the generation")

	commit(t, dir, "run", map[string]string{"a.json": "a2", "b.csv": "b2"})
	gen, err = Verify(dir, "run")
	require.NoError(t, err)
	assert.Equal(t, 2, gen)
	assert.Equal(t, "a2", read(t, filepath.Join(dir, "a.json")))
	st, err := os.Stat(filepath.Join(dir, "b.csv"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func TestAbortKeepsThePreviousGeneration(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"a.json": "a1"})
	g, err := Begin(dir, "run", []string{"a.json"})
	require.NoError(t, err)
	require.NoError(t, g.WriteFile("a.json", []byte("a2")))
	g.Abort()
	g.Abort()
	gen, err := Verify(dir, "run")
	require.NoError(t, err)
	assert.Equal(t, 1, gen)
	assert.Equal(t, "a1", read(t, filepath.Join(dir, "a.json")))
	assert.Equal(t, []string{MarkerName, "a.json"}, entries(t, dir))
}

func TestAbortRemovesTheDirectoriesBeginCreated(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "x", "y", "out")
	g, err := Begin(dir, "run", []string{"a"})
	require.NoError(t, err)
	g.Abort()
	assert.Empty(t, entries(t, root), "a failed run leaves no output directory")
}

func TestCommitRefusesIncompleteOrUndeclaredFiles(t *testing.T) {
	dir := t.TempDir()
	g, err := Begin(dir, "run", []string{"a", "b"})
	require.NoError(t, err)
	require.NoError(t, g.WriteFile("a", []byte("x")))
	_, err = g.Commit(context.Background())
	require.ErrorContains(t, err, "b was declared but not written")
	assert.Empty(t, entries(t, dir))

	g, err = Begin(dir, "run", []string{"a"})
	require.NoError(t, err)
	require.NoError(t, g.WriteFile("a", []byte("x")))
	require.NoError(t, os.WriteFile(filepath.Join(g.Dir(), "stray.txt"), nil, 0o644))
	_, err = g.Commit(context.Background())
	require.ErrorContains(t, err, "stray.txt was written but not declared")
	assert.Empty(t, entries(t, dir))
}

func TestCommitAfterCancelWritesNothing(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"a": "1"})
	g, err := Begin(dir, "run", []string{"a"})
	require.NoError(t, err)
	require.NoError(t, g.WriteFile("a", []byte("2")))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = g.Commit(ctx)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, "1", read(t, filepath.Join(dir, "a")))
	assert.Equal(t, []string{MarkerName, "a"}, entries(t, dir))
}

func TestADroppedFileLeavesWithItsGeneration(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"a": "1", "extra.csv": "1"})
	commit(t, dir, "optimize", map[string]string{"budget.json": "1"})
	commit(t, dir, "run", map[string]string{"a": "2"})
	assert.Equal(t, []string{MarkerName, "a", "budget.json"}, entries(t, dir), "extra.csv was the old run's; budget.json another set's")
	m, ok, err := ReadMarker(dir)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 3, m.Generation)
	assert.Equal(t, 2, m.Sets["optimize"].Generation)
	for _, set := range []string{"run", "optimize"} {
		_, err := Verify(dir, set)
		assert.NoError(t, err, set)
	}
}

func TestSecondWriterIsRefusedWhileTheFirstHoldsTheDirectory(t *testing.T) {
	dir := t.TempDir()
	g, err := Begin(dir, "run", []string{"a"})
	require.NoError(t, err)
	_, err = Begin(dir, "run", []string{"a"})
	require.ErrorIs(t, err, ErrBusy)
	require.NoError(t, g.WriteFile("a", nil))
	_, err = g.Commit(context.Background())
	require.NoError(t, err)
	g2, err := Begin(dir, "run", []string{"a"})
	require.NoError(t, err, "the lock is released by Commit")
	g2.Abort()
}

func TestUnusableDirectoryFailsAtBegin(t *testing.T) {
	var de *DirError
	file := filepath.Join(t.TempDir(), "f")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err := Begin(file, "run", []string{"a"})
	require.ErrorAs(t, err, &de)
	assert.ErrorContains(t, err, "not a directory")
	_, err = Begin(filepath.Join(file, "sub"), "run", []string{"a"})
	require.ErrorAs(t, err, &de)

	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only directory")
	}
	dir := t.TempDir()
	require.NoError(t, os.Chmod(dir, 0o500))
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	_, err = Begin(dir, "run", []string{"a"})
	require.ErrorAs(t, err, &de)
	_, err = Begin(filepath.Join(dir, "sub"), "run", []string{"a"})
	require.ErrorAs(t, err, &de)
}

// A process killed after the commit point, anywhere in the switch, leaves
// no marker (never a marker that lies) and the next Begin completes the
// switch.
func TestBeginCompletesASwitchCutShort(t *testing.T) {
	files := []string{"a", "b", "c"}
	for moved := 0; moved <= len(files); moved++ {
		dir := t.TempDir()
		commit(t, dir, "run", map[string]string{"a": "1", "b": "1", "c": "1", "old": "1"})
		g, err := Begin(dir, "run", files)
		require.NoError(t, err)
		for _, f := range files {
			require.NoError(t, g.WriteFile(f, []byte("2")))
		}
		j, err := g.journal()
		require.NoError(t, err)
		require.NoError(t, writeJournal(g.staging, j))
		c := filepath.Join(dir, commitPrefix+"run-x")
		require.NoError(t, os.Rename(g.staging, c))
		// The switch's first steps, then the kill.
		require.NoError(t, os.Remove(filepath.Join(dir, MarkerName)))
		for _, f := range files[:moved] {
			require.NoError(t, os.Rename(filepath.Join(c, f), filepath.Join(dir, f)))
		}
		g.lock.unlock() // the kernel releases a dead process's lock
		_, err = Verify(dir, "run")
		require.Error(t, err, "no marker while the switch is under way")

		g2, err := Begin(dir, "run", files)
		require.NoError(t, err)
		g2.Abort()
		gen, err := Verify(dir, "run")
		require.NoError(t, err, "moved %d", moved)
		assert.Equal(t, 2, gen)
		for _, f := range files {
			assert.Equal(t, "2", read(t, filepath.Join(dir, f)))
		}
		assert.Equal(t, []string{MarkerName, "a", "b", "c"}, entries(t, dir), "moved %d: old dropped, journal gone", moved)
	}
}

func TestBeginRemovesWhatKilledRunsLeft(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"report.json": "1"})
	for _, p := range []string{".triad-staging-run-123/report.json", ".triad-commit-run-9/half"} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), nil, 0o644))
	}
	// Temporary files of the old one-file-at-a-time writer and of the marker.
	for _, p := range []string{".calibrated_mta.parquet.tmp-42", ".report.json.tmp-7", "." + MarkerName + ".tmp-1", ".notes.tmp-1", "user.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), nil, 0o644))
	}
	g, err := Begin(dir, "run", []string{"report.json", "calibrated_mta.parquet"})
	require.NoError(t, err)
	g.Abort()
	assert.Equal(t, []string{".notes.tmp-1", MarkerName, "report.json", "user.txt"}, entries(t, dir),
		"only triad's own leftovers are removed")
}

func TestCheckInputsFindsAnOutputThatIsAnInput(t *testing.T) {
	dir := t.TempDir()
	panel := filepath.Join(dir, "decomposition.csv")
	require.NoError(t, os.WriteFile(panel, []byte("x"), 0o644))
	outputs := []string{"report.json", "decomposition.csv"}

	err := CheckInputs(dir, outputs, []Input{{"data.panel", panel}})
	var oe *OverlapError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, "data.panel", oe.Input.Key)
	assert.Contains(t, err.Error(), "triad would overwrite it")

	// Through a link to the directory, and an input that is a link into the output.
	link := filepath.Join(t.TempDir(), "outlink")
	require.NoError(t, os.Symlink(dir, link))
	require.ErrorAs(t, CheckInputs(link, outputs, []Input{{"data.panel", panel}}), &oe)
	in := filepath.Join(t.TempDir(), "panel.csv")
	require.NoError(t, os.Symlink(panel, in))
	require.ErrorAs(t, CheckInputs(dir, outputs, []Input{{"data.panel", in}}), &oe)
	// A hard link is the same file under another name.
	hard := filepath.Join(dir, "report.json")
	require.NoError(t, os.Link(panel, hard))
	require.ErrorAs(t, CheckInputs(dir, []string{"report.json"}, []Input{{"data.panel", panel}}), &oe)

	other := t.TempDir()
	assert.NoError(t, CheckInputs(other, outputs, []Input{{"data.panel", panel}, {"data.mta", ""}}))
	assert.NoError(t, CheckInputs(filepath.Join(other, "new", "dir"), outputs, []Input{{"data.panel", panel}}))
}

// A file an earlier generation wrote, which this one would remove, is an
// output too: naming it as an input is refused.
func TestCheckInputsCountsTheFilesTheMarkerLists(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"calibrated_mta.csv": "x", "report.json": "r"})
	err := CheckInputs(dir, []string{"report.json"}, []Input{{"data.mta", filepath.Join(dir, "calibrated_mta.csv")}})
	var oe *OverlapError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, filepath.Join(dir, "calibrated_mta.csv"), oe.Output)
}

// The set's last file (a run's manifest.json) is gone from the moment the
// switch starts until it arrives last, so its presence keeps saying that
// the set is complete even when a switch is cut short.
func TestTheLastFileArrivesLast(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", map[string]string{"a": "1", "manifest.json": "1"})
	// A directory where b must go makes the switch fail after a moved.
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "b", "x"), 0o755))
	g, err := Begin(dir, "run", []string{"a", "b", "manifest.json"})
	require.NoError(t, err)
	for _, f := range []string{"a", "b", "manifest.json"} {
		require.NoError(t, g.WriteFile(f, []byte("2")))
	}
	_, err = g.Commit(context.Background())
	require.ErrorContains(t, err, "the next triad run in it completes it")
	assert.Equal(t, "2", read(t, filepath.Join(dir, "a")), "the switch had started")
	assert.NoFileExists(t, filepath.Join(dir, "manifest.json"), "the old manifest went first")
	assert.NoFileExists(t, filepath.Join(dir, MarkerName))

	require.NoError(t, os.RemoveAll(filepath.Join(dir, "b")))
	require.NoError(t, Recover(dir))
	gen, err := Verify(dir, "run")
	require.NoError(t, err)
	assert.Equal(t, 2, gen)
	assert.Equal(t, "2", read(t, filepath.Join(dir, "manifest.json")))
	assert.Equal(t, []string{MarkerName, "a", "b", "manifest.json"}, entries(t, dir))
}
