package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/atomicfile"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/report"
)

// Result is what a run produced.
type Result struct {
	Report *report.Report
	// Files are the paths written, in the order written.
	Files []string
}

// Run ingests and validates the inputs, fits the MMM without and with the
// lift tests, reconciles them with MTA, plans the budget and writes the
// report and tables into cfg.Output.Dir. Bad input is reported before
// anything is written.
func Run(ctx context.Context, cfg *config.Config, opts Options) (*Result, error) {
	in, err := Load(cfg)
	if err != nil {
		return nil, err
	}
	for _, w := range in.Warnings {
		opts.warn(w)
	}
	f, err := fitModels(ctx, in, opts, true)
	if err != nil {
		return nil, err
	}
	opts.info("reconciling MMM, experiments and MTA")
	a, err := analyse(in, f, opts)
	if err != nil {
		return nil, err
	}
	rep := buildReport(in, f, a, opts.Version)
	files, err := writeOutputs(in, f, a, rep, opts)
	if err != nil {
		return nil, err
	}
	return &Result{Report: rep, Files: files}, nil
}

// writeOutputs writes every output file, each atomically.
func writeOutputs(in *Inputs, f *fitted, a *analysis, rep *report.Report, opts Options) ([]string, error) {
	dir := in.Config.Output.Dir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var files []string
	if err := report.WriteAll(dir, rep); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	for _, n := range []string{"report.json", "report.md", "report.html"} {
		files = append(files, filepath.Join(dir, n))
	}
	p := filepath.Join(dir, "data_summary.txt")
	if err := atomicfile.WriteFile(p, []byte(in.Summary())); err != nil {
		return nil, err
	}
	files = append(files, p)
	p = filepath.Join(dir, "decomposition.csv")
	if err := writeDecomposition(p, a.decomp); err != nil {
		return nil, err
	}
	files = append(files, p)
	if in.MTA != nil {
		written, err := writeCalibratedMTA(dir, in, a, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, written...)
	}
	return files, nil
}
