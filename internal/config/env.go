package config

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// envPrefix starts the environment variables that set configuration keys.
const envPrefix = "TRIAD_"

// notConfig are the TRIAD_* variables of triad's own test harnesses, which
// are not configuration keys.
var notConfig = []string{"TRIAD_EVAL_SEEDS", "TRIAD_EVAL_GEOS", "TRIAD_EVAL_KEEP", "TRIAD_RECOVERY_METHOD", "TRIAD_RECOVERY_SEEDS", "TRIAD_SCREENSHOT_DIR"}

// EnvName is the environment variable that sets key: TRIAD_SAMPLER_CHAINS
// for sampler.chains.
func EnvName(key string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// fromEnv checks the TRIAD_* variables of environ ("NAME=value" entries,
// as os.Environ returns them) the way unknown or mistyped keys of a file
// are checked: a variable that names no key, or whose value the key
// cannot take, is an error naming the variable. It returns the variable
// that sets each key, leaving out keys in overrides (flags win over the
// environment).
func fromEnv(environ []string, overrides map[string]string) (map[string]string, error) {
	keys := envKeys()
	set := map[string]string{}
	var problems []string
	for _, kv := range environ {
		name, val, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, envPrefix) || isNotConfig(name) {
			continue
		}
		key, ok := keys[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("environment variable %s: no such setting (TRIAD_<SECTION>_<KEY> sets a key of configs/example.yaml; lists such as model.channels only in the file)", name))
			continue
		case val == "": // viper treats an empty variable as unset
			continue
		}
		if _, ok := overrides[key]; ok {
			continue
		}
		if err := decodeOne(key, val); err != nil {
			problems = append(problems, fmt.Sprintf("environment variable %s=%.80q: %s takes %s", name, val, key, kindOf(Defaults()[key])))
			continue
		}
		set[key] = name
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, &Error{Problems: problems}
	}
	return set, nil
}

// envKeys maps each variable that sets a key to the key.
func envKeys() map[string]string {
	keys := map[string]string{}
	for k := range Defaults() {
		keys[EnvName(k)] = k
	}
	return keys
}

func isNotConfig(name string) bool { return slices.Contains(notConfig, name) }

// decodeOne decodes the defaults with key set to val, as Load decodes. A
// mode's refusal of val is left to Load, whose message lists the valid
// values.
func decodeOne(key, val string) error {
	v := withDefaults()
	v.Set(key, val)
	var c Config
	if err := unmarshal(v, &c); err != nil && !onlyBadValues(err) {
		return err
	}
	return nil
}

// kindOf describes the values a key with default d takes.
func kindOf(d any) string {
	switch reflect.TypeOf(d).Kind() {
	case reflect.Int:
		return "a whole number"
	case reflect.Uint64:
		return "a whole number >= 0"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	}
	return "another value"
}

// blameEnv adds to each problem about a key the environment set the
// variable that set it, so that a user looks there and not in the file.
func blameEnv(err error, set map[string]string) error {
	e, ok := err.(*Error)
	if !ok || len(set) == 0 {
		return err
	}
	for i, p := range e.Problems {
		for key, name := range set {
			if strings.HasPrefix(p, key+" ") || strings.HasPrefix(p, key+":") {
				e.Problems[i] = p + " (set by the environment variable " + name + ")"
			}
		}
	}
	return e
}
