package config

import (
	"bytes"
	"fmt"
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
		return LoadYAML("", nil, "", overrides)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Problems: []string{err.Error()}}
	}
	return LoadYAML(path, b, filepath.Dir(path), overrides)
}

// LoadYAML is Load for a config held in memory, such as one filled in from
// a template: src names it in messages (empty: defaults and environment
// only) and relative data paths are resolved against base.
func LoadYAML(src string, data []byte, base string, overrides map[string]string) (*Config, error) {
	v := withDefaults()
	v.SetEnvPrefix("TRIAD")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if src != "" {
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
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
	name := src
	if name == "" {
		name = "configuration"
	}
	c, problems, bad := decode(v, name)
	if src != "" {
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
