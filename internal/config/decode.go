package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"

	"github.com/triad-mmm/triad/mmm"
)

// decode unmarshals v into a Config with unmarshal. It returns the
// config, as complete as the input allows, the problems found, each naming
// its key, and the set of keys that failed to decode; src names the input
// in problems that have no key of their own.
func decode(v *viper.Viper, src string) (Config, []string, map[string]bool) {
	var c Config
	err := unmarshal(v, &c)
	if err == nil {
		return c, nil, nil
	}
	var d decodeProblems
	d.walk(err)
	return c, d.list(src), d.keys
}

// unmarshal decodes v into c, the one decoder of Load and of the
// environment check: unknown keys are errors, typed modes are parsed by
// their own UnmarshalText (so each type's one list of spellings is the
// only one), priors take the family their keys name.
func unmarshal(v *viper.Viper, c *Config) error {
	return v.UnmarshalExact(c, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		textHook, channelHook, priorHook, mapstructure.StringToSliceHookFunc(","),
	)))
}

// onlyBadValues reports whether err, an unmarshal error, holds nothing
// but typed modes' refusals of their values: those Load reports with the
// valid values, where a check of the value's kind has nothing to add.
func onlyBadValues(err error) bool {
	var d decodeProblems
	d.walk(err)
	return len(d.unknown) == 0 && len(d.other) == 0 && d.values == len(d.problems)
}

// valueError is a typed mode's refusal of a value; its message quotes the
// value and lists the valid ones.
type valueError struct{ err error }

func (e valueError) Error() string { return e.err.Error() }

// textHook decodes scalars into the types that parse text: numbers and
// booleans are spelled out first, so that `likelihood: 1` is refused,
// not read as the second constant.
func textHook(_ reflect.Type, to reflect.Type, data any) (any, error) {
	if to.Kind() == reflect.Interface || !reflect.PointerTo(to).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return data, nil
	}
	switch v := data.(type) {
	case string, bool, int, int64, float64, uint64:
	case time.Time:
		// YAML reads an unquoted 2016-01-04 as a timestamp; dates want the day.
		data = v.Format(time.DateOnly)
	default:
		return data, nil
	}
	out := reflect.New(to)
	if err := out.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(fmt.Sprint(data))); err != nil {
		return nil, valueError{err}
	}
	return out.Elem().Interface(), nil
}

var (
	betaKeys      = []string{"a", "b"}
	logNormalKeys = []string{"mu", "sigma"}
)

// priorsKey is the key under which channelHook gathers a channel's
// <parameter>_prior keys for Channel.Priors. No YAML key can reach it
// (viper keys have no angle brackets), and keyName removes it from the
// keys that problems name.
const priorsKey = "<parameter>_prior"

// channelHook gathers a channel's <parameter>_prior keys (all but
// roi_prior, a field of its own) under priorsKey, so that they decode
// into Channel.Priors while any other key that is not a field stays an
// unknown key. (A ",remain" map would take those too, and mapstructure
// names the keys of a remain map "<interface {} Value>".)
func channelHook(_ reflect.Type, to reflect.Type, data any) (any, error) {
	m, ok := data.(map[string]any)
	if !ok || to != reflect.TypeFor[Channel]() {
		return data, nil
	}
	out := make(map[string]any, len(m))
	priors := map[string]any{}
	for k, v := range m {
		if strings.HasSuffix(k, "_prior") && k != "roi_prior" {
			priors[k] = v
		} else {
			out[k] = v
		}
	}
	if len(priors) > 0 {
		out[priorsKey] = priors
	}
	return out, nil
}

// priorShapeError is a <parameter>_prior value that is not a prior.
type priorShapeError struct{ got string }

func (e priorShapeError) Error() string {
	return "want {a, b} (a Beta prior) or {mu, sigma} (a LogNormal prior on the log scale), got " + e.got
}

// priorHook decodes a channel's <parameter>_prior keys into priors: {a, b}
// is a Beta, {mu, sigma} a LogNormal. Validate checks that the key names a
// parameter of that family.
func priorHook(_ reflect.Type, to reflect.Type, data any) (any, error) {
	if to != reflect.TypeFor[mmm.Prior]() {
		return data, nil
	}
	m, ok := data.(map[string]any)
	if !ok {
		return nil, priorShapeError{fmt.Sprintf("%v", data)}
	}
	var keys []string
	for k := range m {
		keys = append(keys, strings.ToLower(k))
	}
	sort.Strings(keys)
	subset := func(allowed []string) bool {
		for _, k := range keys {
			if !slices.Contains(allowed, k) {
				return false
			}
		}
		return len(keys) > 0
	}
	var out any
	switch {
	case subset(betaKeys):
		out = &mmm.Beta{}
	case subset(logNormalKeys):
		out = &mmm.LogNormal{}
	default:
		return nil, priorShapeError{"{" + strings.Join(keys, ", ") + "}"}
	}
	if err := mapstructure.WeakDecode(m, out); err != nil {
		return nil, err
	}
	return reflect.ValueOf(out).Elem().Interface(), nil
}

// decodeProblems sorts mapstructure's errors into unknown keys and
// problems of one key.
type decodeProblems struct {
	unknown  []string
	problems []string
	other    []string
	values   int             // problems that are a typed mode's refusal
	keys     map[string]bool // keys with a problem
}

var invalidKeys = regexp.MustCompile(`^has invalid keys: (.*)$`)

func (d *decodeProblems) walk(err error) {
	var de *mapstructure.DecodeError
	switch e := err.(type) {
	case *mapstructure.DecodeError:
		de = e
	case interface{ Unwrap() []error }:
		for _, e := range e.Unwrap() {
			d.walk(e)
		}
		return
	case interface{ Unwrap() error }:
		if inner := e.Unwrap(); inner != nil {
			d.walk(inner)
			return
		}
		d.other = append(d.other, err.Error())
		return
	default:
		d.other = append(d.other, err.Error())
		return
	}
	key := keyName(de.Name())
	inner := de.Unwrap()
	if d.keys == nil {
		d.keys = map[string]bool{}
	}
	d.keys[key] = true
	var ve valueError
	switch {
	case errors.As(inner, &ve):
		d.problems = append(d.problems, key+" "+ve.Error())
		d.values++
	case invalidKeys.MatchString(inner.Error()):
		for _, k := range strings.Split(invalidKeys.FindStringSubmatch(inner.Error())[1], ", ") {
			if key != "" {
				k = key + "." + k
			}
			d.unknown = append(d.unknown, k)
		}
	default:
		d.problems = append(d.problems, key+": "+inner.Error())
	}
}

func (d *decodeProblems) list(src string) []string {
	var out []string
	if len(d.unknown) > 0 {
		sort.Strings(d.unknown)
		out = append(out, unknownKeys(src, d.unknown))
	}
	// Sorted, as mapstructure visits a map's keys (a channel's priors) in
	// random order and a run's messages must not vary.
	sort.Strings(d.problems)
	out = append(out, d.problems...)
	for _, o := range d.other {
		out = append(out, src+": "+o)
	}
	return out
}

// unknownKeys is the problem of keys that are not configuration keys.
func unknownKeys(src string, keys []string) string {
	msg := fmt.Sprintf("unknown key(s) %s (see configs/example.yaml for the valid keys)", strings.Join(keys, ", "))
	if src == "" {
		return msg
	}
	return src + ": " + msg
}

var mapIndex = regexp.MustCompile(`\[([A-Za-z_][A-Za-z0-9_]*)\]`)

// keyName spells mapstructure's field names as the YAML does:
// model.channels[0].<parameter>_prior[alpha_prior] is
// model.channels[0].alpha_prior.
func keyName(name string) string {
	name = strings.ReplaceAll(name, "."+priorsKey, "")
	return mapIndex.ReplaceAllString(name, ".$1")
}
