package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds the loader arbitrary YAML and one arbitrary TRIAD_*
// variable: it must never panic, and must return either a configuration
// that validates or a *config.Error; an unknown variable is always named.
func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "configs", "example.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []struct{ yaml, name, value string }{
		{minimal, "SAMPLER_CHAINS", "5"},
		{minimal, "SAMPLER_CHAINS", "abc"},
		{minimal, "SAMPLER_BOGUS", "1"},
		{minimal, "REPORT_INTERVAL", "1e400"},
		{minimal, "MODEL_TRUE", "maybe"},
		{string(example), "SAMPLER_SEED", "-1"},
		{string(example), "MODEL_CONTROLS", "a,b"},
		{"data: [1, 2]\nmodel: {channels: {x: 1}}\n", "OUTPUT_DIR", ""},
		{"sampler:\n  chains: !!float 1e9\n", "BUDGET_CHANNELS", "x"},
		{"::\n\t- {", "", "x"},
	} {
		f.Add(s.yaml, s.name, s.value)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, yaml, name, value string) {
		name = "TRIAD_" + name
		if strings.ContainsAny(name, "=\x00") || strings.ContainsRune(value, 0) {
			t.Skip("not an environment entry")
		}
		path := filepath.Join(dir, "triad.yaml")
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv(name, value)
		c, err := Load(path, nil)
		if err != nil {
			if !IsError(err) {
				t.Fatalf("%T %v: not a *config.Error", err, err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Load returned a config that does not validate: %v", err)
		}
		if _, known := envKeys()[name]; !known && !isNotConfig(name) {
			t.Fatalf("unknown variable %s accepted", name)
		}
	})
}
