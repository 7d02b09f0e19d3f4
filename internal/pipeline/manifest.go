package pipeline

import (
	"context"
	"path/filepath"
	"time"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/mmm"
)

// stopwatch records the wall-clock seconds of a run's stages for its
// manifest.
type stopwatch struct {
	start, last time.Time
	stages      []manifest.Timing
}

func newStopwatch() *stopwatch {
	now := time.Now()
	return &stopwatch{start: now, last: now}
}

// lap ends the stage named stage.
func (s *stopwatch) lap(stage string) {
	now := time.Now()
	s.add(stage, now.Sub(s.last).Seconds())
	s.last = now
}

func (s *stopwatch) add(stage string, secs float64) {
	s.stages = append(s.stages, manifest.Timing{Stage: stage, Seconds: secs})
}

// hashInputs describes every input file (size, rows, SHA-256) in the
// background, alongside the fit; wait returns the result.
func hashInputs(ctx context.Context, cfg *config.Config) (wait func() ([]manifest.Input, float64, error)) {
	type result struct {
		in   []manifest.Input
		secs float64
		err  error
	}
	done := make(chan result, 1)
	go func() {
		start := time.Now()
		in, err := manifest.DescribeAll(ctx, []manifest.Input{
			{Key: "data.panel", Path: absPath(cfg.Data.Panel)},
			{Key: "data.lift_tests", Path: absPath(cfg.Data.LiftTests)},
			{Key: "data.mta", Path: absPath(cfg.Data.MTA)},
		})
		done <- result{in, time.Since(start).Seconds(), err}
	}()
	return func() ([]manifest.Input, float64, error) {
		r := <-done
		return r.in, r.secs, r.err
	}
}

// resolvedConfig is cfg with the structure the model filled in written
// back: each channel's adstock, saturation and lag, whether day-of-week
// effects were fitted, the family of the default ROI prior and the geo
// model. Loaded again (run --like), it gives the
// same model on new data whatever defaults the data would now imply.
func resolvedConfig(cfg *config.Config, spec mmm.Spec) *config.Config {
	c := *cfg
	c.Model.Channels = make([]config.Channel, len(cfg.Model.Channels))
	for i, ch := range cfg.Model.Channels {
		cs := spec.Channels[i]
		ch.Adstock, ch.Saturation, ch.MaxLag = cs.Adstock.Kind(), cs.Saturation.Kind(), cs.MaxLag
		c.Model.Channels[i] = ch
	}
	weekday := spec.Weekday
	c.Model.Weekday = &weekday
	c.Model.MediaPrior = spec.MediaPrior.Resolve()
	c.Model.GeoModel = cfg.GeoModel()
	// Absolute paths, so that a later run from another directory finds
	// the same files.
	for _, p := range []*string{&c.Data.Panel, &c.Data.LiftTests, &c.Data.MTA} {
		*p = absPath(*p)
	}
	return &c
}

func absPath(p string) string {
	if p == "" {
		return p
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// choices are what the run decided that the configuration left open.
func choices(spec mmm.Spec, mode config.CalibrationMode, channels []string) manifest.Choices {
	ch := manifest.Choices{CalibrationMode: mode.String(), Weekday: spec.Weekday, FourierOrder: spec.FourierOrder,
		MediaPrior: spec.MediaPrior.Resolve().String()}
	for i, cs := range spec.Channels {
		ch.Channels = append(ch.Channels, manifest.ChannelChoice{
			Name: channels[i], Adstock: string(cs.Adstock.Kind()), Saturation: string(cs.Saturation.Kind()),
			MaxLag: cs.MaxLag, ROIPrior: manifest.LogNormal{Mu: cs.ROI.Mu, Sigma: cs.ROI.Sigma},
		})
	}
	return ch
}

// buildManifest assembles the run's manifest; outputs are the run's other
// files.
func buildManifest(in *Inputs, f *fitted, inputs []manifest.Input, sw *stopwatch, outputs []string, version string) *manifest.Manifest {
	cfg := in.Config
	return &manifest.Manifest{
		SchemaVersion: manifest.SchemaVersion,
		Version:       version,
		Command:       "run",
		Config:        resolvedConfig(cfg, f.spec).Values(),
		Inputs:        inputs,
		Seed:          cfg.Sampler.Seed,
		Choices:       choices(f.spec, f.mode, in.Panel.Channels),
		Seconds:       time.Since(sw.start).Seconds(),
		Timings:       sw.stages,
		Outputs:       outputs,
	}
}
