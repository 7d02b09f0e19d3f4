package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

func newForecastCommand(g *globalOptions) *cobra.Command {
	var plan string
	cmd := &cobra.Command{
		Use:   "forecast",
		Short: "Fit the model and forecast the KPI for a spend plan of the coming weeks",
		Long: `Fit the model and forecast the KPI for a spend plan of the coming weeks.

PLAN is a CSV, Parquet or Arrow file with the panel's date column, one spend
column per channel (the panel's spend column names) and, optionally, control
columns. Carryover from the last observed weeks is included; controls not in
the plan are held at their mean. Writes forecast.csv to the output directory
and prints the table.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if plan == "" {
				return usageError{"forecast: --plan FILE is required"}
			}
			return runForecast(cmd, g, plan, cmd.OutOrStdout())
		},
	}
	addSamplerFlags(cmd.Flags())
	cmd.Flags().StringVar(&plan, "plan", "", "weekly spend plan per channel (CSV, Parquet or Arrow)")
	return cmd
}

func runForecast(cmd *cobra.Command, g *globalOptions, plan string, stdout io.Writer) error {
	cfg, cleanup, err := loadRunConfig(g, cmd.Flags())
	if err != nil {
		return err
	}
	defer cleanup()
	res, err := pipeline.Forecast(cmd.Context(), cfg, plan, runOptions(g))
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, res.Table)
	return err
}
