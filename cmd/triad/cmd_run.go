package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/pipeline"
)

func addSamplerFlags(f *pflag.FlagSet) {
	f.String("out", "", "output directory (output.dir)")
	f.Uint64("seed", 0, "random seed (sampler.seed)")
	f.Int("chains", 0, "number of chains (sampler.chains)")
	f.Int("warmup", 0, "warmup iterations per chain (sampler.warmup)")
	f.Int("draws", 0, "draws per chain after warmup (sampler.draws)")
	f.String("method", "", "inference: nuts or laplace (sampler.method)")
}

func newRunCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Fit the MMM, calibrate it with lift tests, reconcile with MTA and write the report",
		Long: `Fit the MMM, calibrate it with lift tests, reconcile with MTA and write the report.

Without --config, triad runs on its embedded demo world and writes ./triad-out/.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRun(cmd, g, cmd.OutOrStdout())
		},
	}
	addSamplerFlags(cmd.Flags())
	cmd.Flags().String("like", "", "repeat the run in this output directory: its recorded config and model choices, with data paths (and output.dir) from --config, --panel, --lift-tests, --mta")
	cmd.Flags().String("panel", "", "panel file (data.panel)")
	cmd.Flags().String("lift-tests", "", "lift-test file (data.lift_tests)")
	cmd.Flags().String("mta", "", "MTA export (data.mta)")
	cmd.Flags().String("previous", "", "a previous run's output directory: the report gains a \"since last quarter\" section (since_previous)")
	return cmd
}

func runRun(cmd *cobra.Command, g *globalOptions, stdout io.Writer) error {
	cfg, cleanup, err := loadRunConfig(g, cmd.Flags())
	if err != nil {
		return err
	}
	defer cleanup()
	if like, _ := cmd.Flags().GetString("like"); like != "" {
		var file *config.Config
		if g.config != "" {
			file = cfg
		}
		if cfg, err = pipeline.LikeConfig(like, file, flagOverrides(cmd.Flags())); err != nil {
			return err
		}
	}
	opts := runOptions(g)
	opts.Previous, _ = cmd.Flags().GetString("previous")
	res, err := pipeline.Run(cmd.Context(), cfg, opts)
	if err != nil {
		return err
	}
	for _, f := range res.Files {
		fmt.Fprintln(stdout, f)
	}
	return nil
}

// runOptions connects the pipeline's callbacks to the logger and the
// progress bars.
func runOptions(g *globalOptions) pipeline.Options {
	ui := newProgressUI(g.quiet)
	return pipeline.Options{
		Notify: func(n pipeline.Notice) {
			if n.Warning {
				g.log.Warn(n.Msg)
			} else {
				g.log.Info(n.Msg)
			}
		},
		Version: versionString(),
		Progress: func(label string) pipeline.Progress {
			if ui == nil {
				return nil
			}
			return ui.bars(label)
		},
	}
}
