package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// MarkerName is the generation marker in an output directory.
const MarkerName = ".triad-generation.json"

// Marker describes the complete generation an output directory holds.
type Marker struct {
	// Generation counts the commits into the directory, of any set.
	Generation int `json:"generation"`
	// Sets are the files of each command, by set name ("run", ...).
	Sets map[string]Set `json:"sets"`
}

// Set is the generation of one command's files.
type Set struct {
	// Generation is the Marker.Generation at which the set was committed.
	Generation int    `json:"generation"`
	Files      []File `json:"files"`
}

// File is one file of a generation.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// ReadMarker returns the marker of dir; ok is false when dir has none
// (never written, or a switch is under way).
func ReadMarker(dir string) (m Marker, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, MarkerName))
	if errors.Is(err, fs.ErrNotExist) {
		return Marker{}, false, nil
	}
	if err != nil {
		return Marker{}, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return Marker{}, false, fmt.Errorf("%s: %w", filepath.Join(dir, MarkerName), err)
	}
	return m, true, nil
}

// Verify checks that dir holds a complete generation of set: a marker
// listing the set, and every listed file with the recorded size and
// SHA-256. It returns the set's generation.
func Verify(dir, set string) (int, error) {
	m, ok, err := ReadMarker(dir)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("%s: no generation marker %s", dir, MarkerName)
	}
	s, ok := m.Sets[set]
	if !ok {
		return 0, fmt.Errorf("%s: the generation marker has no %q files", dir, set)
	}
	for _, f := range s.Files {
		got, err := describe(filepath.Join(dir, f.Name))
		if err != nil {
			return 0, err
		}
		if got != f {
			return 0, fmt.Errorf("%s: %s is not the file of generation %d (size %d, want %d)", dir, f.Name, s.Generation, got.Size, f.Size)
		}
	}
	return s.Generation, nil
}

// describe returns the size and SHA-256 of the file at path.
func describe(path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return File{}, err
	}
	return File{Name: filepath.Base(path), Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}
