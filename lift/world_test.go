package lift

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/testworld"
)

var _ Calendar = (*panel.Panel)(nil)

func TestWorldLiftTests(t *testing.T) {
	// The world's truth.json records the SE each test was simulated with,
	// an independent check of the derivation.
	w := testworld.Load(t)
	p := w.Panel(t)
	var truth struct {
		Tests []struct {
			ID       string  `json:"test_id"`
			SE       float64 `json:"se"`
			Measured float64 `json:"measured"`
		} `json:"tests"`
	}
	raw, err := os.ReadFile(w.Path("truth.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &truth))

	for _, file := range []string{"lift_tests.csv", "../parquet/lift_tests.parquet"} {
		t.Run(file, func(t *testing.T) {
			tests, _, err := Read(w.Path(file), Canonical, ParseOptions{PanelStart: p.Start(), PanelEnd: p.End(), StepDays: p.StepDays})
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
