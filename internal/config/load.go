package config

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/viper"
)

// Load reads the YAML file at path (may be empty: defaults and environment
// only), applies TRIAD_* environment variables and then overrides (config
// key → value, as a command line gives them), rejects unknown keys and
// validates the result. Relative data paths are resolved against the
// file's directory. A TRIAD_* variable that names no key, or holds a value
// its key cannot take, is an error naming the variable.
func Load(path string, overrides map[string]string) (*Config, error) {
	v := viper.New()
	for k, d := range Defaults() {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("TRIAD")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Problems: []string{err.Error()}}
		}
		defer f.Close()
		v.SetConfigType("yaml")
		if err := v.ReadConfig(f); err != nil {
			return nil, &Error{Problems: []string{fmt.Sprintf("%s: %v", path, err)}}
		}
	}
	env, err := fromEnv(os.Environ(), overrides)
	if err != nil {
		return nil, err
	}
	for key, val := range overrides {
		v.Set(key, val)
	}
	var c Config
	if err := unmarshal(v, &c); err != nil {
		return nil, &Error{Problems: []string{describeDecodeError(path, err)}}
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
		return nil, blameEnv(err, env)
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
