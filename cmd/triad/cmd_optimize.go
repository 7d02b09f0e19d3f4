package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

func newOptimizeCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "optimize",
		Short: "Fit the model and recommend a budget allocation (the budget section of the report)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runOptimize(cmd, g, cmd.OutOrStdout())
		},
	}
	// The budget flags override their keys (flagKeys), so that they are
	// parsed and checked with the file.
	f := cmd.Flags()
	addSamplerFlags(f)
	f.Float64("total", 0, "budget to allocate over the period (default: budget.total, else the period's spend)")
	f.String("objective", "", "mean, or quantile for a risk-averse plan (budget.objective)")
	f.Float64("quantile", 0, "quantile maximised by the risk-averse objective (budget.quantile)")
	f.Float64("target-roi", 0, "also find the largest budget whose marginal ROI stays above this (budget.target_roi)")
	return cmd
}

func runOptimize(cmd *cobra.Command, g *globalOptions, stdout io.Writer) error {
	cfg, cleanup, err := loadRunConfig(g, cmd.Flags())
	if err != nil {
		return err
	}
	defer cleanup()
	res, err := pipeline.Optimize(cmd.Context(), cfg, runOptions(g))
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, res.Table)
	return err
}
