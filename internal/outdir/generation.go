package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/internal/atomicfile"
)

// Generation is one command's files being written into an output
// directory. Begin starts it; Commit switches it in or Abort drops it.
type Generation struct {
	dir     string
	set     string
	files   []string
	staging string
	lock    *dirLock
	created string // top-most directory Begin created, removed by Abort
	done    bool
}

// DirError reports an output directory that cannot be used: it cannot be
// created, is not a directory, or is not writable.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string { return fmt.Sprintf("output directory %s: %v", e.Dir, e.Err) }
func (e *DirError) Unwrap() error { return e.Err }

// ErrBusy means another triad process holds the output directory.
var ErrBusy = errors.New("in use by another triad process")

var setName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Begin prepares dir for a new generation of set holding files (base
// names, in the order Commit reports them): it creates dir if needed,
// locks it, completes or removes what a killed run left behind and creates
// the staging directory. Errors about dir itself are *DirError.
func Begin(dir, set string, files []string) (*Generation, error) {
	if err := checkNames(set, files); err != nil {
		return nil, err
	}
	if dir == "" {
		return nil, &DirError{Dir: `""`, Err: errors.New("no directory given")}
	}
	g := &Generation{dir: dir, set: set, files: slices.Clone(files)}
	created, err := mkdirAll(dir)
	if err != nil {
		return nil, &DirError{Dir: dir, Err: err}
	}
	g.created = created
	if g.lock, err = lockDir(dir); err != nil {
		g.removeCreated()
		if errors.Is(err, ErrBusy) {
			return nil, fmt.Errorf("output directory %s is %w; wait for it to finish or choose another output directory", dir, err)
		}
		return nil, &DirError{Dir: dir, Err: err}
	}
	if err := recoverDir(dir, files); err != nil {
		g.release()
		return nil, &DirError{Dir: dir, Err: err}
	}
	if g.staging, err = os.MkdirTemp(dir, stagingPrefix+set+"-"); err != nil {
		g.release()
		return nil, &DirError{Dir: dir, Err: err}
	}
	return g, nil
}

func checkNames(set string, files []string) error {
	if !setName.MatchString(set) {
		return fmt.Errorf("outdir: bad set name %q", set)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if f == "" || f != filepath.Base(f) || strings.HasPrefix(f, ".") || seen[f] {
			return fmt.Errorf("outdir: bad or repeated file name %q", f)
		}
		seen[f] = true
	}
	return nil
}

// Dir is the staging directory, for writers that take a directory.
func (g *Generation) Dir() string { return g.staging }

// Path is where the declared file name is to be written.
func (g *Generation) Path(name string) string { return filepath.Join(g.staging, name) }

// WriteFile writes the declared file name.
func (g *Generation) WriteFile(name string, data []byte) error {
	return atomicfile.WriteFile(g.Path(name), data)
}

// Commit switches the staged files in as the directory's new generation of
// the set and returns their final paths in declared order. It fails
// without touching the directory when ctx is done, when a declared file is
// missing or when an undeclared one was written; once the staged files are
// committed the switch completes regardless of ctx. Commit or Abort ends
// the generation either way.
func (g *Generation) Commit(ctx context.Context) ([]string, error) {
	if g.done {
		return nil, errors.New("outdir: generation already ended")
	}
	if err := ctx.Err(); err != nil {
		g.Abort()
		return nil, err
	}
	j, err := g.journal()
	if err != nil {
		g.Abort()
		return nil, err
	}
	if err := writeJournal(g.staging, j); err != nil {
		g.Abort()
		return nil, err
	}
	commit := filepath.Join(g.dir, commitPrefix+strings.TrimPrefix(filepath.Base(g.staging), stagingPrefix))
	if err := os.Rename(g.staging, commit); err != nil {
		g.Abort()
		return nil, err
	}
	atomicfile.SyncDir(g.dir)
	g.done = true
	defer g.release()
	if err := finish(g.dir, commit, j); err != nil {
		return nil, fmt.Errorf("output directory %s: completing the switch: %w (the next triad run in it completes it)", g.dir, err)
	}
	paths := make([]string, len(g.files))
	for i, f := range g.files {
		paths[i] = filepath.Join(g.dir, f)
	}
	return paths, nil
}

// journal describes the staged files and the marker after the switch.
func (g *Generation) journal() (journal, error) {
	entries, err := os.ReadDir(g.staging)
	if err != nil {
		return journal{}, err
	}
	for _, e := range entries {
		if !slices.Contains(g.files, e.Name()) && !isTemp(e.Name()) {
			return journal{}, fmt.Errorf("outdir: %s was written but not declared to Begin", e.Name())
		}
	}
	var files []File
	for _, name := range g.files {
		f, err := describe(g.Path(name))
		if errors.Is(err, os.ErrNotExist) {
			return journal{}, fmt.Errorf("outdir: %s was declared but not written", name)
		}
		if err != nil {
			return journal{}, err
		}
		files = append(files, f)
	}
	old, _, err := ReadMarker(g.dir)
	if err != nil {
		return journal{}, err
	}
	next := Marker{Generation: old.Generation + 1, Sets: map[string]Set{}}
	for name, s := range old.Sets {
		if name == g.set {
			continue
		}
		// A name moving between sets belongs to the new one only.
		s.Files = slices.DeleteFunc(slices.Clone(s.Files), func(f File) bool { return slices.Contains(g.files, f.Name) })
		next.Sets[name] = s
	}
	next.Sets[g.set] = Set{Generation: next.Generation, Files: files}
	j := journal{Set: g.set, Marker: next}
	for _, f := range old.Sets[g.set].Files {
		if !slices.Contains(g.files, f.Name) {
			j.Remove = append(j.Remove, f.Name)
		}
	}
	return j, nil
}

// Abort drops the staged files and leaves the directory as it was (a
// directory Begin created is removed again). It is safe after Commit.
func (g *Generation) Abort() {
	if g.done {
		return
	}
	g.done = true
	os.RemoveAll(g.staging)
	g.release()
	g.removeCreated()
}

func (g *Generation) release() {
	if g.lock != nil {
		g.lock.unlock()
		g.lock = nil
	}
}

// removeCreated removes the directories Begin created, deepest first,
// stopping at the first that is not empty.
func (g *Generation) removeCreated() {
	if g.created == "" {
		return
	}
	for p := filepath.Clean(g.dir); ; p = filepath.Dir(p) {
		if os.Remove(p) != nil || p == g.created || p == filepath.Dir(p) {
			return
		}
	}
}

// mkdirAll creates dir and returns the top-most directory it created ("" if
// dir existed).
func mkdirAll(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(abs); err == nil {
		if !st.IsDir() {
			return "", errors.New("not a directory")
		}
		return "", nil
	}
	top := abs
	for p := filepath.Dir(abs); p != filepath.Dir(p); p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil {
			break
		}
		top = p
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", err
	}
	return top, nil
}
