package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// checkSincePrevious: run --previous puts the comparison in the report:
// since_previous in report.json with the contract's fields, and a "Since
// last quarter" section in the Markdown and the HTML (TestDiffOfTwoQuarters
// makes the runs).
func checkSincePrevious(t *testing.T, res *Result, old, cur *config.Config) {
	d := res.Report.SincePrevious
	require.NotNil(t, d)
	assert.Equal(t, 13, d.PeriodsAdded)
	require.Len(t, d.TestsAdded, 1)

	b, err := os.ReadFile(filepath.Join(cur.Output.Dir, "report.json"))
	require.NoError(t, err)
	var j struct {
		SincePrevious struct {
			Channels []struct {
				Name          string
				Before, After struct {
					ROI *struct{ Mean, Lo, Hi *float64 }
				}
				ProbabilityChanged *float64 `json:"probability_changed"`
			}
		} `json:"since_previous"`
	}
	require.NoError(t, json.Unmarshal(b, &j))
	require.Len(t, j.SincePrevious.Channels, 6)
	for _, c := range j.SincePrevious.Channels {
		require.NotNil(t, c.Before.ROI, c.Name)
		require.NotNil(t, c.After.ROI, c.Name)
		assert.NotNil(t, c.Before.ROI.Mean, c.Name)
		assert.NotNil(t, c.ProbabilityChanged, c.Name)
	}
	for _, f := range []string{"report.md", "report.html"} {
		b, err := os.ReadFile(filepath.Join(cur.Output.Dir, f))
		require.NoError(t, err)
		assert.Contains(t, string(b), "Since last quarter", f)
		assert.Contains(t, string(b), "LT04", f)
	}
	// Without --previous the report has no such field.
	b, err = os.ReadFile(filepath.Join(old.Output.Dir, "report.json"))
	require.NoError(t, err)
	assert.NotContains(t, string(b), "since_previous")
}

// A --previous directory without a run is an input error found before
// the fit.
func TestRunPreviousWithoutARun(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 100)
	var msgs []string
	_, err := Run(context.Background(), cfg, Options{Previous: t.TempDir(), Notify: notices(&msgs).Notify})
	require.Error(t, err)
	assert.True(t, IsInputError(err))
	for _, m := range msgs {
		assert.NotContains(t, m, "fitting", "the error comes before the fit")
	}
}
