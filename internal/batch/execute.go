package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/pipeline"
)

// Options control Execute. Every field may be left zero.
type Options struct {
	// Jobs bounds the runs in progress at once; 0 is DefaultJobs.
	Jobs int
	// Force redoes runs whose folder already holds a complete output.
	Force bool
	// Shard picks the part of the manifest to run; zero: all of it.
	Shard Shard
	// Started and Finished are called as each run starts and ends (never
	// two calls at once). Started is not called for skipped runs.
	Started  func(Run)
	Finished func(Outcome)
	// Pipeline returns the options of one run's pipeline (notices,
	// version); nil gives none.
	Pipeline func(Run) pipeline.Options
}

// DefaultJobs is the default number of concurrent runs: as many as the
// cores hold the chains of, and at least two, so that one run's serial
// stages (reading, reconciling, writing) overlap another's sampling.
func DefaultJobs(chains int) int {
	if chains < 1 {
		chains = 1
	}
	return max(2, runtime.GOMAXPROCS(0)/chains)
}

// Outcome is what happened to one run.
type Outcome struct {
	Run    Run
	Dir    string
	Status Status
	// Err is the failure (Status failed).
	Err     error
	Seconds float64
}

// Summary is the outcome of every run of the shard, in manifest order.
type Summary struct {
	Shard    Shard
	Outcomes []Outcome
}

// Failed returns the failed outcomes.
func (s *Summary) Failed() []Outcome {
	var out []Outcome
	for _, o := range s.Outcomes {
		if o.Status == StatusFailed {
			out = append(out, o)
		}
	}
	return out
}

// Count returns the number of outcomes with status st.
func (s *Summary) Count(st Status) int {
	n := 0
	for _, o := range s.Outcomes {
		if o.Status == st {
			n++
		}
	}
	return n
}

// Execute runs the shard's runs of m, at most opts.Jobs at once, each into
// its own folder under m.OutputRoot. A run whose folder holds a complete
// output is skipped unless opts.Force; a failing run is recorded in its
// folder's batch.json and the others go on. Each run's result depends only
// on its config, never on the concurrency. When ctx is cancelled no new
// run starts, the runs in progress stop (keeping their folders' previous
// generations) and Execute returns the context's error with the outcomes
// of the runs that ended.
func Execute(ctx context.Context, m *Manifest, opts Options) (*Summary, error) {
	runs := opts.Shard.Select(m.Runs)
	jobs := opts.Jobs
	if jobs < 1 {
		jobs = DefaultJobs(4)
	}
	if err := os.MkdirAll(m.OutputRoot, 0o755); err != nil {
		return nil, &Error{Path: m.Path, Problems: []string{fmt.Sprintf("output_root: %v", err)}}
	}
	outcomes := make([]*Outcome, len(runs))
	var mu sync.Mutex // serialises the callbacks
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, len(runs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := runOne(ctx, m, runs[i], opts, &mu)
				outcomes[i] = &o
			}
		}()
	}
feed:
	for i := range runs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	s := &Summary{Shard: opts.Shard}
	for _, o := range outcomes {
		if o != nil && o.Status != "" {
			s.Outcomes = append(s.Outcomes, *o)
		}
	}
	return s, ctx.Err()
}

// runOne runs r unless its folder holds a complete output. An outcome with
// an empty Status is a run that ctx stopped.
func runOne(ctx context.Context, m *Manifest, r Run, opts Options, mu *sync.Mutex) Outcome {
	dir := r.Dir(m.OutputRoot)
	o := Outcome{Run: r, Dir: dir}
	if ctx.Err() != nil {
		return o
	}
	st, err := prepare(dir)
	if err == nil && st.Complete() && !opts.Force {
		o.Status = StatusSkipped
		if !st.HasRecord || st.Record.Status != StatusOK || st.Record.RunGeneration != st.RunGeneration {
			// The run finished but was killed before its record was
			// written: write it now rather than run again.
			err = writeRecord(dir, record(r, StatusOK, "", st.RunGeneration, 0))
		}
		if err == nil {
			notify(mu, opts.Finished, o)
			return o
		}
	}
	if err == nil {
		notifyStart(mu, opts.Started, r)
		start := time.Now()
		err = attempt(ctx, dir, r, opts)
		o.Seconds = time.Since(start).Seconds()
		if ctx.Err() != nil {
			return o
		}
		if err == nil {
			o.Status = StatusOK
			notify(mu, opts.Finished, o)
			return o
		}
	}
	o.Status, o.Err = StatusFailed, err
	if werr := writeRecord(dir, record(r, StatusFailed, err.Error(), st.RunGeneration, o.Seconds)); werr != nil && !errors.Is(werr, fs.ErrNotExist) {
		o.Err = fmt.Errorf("%w (and its record could not be written: %v)", err, werr)
	}
	notify(mu, opts.Finished, o)
	return o
}

// prepare completes what a killed run left in dir and reads its state.
func prepare(dir string) (State, error) {
	if _, err := os.Stat(dir); err == nil {
		if err := outdir.Recover(dir); err != nil {
			return State{}, err
		}
	}
	return ReadState(dir)
}

// attempt runs the pipeline of r into dir and records its success.
func attempt(ctx context.Context, dir string, r Run, opts Options) error {
	start := time.Now()
	cfg, err := r.Load(dir)
	if err != nil {
		return err
	}
	var popts pipeline.Options
	if opts.Pipeline != nil {
		popts = opts.Pipeline(r)
	}
	if _, err := pipeline.Run(ctx, cfg, popts); err != nil {
		return err
	}
	g, err := outdir.Verify(dir, runSet)
	if err != nil {
		return err
	}
	return writeRecord(dir, record(r, StatusOK, "", g, time.Since(start).Seconds()))
}

func record(r Run, st Status, msg string, gen int, seconds float64) Record {
	return Record{Name: r.Name, Status: st, Error: msg, Config: r.Config, Vars: r.Vars, RunGeneration: gen, Seconds: seconds}
}

func notify(mu *sync.Mutex, f func(Outcome), o Outcome) {
	if f != nil {
		mu.Lock()
		defer mu.Unlock()
		f(o)
	}
}

func notifyStart(mu *sync.Mutex, f func(Run), r Run) {
	if f != nil {
		mu.Lock()
		defer mu.Unlock()
		f(r)
	}
}
