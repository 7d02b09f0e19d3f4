package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/simulate"
)

type simulateOptions struct {
	seed   uint64
	out    string
	format string
	weeks  int
	geos   int
}

func newSimulateCommand(g *globalOptions) *cobra.Command {
	o := &simulateOptions{}
	cmd := &cobra.Command{
		Use:   "simulate",
		Short: "Write a synthetic world with known truth: panel, lift tests, MTA export, truth.json and a config",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulate(cmd.Context(), o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&o.seed, "seed", 1, "random seed of the world")
	f.StringVar(&o.out, "out", "", "directory to write the world into (required)")
	f.StringVar(&o.format, "format", "csv", "file format: csv or parquet")
	f.IntVar(&o.weeks, "weeks", 156, "number of weekly periods")
	f.IntVar(&o.geos, "geos", 0, "number of geos of a geo world (0: a national world)")
	return cmd
}

func runSimulate(ctx context.Context, o *simulateOptions, stdout io.Writer) error {
	if o.out == "" {
		return usageError{"simulate: --out DIR is required"}
	}
	if o.format != "csv" && o.format != "parquet" {
		return usageError{fmt.Sprintf("simulate: --format %q: want csv or parquet", o.format)}
	}
	if o.weeks < 60 {
		return usageError{fmt.Sprintf("simulate: --weeks %d: want at least 60", o.weeks)}
	}
	if o.geos < 0 || o.geos == 1 || o.geos > simulate.MaxGeos {
		return usageError{fmt.Sprintf("simulate: --geos %d: want 0 (a national world) or 2 to %d", o.geos, simulate.MaxGeos)}
	}
	w, err := simulate.Generate(simulate.Options{Seed: o.seed, Weeks: o.weeks, Geos: o.geos})
	if err != nil {
		return err
	}
	// Like every output, the world is switched in as one generation.
	gen, err := outdir.Begin(o.out, "simulate", simulate.FileNames(o.format))
	if de := (*outdir.DirError)(nil); errors.As(err, &de) {
		return usageError{fmt.Sprintf("simulate: --out %s: %v", o.out, de.Err)}
	}
	if err != nil {
		return err
	}
	defer gen.Abort()
	if err := w.WriteFiles(gen.Dir(), o.format); err != nil {
		return err
	}
	if _, err := gen.Commit(ctx); err != nil {
		return err
	}
	if o.geos > 0 {
		_, err = fmt.Fprintf(stdout, "wrote a %d-geo × %d-week world (seed %d) to %s\n", o.geos, o.weeks, o.seed, o.out)
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote a %d-week world (seed %d) to %s\n", o.weeks, o.seed, o.out)
	return err
}
