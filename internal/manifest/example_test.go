package manifest_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/manifest"
)

// A tool that waits for a run reads its manifest: an error means the
// directory holds no complete run.
func ExampleRead() {
	dir, _ := os.MkdirTemp("", "triad-out-")
	defer os.RemoveAll(dir)
	if _, err := manifest.Read(dir); err != nil {
		fmt.Println("not complete yet")
	}
	b, _ := manifest.Encode(&manifest.Manifest{SchemaVersion: manifest.SchemaVersion, Version: "v1.0.0", Command: "run", Seed: 7})
	os.WriteFile(filepath.Join(dir, manifest.File), b, 0o644)
	m, err := manifest.Read(dir)
	fmt.Println(m.Version, m.Seed, err)
	// Output:
	// not complete yet
	// v1.0.0 7 <nil>
}
