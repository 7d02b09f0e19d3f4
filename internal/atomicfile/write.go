package atomicfile

import (
	"os"
	"path/filepath"
)

// Perm is the mode of every file triad writes: outputs are meant to be
// shared with the rest of the team, unlike os.CreateTemp's private 0600.
const Perm os.FileMode = 0o644

// TempInfix marks temporary files: the temporary file of path dir/name is
// dir/.name.tmp-RANDOM, so a cleaner can recognise the leftovers of a
// killed process.
const TempInfix = ".tmp-"

// WriteFile writes data to a temporary file beside path, syncs it and
// renames it over path. On error nothing is left behind.
func WriteFile(path string, data []byte) (err error) {
	tmp, err := Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	return Commit(tmp, path)
}

// Create opens a temporary file in path's directory, with mode Perm, for
// a caller that streams its output; Commit then moves it into place.
func Create(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+TempInfix+"*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(Perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// Commit syncs and closes tmp and renames it to path. The caller removes
// tmp if Commit fails.
func Commit(tmp *os.File, path string) error {
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// SyncDir makes renames in dir durable. Not every platform can sync a
// directory; the data itself is already synced, so failure is ignored.
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
