package testworld

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/triad-mmm/triad/internal/panel"
)

// Channel is one channel of the world's config.yaml.
type Channel struct {
	Name    string `yaml:"name"`
	Spend   string `yaml:"spend"`
	Offline bool   `yaml:"offline"`
	Adstock string `yaml:"adstock"`
}

// World is what the world's config.yaml says about its files and panel.
type World struct {
	Dir      string // testdata/world/csv, absolute
	Date     string
	KPI      string
	Channels []Channel
	Controls []string
	MTAValue string // the MTA export's attributed-KPI column
}

type file struct {
	Model struct {
		KPI      string    `yaml:"kpi"`
		Date     string    `yaml:"date"`
		Channels []Channel `yaml:"channels"`
		Controls []string  `yaml:"controls"`
	} `yaml:"model"`
	MTA struct {
		Value string `yaml:"value"`
	} `yaml:"mta"`
}

// Load reads the CSV copy of the world, failing t when it is missing.
func Load(t testing.TB) World {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testworld: cannot locate the repository")
	}
	dir := filepath.Join(filepath.Dir(self), "..", "..", "testdata", "world", "csv")
	raw, err := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if err != nil {
		t.Fatalf("no simulated world in testdata (go test ./internal/simulate -run TestGenerateTestdata -update writes it): %v", err)
	}
	var f file
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatalf("testworld: %s: %v", filepath.Join(dir, "config.yaml"), err)
	}
	for _, name := range []string{"panel.csv", "lift_tests.csv", "mta.csv", "truth.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("simulated world incomplete (go test ./internal/simulate -run TestGenerateTestdata -update writes it): %v", err)
		}
	}
	return World{Dir: dir, Date: f.Model.Date, KPI: f.Model.KPI, Channels: f.Model.Channels, Controls: f.Model.Controls, MTAValue: f.MTA.Value}
}

// Path returns the path of the world's file name.
func (w World) Path(name string) string { return filepath.Join(w.Dir, name) }

// ChannelNames returns the channels' names in config order.
func (w World) ChannelNames() []string {
	out := make([]string, len(w.Channels))
	for i, c := range w.Channels {
		out[i] = c.Name
	}
	return out
}

// PanelSpec returns the spec that loads the world's panel.
func (w World) PanelSpec() panel.Spec {
	s := panel.Spec{Date: w.Date, KPI: w.KPI, Controls: w.Controls}
	for _, c := range w.Channels {
		s.Channels = append(s.Channels, panel.ChannelColumn{Name: c.Name, Spend: c.Spend})
	}
	return s
}

// Panel loads the world's panel.
func (w World) Panel(t testing.TB) *panel.Panel {
	t.Helper()
	p, _, err := panel.Load(w.Path("panel.csv"), w.PanelSpec())
	if err != nil {
		t.Fatal(err)
	}
	return p
}
