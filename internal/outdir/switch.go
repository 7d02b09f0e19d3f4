package outdir

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/internal/atomicfile"
)

const (
	stagingPrefix = ".triad-staging-"
	commitPrefix  = ".triad-commit-"
	journalName   = "journal.json"
)

// journal is what a commit directory records to complete its switch.
type journal struct {
	Set string `json:"set"`
	// Marker is the directory's marker once the switch is complete.
	Marker Marker `json:"marker"`
	// Remove lists the previous generation's files of the set that the new
	// one does not have.
	Remove []string `json:"remove,omitempty"`
}

func writeJournal(dir string, j journal) error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, journalName), b)
}

func readJournal(dir string) (journal, bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return journal{}, false, nil
	}
	if err != nil {
		return journal{}, false, err
	}
	var j journal
	if err := json.Unmarshal(b, &j); err != nil {
		return journal{}, false, err
	}
	return j, true, nil
}

// finish performs the switch recorded in commit's journal. Every step can
// be repeated, so a switch interrupted at any point is completed by
// running finish again.
//
// The set's last declared file is removed before any file moves and moved
// in last, so that a file whose presence says "this set is complete" (the
// run's manifest.json) keeps that meaning during the switch too.
func finish(dir, commit string, j journal) error {
	if err := removeIfExists(filepath.Join(dir, MarkerName)); err != nil {
		return err
	}
	files := j.Marker.Sets[j.Set].Files
	if n := len(files); n > 0 {
		last := files[n-1].Name
		// Only while it has not moved yet: a repeated finish must not
		// remove the new file.
		if _, err := os.Lstat(filepath.Join(commit, last)); err == nil {
			if err := removeIfExists(filepath.Join(dir, last)); err != nil {
				return err
			}
		}
	}
	for _, name := range j.Remove {
		if err := removeIfExists(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	for _, f := range files {
		err := os.Rename(filepath.Join(commit, f.Name), filepath.Join(dir, f.Name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	atomicfile.SyncDir(dir)
	b, err := json.MarshalIndent(j.Marker, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, MarkerName), append(b, '\n')); err != nil {
		return err
	}
	if err := removeIfExists(filepath.Join(commit, journalName)); err != nil {
		return err
	}
	return os.RemoveAll(commit)
}

// Recover completes a switch a killed process left unfinished in dir and
// removes staging directories and temporary files; Begin does the same.
func Recover(dir string) error {
	l, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer l.unlock()
	return recoverDir(dir, nil)
}

// recoverDir rolls committed switches forward, then removes staging
// directories and the temporary files of the marker, of names and of the
// files the marker lists. The caller holds the lock.
func recoverDir(dir string, names []string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), commitPrefix) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		j, ok, err := readJournal(p)
		if err != nil {
			return err
		}
		if ok {
			if err := finish(dir, p, j); err != nil {
				return err
			}
		}
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	m, _, err := ReadMarker(dir)
	if err != nil {
		return err
	}
	known := append(slices.Clone(names), MarkerName)
	for _, s := range m.Sets {
		for _, f := range s.Files {
			known = append(known, f.Name)
		}
	}
	for _, e := range entries {
		if e.IsDir() || !isTemp(e.Name()) {
			continue
		}
		for _, n := range known {
			if strings.HasPrefix(e.Name(), "."+n+atomicfile.TempInfix) {
				if err := removeIfExists(filepath.Join(dir, e.Name())); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

// isTemp reports whether name is an atomicfile temporary file.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, atomicfile.TempInfix)
}

func removeIfExists(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
