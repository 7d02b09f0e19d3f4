package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/triad-mmm/triad/internal/compare"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/report"
)

// Result is what a run produced.
type Result struct {
	Report *report.Report
	// Files are the paths written, in the order written.
	Files []string
}

// Output files outside the report package's.
const (
	summaryFile       = "data_summary.txt"
	decompositionFile = "decomposition.csv"
	calibratedParquet = "calibrated_mta.parquet"
	calibratedCSV     = "calibrated_mta.csv"
	budgetFile        = "budget.json"
	forecastFile      = "forecast.csv"
)

// runOutputs lists the files `triad run` writes into output.dir, in the
// order it reports them. Every output goes through one outdir.Generation
// (see its doc): a new output is added here and written into the
// generation's staging directory, never straight into output.dir.
func runOutputs(cfg *config.Config) []string {
	files := []string{report.JSONFile, report.MarkdownFile, report.HTMLFile, summaryFile, decompositionFile, posteriorFile}
	if cfg.Data.MTA != "" {
		files = append(files, calibratedParquet)
		if cfg.MTA.CalibratedCSV {
			files = append(files, calibratedCSV)
		}
	}
	// The manifest comes last: its presence means the run is complete.
	return append(files, manifest.File)
}

// allOutputs lists every file any command writes into output.dir, for the
// check that none of them is an input.
func allOutputs(cfg *config.Config) []string {
	return append(runOutputs(cfg), budgetFile, forecastFile)
}

// Run ingests and validates the inputs, fits the MMM without and with the
// lift tests, reconciles them with MTA, plans the budget and writes the
// report and tables into cfg.Output.Dir as one generation. Bad input and
// an unusable output directory are reported before the fit; a failed or
// interrupted run leaves the directory's previous generation as it was.
func Run(ctx context.Context, cfg *config.Config, opts Options) (*Result, error) {
	sw := newStopwatch()
	in, err := Load(cfg)
	if err != nil {
		return nil, err
	}
	var prev *compare.Run
	if opts.Previous != "" {
		if prev, err = openRun(opts.Previous); err != nil {
			return nil, err
		}
	}
	gen, err := beginOutputs(cfg, "run", runOutputs(cfg))
	if err != nil {
		return nil, err
	}
	defer gen.Abort()
	sw.lap("load")
	hashCtx, stopHash := context.WithCancel(ctx)
	defer stopHash()
	hashed := hashInputs(hashCtx, cfg)
	for _, w := range in.Warnings {
		opts.warn(w)
	}
	f, err := fitModels(ctx, in, opts, true)
	if err != nil {
		return nil, err
	}
	sw.lap("fit")
	sw.add("fit_mmm", f.aloneSecs)
	if f.calibrated != nil {
		sw.add("fit_calibrated", f.calSecs)
	}
	if f.priors != nil {
		sw.add("prior_checks", f.priors.secs)
	}
	opts.info("reconciling MMM, experiments and MTA")
	a, err := analyse(in, f, opts)
	if err != nil {
		return nil, err
	}
	rep := buildReport(in, f, a, opts.Version)
	inputs, hashSecs, err := hashed()
	if err != nil {
		return nil, asInput(err)
	}
	sw.add("hash_inputs", hashSecs)
	post := posteriorTable(posteriorFile, f)
	outputs := runOutputs(cfg)
	if prev != nil {
		now := &compare.Run{Dir: cfg.Output.Dir, Report: rep, Fits: compare.FromTable(post),
			Manifest: buildManifest(in, f, inputs, sw, outputs[:len(outputs)-1], opts.Version)}
		rep.SincePrevious = compare.Diff(prev, now)
	}
	sw.lap("analyse")
	if err := writeOutputs(ctx, gen, in, post, a, rep, opts); err != nil {
		return nil, err
	}
	sw.lap("write")
	m := buildManifest(in, f, inputs, sw, outputs[:len(outputs)-1], opts.Version)
	files, err := commitOutputs(ctx, gen, m)
	if err != nil {
		return nil, err
	}
	return &Result{Report: rep, Files: files}, nil
}

// commitOutputs writes the manifest, the generation's last file, and
// commits the generation.
func commitOutputs(ctx context.Context, g *outdir.Generation, m *manifest.Manifest) ([]string, error) {
	b, err := manifest.Encode(m)
	if err != nil {
		return nil, err
	}
	if err := g.WriteFile(manifest.File, b); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	files, err := g.Commit(ctx)
	if err != nil && ctx.Err() == nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return files, err
}

// beginOutputs starts the generation of set in output.dir: an output
// directory that cannot be created or written is a configuration error,
// found before any fitting.
func beginOutputs(cfg *config.Config, set string, files []string) (*outdir.Generation, error) {
	g, err := outdir.Begin(cfg.Output.Dir, set, files)
	var de *outdir.DirError
	if errors.As(err, &de) {
		return nil, &config.Error{Problems: []string{fmt.Sprintf("output.dir %s: %v", cfg.Output.Dir, de.Err)}}
	}
	return g, err
}

// writeOutputs stages every file of the run but the manifest. Between
// files, and between batches of the calibrated MTA export, an interrupted
// ctx stops the write and leaves output.dir as it was.
func writeOutputs(ctx context.Context, g *outdir.Generation, in *Inputs, post *tabular.Table, a *analysis, rep *report.Report, opts Options) error {
	opts.info("writing the report")
	if err := report.WriteAll(g.Dir(), rep); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := g.WriteFile(summaryFile, []byte(in.DataSummary().Text())); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := writeDecomposition(g.Path(decompositionFile), a.decomp, a.geoDecomp, geoNames(in)); err != nil {
		return err
	}
	if err := tabular.Write(g.Path(posteriorFile), post); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if in.MTA != nil {
		if err := writeCalibratedMTA(ctx, g, in, a, opts); err != nil {
			return err
		}
	}
	return nil
}
