package config

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Values returns the configuration as the nested map a YAML or JSON file
// would hold: every key under its YAML name, modes spelled as the file
// spells them, priors as {mu, sigma} or {a, b}, unset optional keys
// (nil pointers) left out. Loading the map back (LoadValues) gives the same
// configuration, so a run's manifest can record it and a later run can
// repeat it.
func (c *Config) Values() map[string]any {
	return encodeValue(reflect.ValueOf(*c)).(map[string]any)
}

func encodeValue(v reflect.Value) any {
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Kind() != reflect.Struct && v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface {
		return s.String()
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return encodeValue(v.Elem())
	case reflect.Struct:
		return encodeStruct(v)
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = encodeValue(v.Index(i))
		}
		return out
	case reflect.Map:
		out := make(map[string]any, v.Len())
		for _, k := range v.MapKeys() {
			out[k.String()] = encodeValue(v.MapIndex(k))
		}
		return out
	}
	return v.Interface()
}

// encodeStruct names a field by its mapstructure tag, or, for the priors'
// value types, which have none, by its lower-cased name (mu, sigma, a, b).
// The Priors map is flattened into the channel, as the file spells it.
func encodeStruct(v reflect.Value) map[string]any {
	out := map[string]any{}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Tag.Get("mapstructure")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		val := encodeValue(v.Field(i))
		if val == nil {
			continue
		}
		if name == priorsKey {
			for k, p := range val.(map[string]any) {
				out[k] = p
			}
			continue
		}
		out[name] = val
	}
	return out
}

// LoadValues loads a configuration from values, the map Config.Values
// returns (as a run's manifest records it), with environment variables and
// overrides applied and checked as by Load. Data paths are taken as they
// are. (JSON is YAML, so the recorded map goes through LoadYAML.)
func LoadValues(values map[string]any, overrides map[string]string) (*Config, error) {
	b, err := json.Marshal(values)
	if err != nil {
		return nil, &Error{Problems: []string{"recorded configuration: " + err.Error()}}
	}
	return LoadYAML("recorded configuration", b, "", overrides)
}
