package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/internal/outdir"
)

// RecordFile is the record of a run's last attempt, in the run's folder.
const RecordFile = "batch.json"

// Set names of the files in a run's folder (see internal/outdir).
const (
	runSet    = "run"
	recordSet = "batch"
)

// Status of a run.
type Status string

const (
	StatusOK     Status = "ok"
	StatusFailed Status = "failed"
	// StatusSkipped is an outcome, never recorded: the run's folder held
	// a complete generation and the batch was not forced.
	StatusSkipped Status = "skipped"
)

// Record is batch.json: what the last attempt of a run did.
type Record struct {
	Name   string `json:"name"`
	Status Status `json:"status"`
	// Error is the failure's message; empty when ok.
	Error string `json:"error,omitempty"`
	// Config is the config or template as the manifest names it; Vars the
	// template row.
	Config string            `json:"config"`
	Vars   map[string]string `json:"vars,omitempty"`
	// RunGeneration is the generation of the folder's run files that the
	// record speaks of: for ok, the one the run wrote; for failed, the one
	// that was there when it failed (0: none), which the failure leaves in
	// place.
	RunGeneration int     `json:"run_generation"`
	Seconds       float64 `json:"seconds"`
}

// ReadRecord returns the record in dir; ok is false when there is none or
// it is not part of the folder's complete generation.
func ReadRecord(dir string) (r Record, ok bool, err error) {
	if _, err := outdir.Verify(dir, recordSet); err != nil {
		return Record{}, false, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, RecordFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, false, nil
	}
	if err != nil {
		return Record{}, false, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return Record{}, false, fmt.Errorf("%s: %w", filepath.Join(dir, RecordFile), err)
	}
	return r, true, nil
}

func writeRecord(dir string, r Record) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	g, err := outdir.Begin(dir, recordSet, []string{RecordFile})
	if err != nil {
		return err
	}
	defer g.Abort()
	if err := g.WriteFile(RecordFile, append(b, '\n')); err != nil {
		return err
	}
	_, err = g.Commit(context.Background())
	return err
}

// State is what a run's folder says about it.
type State struct {
	// RunGeneration is the generation of the folder's complete run files
	// (0: none).
	RunGeneration int
	// Record is the last attempt's record, if any (HasRecord).
	Record    Record
	HasRecord bool
}

// Complete reports whether the folder holds the run's complete output: a
// complete generation of what `triad run` writes, manifest.json included,
// that no later failed attempt disowns.
func (s State) Complete() bool {
	if s.RunGeneration == 0 {
		return false
	}
	r := s.Record
	return !(s.HasRecord && r.Status == StatusFailed && r.RunGeneration == s.RunGeneration)
}

// Status is the run's status from its folder: ok when complete, failed
// when the last attempt failed; empty when it has not run.
func (s State) Status() Status {
	switch {
	case s.Complete():
		return StatusOK
	case s.HasRecord && s.Record.Status == StatusFailed:
		return StatusFailed
	}
	return ""
}

// ReadState reads the state of the run folder dir without changing it: a
// folder that a killed run left in the middle of its switch reads as
// incomplete until outdir.Recover (or the next run) completes it.
func ReadState(dir string) (State, error) {
	var s State
	// Complete: every file the marker lists is the file it records, and
	// manifest.json, the run's last file, is one of them and reads.
	if g, err := outdir.Verify(dir, runSet); err == nil {
		if _, err := manifest.Read(dir); err == nil {
			s.RunGeneration = g
		}
	}
	r, ok, err := ReadRecord(dir)
	if err != nil {
		return State{}, err
	}
	s.Record, s.HasRecord = r, ok
	return s, nil
}
