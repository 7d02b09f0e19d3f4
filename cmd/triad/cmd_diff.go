package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/pipeline"
)

type diffOptions struct {
	out       string
	attribute bool
}

func newDiffCommand(g *globalOptions) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD_DIR NEW_DIR",
		Short: "Compare two runs: what changed since last quarter and why (diff.json, diff.md, diff.html)",
		Long: `Compare two runs' output directories: per channel ROI, marginal ROI and contribution
before and after with intervals and the probability that each really moved (from the
runs' posterior draws), the periods and spend added, the lift tests added and what they
moved, flags that appeared or went away, the budget plan's changes, and the inputs and
settings that differ. Writes diff.json, diff.md and diff.html into --out (default NEW_DIR).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{fmt.Sprintf("diff takes two directories, OLD_DIR and NEW_DIR; got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd, g, o, args[0], args[1], cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "directory to write diff.json, diff.md and diff.html into (default NEW_DIR)")
	cmd.Flags().BoolVar(&o.attribute, "attribute", false, "split each channel's change between the new data and the new tests by refitting (at most two extra fits)")
	return cmd
}

func runDiff(cmd *cobra.Command, g *globalOptions, o *diffOptions, oldDir, newDir string, stdout io.Writer) error {
	res, err := pipeline.Diff(cmd.Context(), oldDir, newDir, pipeline.DiffOptions{Options: runOptions(g), Out: o.out, Attribute: o.attribute})
	if err != nil {
		return err
	}
	g.log.Info("compared the runs", "seconds", fmt.Sprintf("%.2f", res.Seconds))
	for _, f := range res.Files {
		fmt.Fprintln(stdout, f)
	}
	return nil
}
