package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

func newValidateCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check the config and every input file; print a data summary; write nothing",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(cmd, g, cmd.OutOrStdout())
		},
	}
	// The output directory a run would use, for the check that no output
	// would overwrite an input.
	cmd.Flags().String("out", "", "output directory (output.dir) to check against the inputs")
	return cmd
}

func runValidate(cmd *cobra.Command, g *globalOptions, stdout io.Writer) error {
	cfg, cleanup, err := loadRunConfig(g, cmd.Flags())
	if err != nil {
		return err
	}
	defer cleanup()
	in, err := pipeline.Load(cfg)
	if err != nil {
		return err
	}
	for _, w := range in.Warnings {
		g.log.Warn(w)
	}
	_, err = io.WriteString(stdout, in.DataSummary().Text())
	return err
}
