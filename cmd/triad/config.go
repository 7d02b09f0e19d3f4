package main

import (
	"github.com/spf13/pflag"

	"github.com/triad-mmm/triad/internal/config"
)

// flagKeys binds command-line flags to config keys; flags win over the
// environment, which wins over the file.
var flagKeys = map[string]string{
	"out":    "output.dir",
	"seed":   "sampler.seed",
	"chains": "sampler.chains",
	"warmup": "sampler.warmup",
	"draws":  "sampler.draws",
	"method": "sampler.method",
	// triad run
	"panel":      "data.panel",
	"lift-tests": "data.lift_tests",
	"mta":        "data.mta",
	// triad optimize
	"total":      "budget.total",
	"objective":  "budget.objective",
	"quantile":   "budget.quantile",
	"target-roi": "budget.target_roi",
}

// loadConfig loads the config at path (see config.Load) with the flags
// that were set on the command line winning over file and environment.
func loadConfig(path string, flags *pflag.FlagSet) (*config.Config, error) {
	return config.Load(path, flagOverrides(flags))
}

// flagOverrides returns the config keys set by the flags given.
func flagOverrides(flags *pflag.FlagSet) map[string]string {
	overrides := map[string]string{}
	if flags != nil {
		for name, key := range flagKeys {
			if fl := flags.Lookup(name); fl != nil && fl.Changed {
				overrides[key] = fl.Value.String()
			}
		}
	}
	return overrides
}
