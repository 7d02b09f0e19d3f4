package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/report"
)

// PosteriorFile is the name of a run's posterior draws.
const PosteriorFile = "posterior.parquet"

// Draws are one fit's per-draw channel effects, keyed by column name
// (roi_total[c], mroi[c], contribution[c], as posterior.parquet names
// them).
type Draws map[string][]float64

// Run is one run of triad as a comparison sees it.
type Run struct {
	Dir    string
	Report *report.Report
	// Manifest is nil for a run made before triad wrote manifests.
	Manifest *manifest.Manifest
	// Fits holds the draws of each fit ("mmm", "calibrated"); nil when
	// the run has no posterior.parquet.
	Fits map[string]Draws
}

// Open reads the run in dir: report.json is required (an error naming
// the directory otherwise), manifest.json and posterior.parquet are used
// when present.
func Open(dir string) (*Run, error) {
	r := &Run{Dir: dir}
	b, err := os.ReadFile(filepath.Join(dir, report.JSONFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no %s: not a triad output directory: %w", dir, report.JSONFile, err)
		}
		return nil, err
	}
	r.Report = &report.Report{}
	if err := json.Unmarshal(b, r.Report); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, report.JSONFile), err)
	}
	if r.Manifest, err = manifest.Read(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	path := filepath.Join(dir, PosteriorFile)
	if _, err := os.Stat(path); err == nil {
		if r.Fits, err = ReadDraws(path); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// effectColumn reports whether a posterior.parquet column is a channel
// effect the comparison reads.
func effectColumn(name string) bool {
	for _, p := range []string{"roi_total[", "mroi[", "contribution["} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// ReadDraws reads the channel effects of each fit from a posterior.parquet.
func ReadDraws(path string) (map[string]Draws, error) {
	names, err := tabular.Header(path)
	if err != nil {
		return nil, err
	}
	cols := []tabular.Column{{Name: "fit", Kind: tabular.String}}
	for _, n := range names {
		if effectColumn(n) {
			cols = append(cols, tabular.Column{Name: n, Kind: tabular.Float})
		}
	}
	t, err := tabular.Read(path, cols)
	if err != nil {
		return nil, err
	}
	return FromTable(t), nil
}

// FromTable returns the channel effects of each fit of a posterior table
// (posterior.parquet's layout).
func FromTable(t *tabular.Table) map[string]Draws {
	fit := t.Strings("fit")
	out := map[string]Draws{}
	for _, name := range t.Names() {
		if !effectColumn(name) {
			continue
		}
		col := t.Floats(name)
		for i, f := range fit {
			if out[f] == nil {
				out[f] = Draws{}
			}
			out[f][name] = append(out[f][name], col[i])
		}
	}
	return out
}
