package lift

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/panel"
)

var _ Calendar = (*panel.Panel)(nil)

// worldDir holds the simulated world of testdata: its truth.json records the
// SE each test was simulated with, an independent check of the derivation.
const worldDir = "../testdata/world"

func loadWorldPanel(t *testing.T, dir string) *panel.Panel {
	t.Helper()
	spec := panel.Spec{Date: "date", KPI: "revenue", Controls: []string{"price", "promo"}}
	for _, c := range []string{"tv", "ooh", "print", "search", "social", "display"} {
		spec.Channels = append(spec.Channels, panel.ChannelColumn{Name: c, Spend: "spend_" + c})
	}
	p, _, err := panel.Load(filepath.Join(dir, "panel.csv"), spec)
	require.NoError(t, err)
	return p
}

func TestWorldLiftTests(t *testing.T) {
	dir := filepath.Join(worldDir, "csv")
	if _, err := os.Stat(filepath.Join(dir, "lift_tests.csv")); err != nil {
		t.Skip("no simulated world in testdata")
	}
	p := loadWorldPanel(t, dir)
	var truth struct {
		Tests []struct {
			ID       string  `json:"test_id"`
			SE       float64 `json:"se"`
			Measured float64 `json:"measured"`
		} `json:"tests"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &truth))

	for _, file := range []string{"csv/lift_tests.csv", "parquet/lift_tests.parquet"} {
		t.Run(file, func(t *testing.T) {
			tests, _, err := Read(filepath.Join(worldDir, file), Canonical, ParseOptions{PanelStart: p.Start(), PanelEnd: p.End(), StepDays: p.StepDays})
			require.NoError(t, err)
			require.Len(t, tests, len(truth.Tests))
			for k, want := range truth.Tests {
				got := tests[k]
				assert.Equal(t, want.ID, got.ID)
				assert.InDelta(t, want.Measured, got.Incremental, 1e-6)
				// CIs are written rounded to cents: allow that much.
				assert.InEpsilon(t, want.SE, got.SE, 1e-3, want.ID)
			}
			for _, f := range Check(tests, p, CheckOptions{}) {
				assert.NotEqual(t, Error, f.Severity, f.String())
				assert.NotEqual(t, SpendMismatch, f.Code, "the simulator's spends match its panel: %s", f)
			}
		})
	}
}
