package simulate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/tabular"
)

// WriteFiles writes the world into dir (created if needed): panel.<ext>,
// lift_tests.<ext> and mta.<ext> with format "csv" or "parquet", truth.json
// and a config.yaml that runs triad on them. Each file is written
// atomically.
func (w *World) WriteFiles(dir, format string) error {
	if format != "csv" && format != "parquet" {
		return fmt.Errorf("simulate: format %q: want csv or parquet", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		table func(string) *tabular.Table
	}{
		{"panel", w.PanelTable},
		{"lift_tests", w.LiftTable},
		{"mta", w.MTATable},
	} {
		name := f.name + "." + format
		if err := tabular.Write(filepath.Join(dir, name), f.table(name)); err != nil {
			return fmt.Errorf("simulate: %w", err)
		}
	}
	truth, err := w.TruthJSON()
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(dir, "truth.json"), truth); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "config.yaml"), []byte(w.ConfigYAML(format)))
}

// TruthJSON returns truth.json: the Truth, indented.
func (w *World) TruthJSON() ([]byte, error) {
	b, err := json.MarshalIndent(w.Truth, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("simulate: truth: %w", err)
	}
	return append(b, '\n'), nil
}

// writeAtomic writes b to a temporary file beside path and renames it.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("simulate: %w", err)
	}
	return nil
}
