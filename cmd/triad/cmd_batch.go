package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/triad-mmm/triad/internal/batch"
	"github.com/triad-mmm/triad/internal/pipeline"
)

type batchOptions struct {
	manifest string
	jobs     int
	force    bool
	shard    string
}

func newBatchCommand(g *globalOptions) *cobra.Command {
	o := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch --manifest F",
		Short: "Run every model of a manifest (or one shard of it), each into its own folder",
		Long: `Run every model of a manifest, each into output_root/<name>/, at most --jobs at once.

A run whose folder already holds a complete output is skipped (--force redoes it); a failing
run is recorded in its folder's batch.json and the others go on. --shard i/N runs the runs
i, i+N, i+2N, ... of the manifest (0-based); --shard auto takes i and N from the engine's
variables (JOB_COMPLETION_INDEX/JOB_COMPLETION_COUNT, AWS_BATCH_JOB_ARRAY_INDEX/
AWS_BATCH_JOB_ARRAY_SIZE, BATCH_TASK_INDEX/BATCH_TASK_COUNT, CLOUD_RUN_TASK_INDEX/
CLOUD_RUN_TASK_COUNT). Exit code: 0 when every run succeeded, 2 when the manifest is bad or
every failed run failed on its input, 1 otherwise.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBatch(cmd.Context(), g, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.manifest, "manifest", "", "manifest file (YAML): output_root, runs[] {name, config} and/or template {config, name, table}")
	f.IntVar(&o.jobs, "jobs", 0, "runs at once (default: max(2, cores / 4 chains))")
	f.BoolVar(&o.force, "force", false, "redo runs whose folder holds a complete output")
	f.StringVar(&o.shard, "shard", "", "run one shard: i/N (0-based) or auto (from the engine's variables)")
	return cmd
}

func runBatch(ctx context.Context, g *globalOptions, o *batchOptions, stdout io.Writer) error {
	if o.manifest == "" {
		return usageError{"batch: --manifest FILE is required"}
	}
	if o.jobs < 0 {
		return usageError{fmt.Sprintf("batch: --jobs %d: want at least 1", o.jobs)}
	}
	shard, err := parseShardFlag(o.shard)
	if err != nil {
		return err
	}
	m, err := batch.Load(o.manifest)
	if err != nil {
		return err
	}
	total := len(shard.Select(m.Runs))
	g.log.Info("batch", "manifest", o.manifest, "shard", shard.String(), "runs", total, "of", len(m.Runs))
	// idle_cores in the closing line: the share of the cores' time the
	// batch left unused (see idleSince).
	start, startErr := readCPUTime()
	opts := batch.Options{Jobs: o.jobs, Force: o.force, Shard: shard, Pipeline: batchPipeline(g)}
	opts.Finished = batchProgress(g, total, stdout)
	s, err := batch.Execute(ctx, m, opts)
	if err != nil {
		return err
	}
	g.log.Info("batch done", "ok", s.Count(batch.StatusOK), "skipped", s.Count(batch.StatusSkipped), "failed", s.Count(batch.StatusFailed),
		"idle_cores", idleText(start, startErr))
	return runsFailed(s)
}

func parseShardFlag(v string) (batch.Shard, error) {
	var s batch.Shard
	var err error
	switch v {
	case "":
		return s, nil
	case "auto":
		s, err = batch.ShardFromEnv(os.Getenv)
	default:
		s, err = batch.ParseShard(v)
	}
	if err != nil {
		return s, usageError{"batch: --" + err.Error()}
	}
	return s, nil
}

// batchPipeline logs each run's warnings with its name; its stage notices
// are debug detail, as one line per run is the batch's progress.
func batchPipeline(g *globalOptions) func(batch.Run) pipeline.Options {
	return func(r batch.Run) pipeline.Options {
		return pipeline.Options{
			Version: versionString(),
			Notify: func(n pipeline.Notice) {
				if n.Warning {
					g.log.Warn(n.Msg, "run", r.Name)
				} else {
					g.log.Debug(n.Msg, "run", r.Name)
				}
			},
		}
	}
}

// batchProgress prints each run's outcome on stdout (status, name,
// folder, error) and one progress line per run on a terminal stderr, or a
// log line elsewhere.
func batchProgress(g *globalOptions, total int, stdout io.Writer) func(batch.Outcome) {
	tty := !g.quiet && term.IsTerminal(int(os.Stderr.Fd()))
	done := 0
	start := time.Now()
	return func(o batch.Outcome) {
		done++
		line := fmt.Sprintf("%s\t%s\t%s", o.Status, o.Run.Name, o.Dir)
		if o.Err != nil {
			line += "\t" + o.Err.Error()
		}
		fmt.Fprintln(stdout, line)
		switch {
		case tty:
			msg := ""
			if o.Err != nil {
				msg = "  " + o.Err.Error()
			}
			fmt.Fprintf(os.Stderr, "[%*d/%d] %-7s %-32s %6.1fs  (%s elapsed)%s\n", len(fmt.Sprint(total)), done, total, o.Status, o.Run.Name, o.Seconds, time.Since(start).Round(time.Second), msg)
		case o.Status == batch.StatusFailed:
			g.log.Error("run failed", "run", o.Run.Name, "done", done, "of", total, "error", o.Err)
		default:
			g.log.Info("run "+string(o.Status), "run", o.Run.Name, "done", done, "of", total, "seconds", fmt.Sprintf("%.1f", o.Seconds))
		}
	}
}

// batchFailed is the error of a batch some of whose runs failed; it is an
// input error (exit 2) when every failed run failed on its input, so that
// an engine does not retry what cannot succeed.
type batchFailed struct {
	failed, total int
	input         bool
}

func (e batchFailed) Error() string {
	return fmt.Sprintf("batch: %d of %d runs failed (see their batch.json)", e.failed, e.total)
}

func runsFailed(s *batch.Summary) error {
	failed := s.Failed()
	if len(failed) == 0 {
		return nil
	}
	e := batchFailed{failed: len(failed), total: len(s.Outcomes), input: true}
	for _, o := range failed {
		e.input = e.input && isInputError(o.Err)
	}
	return e
}
