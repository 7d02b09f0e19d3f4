package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/triad-mmm/triad/internal/compare"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/report"
)

// DiffOptions control a comparison of two runs.
type DiffOptions struct {
	Options
	// Out is where diff.json, diff.md and diff.html go (default: the new
	// run's directory, as a set of its own).
	Out string
	// Attribute measures each cause's share of a channel's change by
	// refitting (at most two extra fits; see attribute).
	Attribute bool
}

// DiffResult is what a comparison produced.
type DiffResult struct {
	Diff  *report.Diff
	Files []string
	// Seconds is the comparison's wall-clock time, refits included.
	Seconds float64
}

// Diff compares the run in newDir with the run in oldDir and writes the
// comparison into opts.Out as one generation. A directory that holds no
// run is an input error.
func Diff(ctx context.Context, oldDir, newDir string, opts DiffOptions) (*DiffResult, error) {
	start := time.Now()
	before, err := openRun(oldDir)
	if err != nil {
		return nil, err
	}
	after, err := openRun(newDir)
	if err != nil {
		return nil, err
	}
	out := opts.Out
	if out == "" {
		out = newDir
	}
	files := []string{report.DiffJSONFile, report.DiffMarkdownFile, report.DiffHTMLFile}
	g, err := outdir.Begin(out, "diff", files)
	if err != nil {
		var de *outdir.DirError
		if errors.As(err, &de) {
			return nil, inputErrorf("--out %s: %v", out, de.Err)
		}
		return nil, err
	}
	defer g.Abort()
	d := compare.Diff(before, after)
	if opts.Attribute {
		if err := attribute(ctx, before, after, d, opts.Options); err != nil {
			return nil, err
		}
	}
	if err := report.WriteDiffAll(g.Dir(), d); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	written, err := g.Commit(ctx)
	if err != nil {
		return nil, err
	}
	return &DiffResult{Diff: d, Files: written, Seconds: time.Since(start).Seconds()}, nil
}

// openRun opens a run's directory; one without report.json is an input
// error.
func openRun(dir string) (*compare.Run, error) {
	r, err := compare.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &InputError{Err: err}
	}
	return r, err
}
