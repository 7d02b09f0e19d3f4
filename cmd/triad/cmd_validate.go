package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

func newValidateCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check the config and every input file; print a data summary; write nothing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(cmd, g, cmd.OutOrStdout())
		},
	}
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
	_, err = io.WriteString(stdout, in.Summary())
	return err
}
