package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

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
}

// loadConfig reads the YAML file at path (may be empty: defaults and
// environment only), applies TRIAD_* environment variables and the flags
// that were set, rejects unknown keys and validates the result. Relative
// data paths are resolved against the file's directory.
func loadConfig(path string, flags *pflag.FlagSet) (*config.Config, error) {
	v := viper.New()
	for k, d := range config.Defaults() {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("TRIAD")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, &config.Error{Problems: []string{err.Error()}}
		}
		defer f.Close()
		v.SetConfigType("yaml")
		if err := v.ReadConfig(f); err != nil {
			return nil, &config.Error{Problems: []string{fmt.Sprintf("%s: %v", path, err)}}
		}
	}
	if flags != nil {
		for name, key := range flagKeys {
			if fl := flags.Lookup(name); fl != nil && fl.Changed {
				if err := v.BindPFlag(key, fl); err != nil {
					return nil, err
				}
			}
		}
	}
	var c config.Config
	if err := v.UnmarshalExact(&c); err != nil {
		return nil, &config.Error{Problems: []string{describeDecodeError(path, err)}}
	}
	if path != "" {
		base := filepath.Dir(path)
		for _, p := range []*string{&c.Data.Panel, &c.Data.LiftTests, &c.Data.MTA} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(base, *p)
			}
		}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

var invalidKeys = regexp.MustCompile(`'([^']*)' has invalid keys: ([^\n]*)`)

// describeDecodeError turns mapstructure's messages into ones naming the
// offending keys the way the YAML spells them.
func describeDecodeError(path string, err error) string {
	src := path
	if src == "" {
		src = "configuration"
	}
	ms := invalidKeys.FindAllStringSubmatch(err.Error(), -1)
	if len(ms) == 0 {
		return fmt.Sprintf("%s: %v", src, err)
	}
	var keys []string
	for _, m := range ms {
		for _, k := range strings.Split(m[2], ", ") {
			if m[1] != "" {
				k = m[1] + "." + k
			}
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return fmt.Sprintf("%s: unknown key(s) %s (see configs/example.yaml for the valid keys)", src, strings.Join(keys, ", "))
}
