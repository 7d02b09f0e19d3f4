package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/batch"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/report"
)

type gatherOptions struct {
	out      string
	groupBy  string
	manifest string
}

func newGatherCommand(g *globalOptions) *cobra.Command {
	o := &gatherOptions{}
	cmd := &cobra.Command{
		Use:   "gather --out DIR (RUN_DIR... | --manifest F)",
		Short: "Read many runs' folders into one portfolio report (portfolio.json, .md, .html)",
		Long: `Read the folders of many runs (as triad batch or triad run leave them) into one portfolio:
ROI and mROI by run × channel with intervals, the channels whose ROI differs between runs beyond
their intervals, the runs that failed or converged poorly, and the combined budget view (every
run × channel ranked by marginal ROI). --group-by KEY compares runs only within each value of
the template variable KEY (e.g. brand, to compare each brand's markets). --manifest F gathers
every run of a batch manifest (output_root/<name>/), so runs not done yet show as incomplete.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGather(cmd.Context(), o, args, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "directory for portfolio.json, portfolio.md and portfolio.html (required)")
	f.StringVar(&o.groupBy, "group-by", "", "compare runs within each value of this template variable")
	f.StringVar(&o.manifest, "manifest", "", "gather every run of this batch manifest instead of RUN_DIRs")
	return cmd
}

func runGather(ctx context.Context, o *gatherOptions, dirs []string, stdout io.Writer) error {
	if o.out == "" {
		return usageError{"gather: --out DIR is required"}
	}
	var p *report.Portfolio
	var err error
	switch {
	case o.manifest != "" && len(dirs) > 0:
		return usageError{"gather: give run folders or --manifest, not both"}
	case o.manifest != "":
		var m *batch.Manifest
		if m, err = batch.Load(o.manifest); err != nil {
			return err
		}
		p, err = batch.GatherManifest(m, o.groupBy, "triad "+versionString())
	case len(dirs) == 0:
		return usageError{"gather: name at least one run folder (e.g. out/*/) or --manifest F"}
	default:
		p, err = batch.Gather(dirs, o.groupBy, "triad "+versionString())
	}
	var ge *batch.GatherError
	if errors.As(err, &ge) {
		return usageError{ge.Error()}
	}
	if err != nil {
		return err
	}
	files := []string{report.PortfolioJSONFile, report.PortfolioMarkdownFile, report.PortfolioHTMLFile}
	gen, err := outdir.Begin(o.out, "gather", files)
	if de := (*outdir.DirError)(nil); errors.As(err, &de) {
		return usageError{fmt.Sprintf("gather: --out %s: %v", o.out, de.Err)}
	}
	if err != nil {
		return err
	}
	defer gen.Abort()
	if err := report.WritePortfolio(gen.Dir(), p); err != nil {
		return err
	}
	if _, err := gen.Commit(ctx); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(stdout, filepath.Join(o.out, f))
	}
	return nil
}
