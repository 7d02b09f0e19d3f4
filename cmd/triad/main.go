// Command triad fits a Bayesian marketing mix model, calibrates it with
// lift tests, reconciles it with multi-touch attribution and writes one
// report.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/triad-mmm/triad/internal/batch"
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
	// cpuProfile is the hidden --cpuprofile: a pprof CPU profile of the
	// whole command, for finding where a run spends its time.
	cpuProfile string
	profile    *os.File
	log        *slog.Logger
}

func newRootCommand() *cobra.Command { return newRoot(&globalOptions{}) }

func newRoot(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:           "triad",
		Short:         "Reconcile marketing mix models, lift tests and multi-touch attribution into one report",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			level := slog.LevelInfo
			switch {
			case g.verbose:
				level = slog.LevelDebug
			case g.quiet:
				level = slog.LevelWarn
			}
			g.log = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))
			return g.startProfile()
		},
	}
	// Unknown commands and flags are misuse (exit 2), like bad values.
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		hint := "run triad --help for the commands"
		cmd.SuggestionsMinimumDistance = 2
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			hint = "did you mean " + strings.Join(s, " or ") + "?"
		}
		return usageError{fmt.Sprintf("unknown command %q (%s)", args[0], hint)}
	}
	root.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError{fmt.Sprintf("%s: %v (run triad %s --help for the flags)", cmd.Name(), err, cmd.Name())}
	})
	root.PersistentFlags().StringVarP(&g.config, "config", "c", "", "config file (YAML); see configs/example.yaml")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log debug detail to stderr")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "log only warnings and errors")
	root.PersistentFlags().StringVar(&g.cpuProfile, "cpuprofile", "", "write a pprof CPU profile of the command to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.AddCommand(
		newVersionCommand(),
		newValidateCommand(g),
		newRunCommand(g),
		newSimulateCommand(g),
		newOptimizeCommand(g),
		newForecastCommand(g),
		newDiffCommand(g),
		newBatchCommand(g),
		newGatherCommand(g),
	)
	return root
}

func main() {
	ctx, stop := interruptible()
	g := &globalOptions{}
	err := newRoot(g).ExecuteContext(ctx)
	g.stopProfile()
	stop()
	os.Exit(exitCode(ctx, os.Stderr, err))
}

// interrupted is the cause of a context cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + signalName(i.sig) }

// interruptible returns a context cancelled by the first SIGINT or
// SIGTERM, so the run stops at its next check and leaves the output
// directory's previous generation in place; a second signal exits at once
// (the next run cleans up after it).
func interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		cancel(interrupted{s})
		s = <-sigs
		fmt.Fprintf(os.Stderr, "triad: %s again: exiting now\n", signalName(s))
		os.Exit(signalExit(s))
	}()
	return ctx, func() { signal.Stop(sigs); cancel(nil) }
}

func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}

// signalExit is the shell's convention for death by signal: 128 + number.
func signalExit(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitFailure
}

// exitCode reports err on stderr and maps it to the process exit code: a
// run stopped by a signal exits as the shell reports death by that signal
// (130 for SIGINT, 143 for SIGTERM), never 0.
func exitCode(ctx context.Context, stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) && errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "triad: %s: stopped; the output directory keeps its previous files\n", sig)
		return signalExit(sig.sig)
	}
	fmt.Fprintln(stderr, "triad: "+err.Error())
	if isInputError(err) {
		return exitInput
	}
	return exitFailure
}

// usageError marks a misuse of the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// noArgs refuses positional arguments as misuse.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Sprintf("%s takes no arguments, got %q (run triad %s --help)", cmd.Name(), args[0], cmd.Name())}
	}
	return nil
}

func isInputError(err error) bool {
	var cell *tabular.CellError
	var usage usageError
	var runs batchFailed
	if errors.As(err, &runs) {
		return runs.input
	}
	return batch.IsError(err) || config.IsError(err) || errors.As(err, &cell) || errors.As(err, &usage) || pipeline.IsInputError(err)
}
