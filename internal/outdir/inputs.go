package outdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Input is a file a command reads, named by the setting that gave it.
type Input struct {
	Key  string // e.g. "data.panel"
	Path string
}

// OverlapError reports an input that a command would overwrite with one
// of its outputs.
type OverlapError struct {
	Input  Input
	Output string
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("%s %s is also an output (%s): triad would overwrite it; choose another output directory or move the input",
		e.Input.Key, e.Input.Path, e.Output)
}

// CheckInputs reports every input that is one of outputs (base names)
// in dir, after resolving symbolic links, or the same file under another
// name (a hard link, or a case-insensitive file system). The files dir's
// generation marker lists count as outputs too: a commit replaces or
// removes them. The error joins one *OverlapError per such input. It
// writes nothing; dir need not exist.
func CheckInputs(dir string, outputs []string, inputs []Input) error {
	rdir := resolve(dir)
	names := append(slices.Clone(outputs), MarkerName)
	if m, ok, err := ReadMarker(dir); err == nil && ok {
		for _, s := range m.Sets {
			for _, f := range s.Files {
				names = append(names, f.Name)
			}
		}
	}
	var errs []error
	for _, in := range inputs {
		if in.Path == "" {
			continue
		}
		if name, ok := sameAsOne(in.Path, rdir, names); ok {
			errs = append(errs, &OverlapError{Input: in, Output: filepath.Join(dir, name)})
		}
	}
	return errors.Join(errs...)
}

// sameAsOne returns the name in rdir (resolved) that is the file at path.
func sameAsOne(path, rdir string, names []string) (string, bool) {
	rin := resolve(path)
	inStat, inErr := os.Stat(path)
	for _, name := range names {
		out := filepath.Join(rdir, name)
		if rin == out {
			return name, true
		}
		if inErr != nil {
			continue
		}
		if st, err := os.Stat(out); err == nil && os.SameFile(inStat, st) {
			return name, true
		}
	}
	return "", false
}

// resolve returns the absolute path of p with symbolic links resolved as
// far as p exists.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	parent, base := filepath.Split(abs)
	if parent == abs || base == "" {
		return abs
	}
	return filepath.Join(resolve(filepath.Clean(parent)), base)
}
