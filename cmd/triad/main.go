// Command triad fits a Bayesian marketing mix model, calibrates it with
// lift tests, reconciles it with multi-touch attribution and writes one
// report.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/pipeline"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the run failed for a reason other than its input
	exitInput   = 2 // bad config, bad data or bad usage: nothing was written
)

// globalOptions hold the flags every command shares.
type globalOptions struct {
	config  string
	verbose bool
	quiet   bool
	log     *slog.Logger
}

func newRootCommand() *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "triad",
		Short:         "Reconcile marketing mix models, lift tests and multi-touch attribution into one report",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelInfo
			switch {
			case g.verbose:
				level = slog.LevelDebug
			case g.quiet:
				level = slog.LevelWarn
			}
			g.log = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))
		},
	}
	root.PersistentFlags().StringVarP(&g.config, "config", "c", "", "config file (YAML); see configs/example.yaml")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log debug detail to stderr")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "log only warnings and errors")
	root.AddCommand(
		newVersionCommand(),
		newValidateCommand(g),
		newRunCommand(g),
		newSimulateCommand(g),
		newOptimizeCommand(g),
		newForecastCommand(g),
	)
	return root
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newRootCommand().ExecuteContext(ctx)
	stop()
	os.Exit(exitCode(err))
}

// exitCode reports err on stderr and maps it to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(os.Stderr, "triad: "+err.Error())
	if isInputError(err) {
		return exitInput
	}
	return exitFailure
}

// usageError marks a misuse of the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func isInputError(err error) bool {
	var cell *tabular.CellError
	var usage usageError
	return config.IsError(err) || errors.As(err, &cell) || errors.As(err, &usage) || pipeline.IsInputError(err)
}
