package manifest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/outdir"
)

// File is the manifest's name in an output directory.
const File = "manifest.json"

// SchemaVersion is the version of the manifest's layout.
const SchemaVersion = "1"

// Manifest records one run.
type Manifest struct {
	SchemaVersion string `json:"schema_version"`
	// Version is the triad build that made the run.
	Version string `json:"version"`
	// Command is the command that wrote the directory ("run").
	Command string `json:"command"`
	// Config is the resolved configuration, as config.Config.Values gives
	// it: every key, defaults filled in.
	Config map[string]any `json:"config"`
	Inputs []Input        `json:"inputs"`
	Seed   uint64         `json:"seed"`
	// Choices are what the run decided by itself.
	Choices Choices `json:"choices"`
	// Seconds is the run's wall-clock time, Timings its stages'.
	Seconds float64  `json:"seconds"`
	Timings []Timing `json:"timings"`
	// Outputs are the other files of the run's generation.
	Outputs []string `json:"outputs"`
}

// Input describes one input file as the run read it.
type Input struct {
	// Key is the configuration key naming the file (data.panel).
	Key   string `json:"key"`
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
	// Rows counts the file's data rows (records after a CSV's header).
	Rows   int64  `json:"rows"`
	SHA256 string `json:"sha256"`
}

// Choices are the model choices a run made that the configuration left
// open; run --like pins them.
type Choices struct {
	// CalibrationMode is the mode in force (auto resolves to
	// counterfactual with tests, none without).
	CalibrationMode string `json:"calibration_mode"`
	// Weekday reports whether day-of-week effects were fitted.
	Weekday      bool `json:"weekday"`
	FourierOrder int  `json:"fourier_order"`
	// MediaPrior is the family of the default ROI prior, auto resolved:
	// "share" or "roi" (model.media_prior).
	MediaPrior string          `json:"media_prior"`
	Channels   []ChannelChoice `json:"channels"`
}

// ChannelChoice is one channel's resolved structure.
type ChannelChoice struct {
	Name       string `json:"name"`
	Adstock    string `json:"adstock"`
	Saturation string `json:"saturation"`
	MaxLag     int    `json:"max_lag"`
	// ROIPrior is the LogNormal ROI prior in force before any lift test
	// (under the share family the default depends on the data).
	ROIPrior LogNormal `json:"roi_prior"`
}

// LogNormal is a LogNormal distribution's parameters on the log scale.
type LogNormal struct {
	Mu    float64 `json:"mu"`
	Sigma float64 `json:"sigma"`
}

// Timing is one stage's wall-clock seconds.
type Timing struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}

// Encode returns the manifest as indented JSON.
func Encode(m *Manifest) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// Read reads the manifest of the run in dir. A directory without one (no
// run, a run that failed, or one being switched in) gives an error that
// errors.Is(err, fs.ErrNotExist) recognises; since manifest.json is the
// last file of a run's generation to arrive and the first to leave, a nil
// error means dir holds every file of the run it describes. Read does not
// re-hash them; Verify does.
func Read(dir string) (*Manifest, error) {
	path := filepath.Join(dir, File)
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no %s (no complete triad run there): %w", dir, File, fs.ErrNotExist)
		}
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if m.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("%s: schema_version %q, this triad reads %q", path, m.SchemaVersion, SchemaVersion)
	}
	return &m, nil
}

// Verify checks that every file of the run in dir holds exactly what its
// generation marker records (size and SHA-256), reading them all.
func Verify(dir string) error {
	_, err := outdir.Verify(dir, "run")
	return err
}
