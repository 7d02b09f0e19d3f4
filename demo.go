package triad

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed testdata/world/csv
var demo embed.FS

const demoDir = "testdata/world/csv"

// ExtractDemo writes the demo world's files into dir and returns the path of
// its config file.
func ExtractDemo(dir string) (string, error) {
	err := fs.WalkDir(demo, demoDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := demo.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	})
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "config.yaml"), nil
}
