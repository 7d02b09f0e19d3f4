package simulate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/atomicfile"
	"github.com/triad-mmm/triad/internal/tabular"
)

// FileNames lists the files WriteFiles writes for format, in order.
func FileNames(format string) []string {
	return []string{"panel." + format, "lift_tests." + format, "mta." + format, "truth.json", "config.yaml"}
}

// WriteFiles writes the world into dir (created if needed): panel.<ext>,
// lift_tests.<ext> and mta.<ext> with format "csv" or "parquet", truth.json
// and a config.yaml that runs triad on them (FileNames). Each file is
// written atomically.
func (w *World) WriteFiles(dir, format string) error {
	if format != "csv" && format != "parquet" {
		return fmt.Errorf("simulate: format %q: want csv or parquet", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := FileNames(format)
	for k, table := range []func(string) *tabular.Table{w.PanelTable, w.LiftTable, w.MTATable} {
		name := names[k]
		if err := tabular.Write(filepath.Join(dir, name), table(name)); err != nil {
			return fmt.Errorf("simulate: %w", err)
		}
	}
	truth, err := w.TruthJSON()
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, "truth.json"), truth); err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, "config.yaml"), []byte(w.ConfigYAML(format))); err != nil {
		return fmt.Errorf("simulate: %w", err)
	}
	return nil
}

// TruthJSON returns truth.json: the Truth, indented.
func (w *World) TruthJSON() ([]byte, error) {
	b, err := json.MarshalIndent(w.Truth, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("simulate: truth: %w", err)
	}
	return append(b, '\n'), nil
}
