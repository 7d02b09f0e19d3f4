package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

type optimizeOptions struct {
	total     float64
	objective string
	quantile  float64
	targetROI float64
}

func newOptimizeCommand(g *globalOptions) *cobra.Command {
	o := &optimizeOptions{}
	cmd := &cobra.Command{
		Use:   "optimize",
		Short: "Fit the model and recommend a budget allocation (the budget section of the report)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runOptimize(cmd, g, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	addSamplerFlags(f)
	f.Float64Var(&o.total, "total", 0, "budget to allocate over the period (default: budget.total, else the period's spend)")
	f.StringVar(&o.objective, "objective", "", "mean, or quantile for a risk-averse plan (budget.objective)")
	f.Float64Var(&o.quantile, "quantile", 0, "quantile maximised by the risk-averse objective (budget.quantile)")
	f.Float64Var(&o.targetROI, "target-roi", 0, "also find the largest budget whose marginal ROI stays above this")
	return cmd
}

func runOptimize(cmd *cobra.Command, g *globalOptions, o *optimizeOptions, stdout io.Writer) error {
	cfg, cleanup, err := loadRunConfig(g, cmd.Flags())
	if err != nil {
		return err
	}
	defer cleanup()
	if o.total > 0 {
		cfg.Budget.Total = o.total
	}
	if o.objective != "" {
		cfg.Budget.Objective = o.objective
	}
	if o.quantile > 0 {
		cfg.Budget.Quantile = o.quantile
	}
	if o.targetROI > 0 {
		cfg.Budget.TargetROI = o.targetROI
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	res, err := pipeline.Optimize(cmd.Context(), cfg, runOptions(g))
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, res.Table)
	return err
}
