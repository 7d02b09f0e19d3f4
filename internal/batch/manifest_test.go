package batch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func TestLoadListAndTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "tmpl.yaml", "data: {panel: ${panel}}\nsampler: {seed: ${seed}}\n")
	p := writeFile(t, dir, "runs.yaml", `output_root: out
runs:
  - {name: acme-fr, config: acme/fr.yaml}
template:
  config: tmpl.yaml
  name: ${brand}-${market}
  table:
    - {brand: acme, market: de, panel: de.csv, seed: 7}
    - {brand: bolt, market: de, panel: "/data/b de.csv", seed: 8}
`)
	m, err := Load(p)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "out"), m.OutputRoot)
	require.Len(t, m.Runs, 3)
	assert.Equal(t, []string{"acme-fr", "acme-de", "bolt-de"}, []string{m.Runs[0].Name, m.Runs[1].Name, m.Runs[2].Name})
	assert.Equal(t, 3, m.Runs[0].Line)
	assert.Equal(t, filepath.Join(dir, "acme", "fr.yaml"), m.Runs[0].path)
	assert.Nil(t, m.Runs[0].Vars)
	assert.Equal(t, map[string]string{"brand": "bolt", "market": "de", "panel": "/data/b de.csv", "seed": "8"}, m.Runs[2].Vars)
	assert.Equal(t, "data: {panel: /data/b de.csv}\nsampler: {seed: 8}\n", string(m.Runs[2].text))
	assert.Equal(t, filepath.Join(dir, "out", "bolt-de"), m.Runs[2].Dir(m.OutputRoot))
}

func TestLoadReportsEveryProblemWithItsLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "tmpl.yaml", "data: {panel: ${panel}}\n")
	cases := map[string]struct{ manifest, want string }{
		"unknown key":      {"output_root: o\nrunz: []\n", "field runz not found"},
		"unknown run key":  {"output_root: o\nruns:\n  - {name: a, config: c.yaml, seed: 3}\n", "line 3: line 1: field seed not found"},
		"no output root":   {"runs:\n  - {name: a, config: c.yaml}\n", "output_root is required"},
		"no runs":          {"output_root: o\n", "no runs"},
		"no config":        {"output_root: o\nruns:\n  - {name: a}\n", `line 3: run "a" has no config`},
		"bad name":         {"output_root: o\nruns:\n  - {name: ../a, config: c.yaml}\n", `line 3: run name "../a"`},
		"repeated name":    {"output_root: o\nruns:\n  - {name: a, config: c.yaml}\n  - {name: a, config: d.yaml}\n", `line 4: run name "a" repeats line 3`},
		"missing value":    {"output_root: o\ntemplate:\n  config: tmpl.yaml\n  table:\n    - {name: a}\n", "line 5: table row 1: no value for ${panel}"},
		"missing name":     {"output_root: o\ntemplate:\n  config: tmpl.yaml\n  table:\n    - {panel: p.csv}\n", "no value for ${name}"},
		"missing template": {"output_root: o\ntemplate:\n  config: nope.yaml\n  table:\n    - {name: a}\n", "nope.yaml"},
		"empty table":      {"output_root: o\ntemplate:\n  config: tmpl.yaml\n", "empty table"},
		"row not a map":    {"output_root: o\ntemplate:\n  config: tmpl.yaml\n  table:\n    - [a, b]\n", "line 5: table row 1"},
		"not yaml":         {"output_root: [\n", "runs.yaml"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, dir, "runs.yaml", c.manifest)
			_, err := Load(p)
			require.Error(t, err)
			assert.True(t, IsError(err))
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), "runs.yaml")
		})
	}
	_, err := Load(filepath.Join(dir, "absent.yaml"))
	assert.True(t, IsError(err))
}

func TestRunLoadResolvesPathsAgainstTheTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "conf/tmpl.yaml", "data: {panel: ${panel}}\nmodel: {kpi: y, channels: [{name: tv, spend: s}]}\nsampler: {seed: ${seed}}\n")
	writeFile(t, dir, "conf/listed.yaml", "data: {panel: p.csv}\nmodel: {kpi: y, channels: [{name: tv, spend: s}]}\n")
	p := writeFile(t, dir, "runs.yaml", "output_root: out\nruns:\n  - {name: l, config: conf/listed.yaml}\ntemplate:\n  config: conf/tmpl.yaml\n  table:\n    - {name: t, panel: data/t.csv, seed: 9}\n")
	m, err := Load(p)
	require.NoError(t, err)
	cfg, err := m.Runs[1].Load("/x/t")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "conf", "data", "t.csv"), cfg.Data.Panel)
	assert.Equal(t, uint64(9), cfg.Sampler.Seed)
	assert.Equal(t, "/x/t", cfg.Output.Dir)
	cfg, err = m.Runs[0].Load("/x/l")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "conf", "p.csv"), cfg.Data.Panel)

	// A value that breaks the config is the run's error, naming the run.
	writeFile(t, dir, "runs.yaml", "output_root: out\ntemplate:\n  config: conf/tmpl.yaml\n  table:\n    - {name: t, panel: p.csv, seed: many}\n")
	m, err = Load(p)
	require.NoError(t, err)
	_, err = m.Runs[0].Load("/x/t")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "conf/tmpl.yaml (line 5 of the manifest): config: sampler.seed")
}
