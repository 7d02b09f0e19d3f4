package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"
)

// Load reads the YAML file at path (may be empty: defaults and environment
// only), applies TRIAD_* environment variables and then overrides (config
// key → value, as a command line gives them), rejects unknown keys, parses
// every mode into its type and validates the result, reporting every
// problem at once. Relative data paths are resolved against the file's
// directory. A TRIAD_* variable that names no key, or holds a value its
// key cannot take, is an error naming the variable. Reading the file is
// this package's only I/O.
func Load(path string, overrides map[string]string) (*Config, error) {
	if path == "" {
		return load(nil, "", "", overrides)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Problems: []string{err.Error()}}
	}
	defer f.Close()
	return load(f, "yaml", path, overrides)
}

// LoadValues loads a configuration from values, the map Config.Values
// returns (as a run's manifest records it), with environment variables and
// overrides applied and checked as by Load. Relative data paths in values
// are taken as they are.
func LoadValues(values map[string]any, overrides map[string]string) (*Config, error) {
	b, err := json.Marshal(values)
	if err != nil {
		return nil, &Error{Problems: []string{"recorded configuration: " + err.Error()}}
	}
	return load(bytes.NewReader(b), "json", "", overrides)
}

// load reads the configuration of type typ from r (nil: none) and applies
// the environment and overrides; path, when not empty, names the file in
// problems and is the base of relative data paths.
func load(r io.Reader, typ, path string, overrides map[string]string) (*Config, error) {
	v := withDefaults()
	v.SetEnvPrefix("TRIAD")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if r != nil {
		v.SetConfigType(typ)
		if err := v.ReadConfig(r); err != nil {
			src := path
			if src == "" {
				src = "configuration"
			}
			return nil, &Error{Problems: []string{fmt.Sprintf("%s: %v", src, err)}}
		}
	}
	env, err := fromEnv(os.Environ(), overrides)
	if err != nil {
		return nil, err
	}
	for key, val := range overrides {
		v.Set(key, val)
	}
	src := path
	if src == "" {
		src = "configuration"
	}
	c, problems, bad := decode(v, src)
	if path != "" {
		base := filepath.Dir(path)
		for _, p := range []*string{&c.Data.Panel, &c.Data.LiftTests, &c.Data.MTA} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(base, *p)
			}
		}
	}
	// Validate what decoded; a key that failed to decode holds its zero
	// value, so its range checks would only repeat the problem.
	for _, p := range c.problems() {
		if !bad[problemKey(p)] {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return nil, blameEnv(&Error{Problems: problems}, env)
	}
	return &c, nil
}

// Default returns the configuration with every key at its default, as a
// file that sets nothing would give (it does not validate: data.panel and
// model.kpi have no default).
func Default() (*Config, error) {
	c, problems, _ := decode(withDefaults(), "defaults")
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	return &c, nil
}

func withDefaults() *viper.Viper {
	v := viper.New()
	for k, d := range Defaults() {
		v.SetDefault(k, d)
	}
	return v
}

// problemKey returns the key a problem starts with.
func problemKey(p string) string {
	if i := strings.IndexAny(p, " :"); i >= 0 {
		return p[:i]
	}
	return p
}
