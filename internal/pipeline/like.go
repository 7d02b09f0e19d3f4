package pipeline

import (
	"errors"
	"io/fs"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/manifest"
)

// LikeConfig returns the configuration of the run in dir, as its
// manifest recorded it (every default filled in, the model's own choices
// written back), for repeating that run on new inputs: when file is not
// nil its data paths and output directory replace the recorded ones, and
// overrides (config key → value, as flags give them) apply last. A
// directory without a complete run is an input error.
func LikeConfig(dir string, file *config.Config, overrides map[string]string) (*config.Config, error) {
	m, err := manifest.Read(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &InputError{Err: err}
		}
		return nil, err
	}
	values := make(map[string]any, len(m.Config))
	for k, v := range m.Config {
		values[k] = v
	}
	if file != nil {
		fv := file.Values()
		values["data"], values["output"] = fv["data"], fv["output"]
	}
	return config.LoadValues(values, overrides)
}
