package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/report"
)

// Two quarters of the demo world, the new one run with --previous: the
// diff finds the 13 added weeks and their spend, the new display test and
// where display's ROI went, and writes diff.json with the contract's
// fields; the new report holds the same comparison (checkSincePrevious);
// --attribute splits it by one refit (checkAttribution).
func TestDiffOfTwoQuarters(t *testing.T) {
	old, cur := quarterConfigs(t, "laplace", 1, 10, 200)
	_, err := Run(context.Background(), old, Options{})
	require.NoError(t, err)
	res, err := Run(context.Background(), cur, Options{Previous: old.Output.Dir})
	require.NoError(t, err)
	checkSincePrevious(t, res, old, cur)
	testDiff(t, old, cur)
	checkAttribution(t, old, cur, []string{"new data + old tests"})
}

func testDiff(t *testing.T, old, cur *config.Config) {
	out := t.TempDir()
	res, err := Diff(context.Background(), old.Output.Dir, cur.Output.Dir, DiffOptions{Out: out})
	require.NoError(t, err)
	d := res.Diff
	assert.Equal(t, 13, d.PeriodsAdded)
	assert.Equal(t, 0, d.PeriodsDropped)
	assert.Positive(t, d.SpendAdded.Total)
	require.Len(t, d.TestsAdded, 1)
	assert.Equal(t, "LT04", d.TestsAdded[0].TestID)
	assert.Equal(t, "display", d.TestsAdded[0].Channel)
	require.NotNil(t, d.TestsAdded[0].Toward)
	require.Len(t, d.Channels, 6)
	for _, c := range d.Channels {
		assert.GreaterOrEqual(t, c.ProbabilityChanged, 0.5, c.Name)
		assert.LessOrEqual(t, c.ProbabilityChanged, 1.0, c.Name)
		assert.Contains(t, []string{"up", "down"}, c.Direction)
		assert.True(t, c.ROIChange.Lo <= c.ROIChange.Mean && c.ROIChange.Mean <= c.ROIChange.Hi, c.Name)
		var codes []string
		for _, k := range c.Causes {
			codes = append(codes, k.Cause)
		}
		assert.Equal(t, []string{report.CauseNewData, report.CauseNewTests}, codes, c.Name)
	}
	keys := map[string]bool{}
	for _, in := range d.InputsChanged {
		keys[in.Key] = true
	}
	assert.Equal(t, map[string]bool{"data.panel": true, "data.lift_tests": true}, keys)
	assert.Len(t, d.BudgetChanges, 6)

	b, err := os.ReadFile(filepath.Join(out, report.DiffJSONFile))
	require.NoError(t, err)
	var j struct {
		Channels []struct {
			Name               string
			Before, After      map[string]*report.Interval
			ProbabilityChanged *float64 `json:"probability_changed"`
			Causes             []map[string]any
		}
		TestsAdded    []map[string]any `json:"tests_added"`
		PeriodsAdded  *int             `json:"periods_added"`
		BudgetChanges []map[string]any `json:"budget_changes"`
	}
	require.NoError(t, json.Unmarshal(b, &j))
	require.Len(t, j.Channels, 6)
	for _, k := range []string{"roi", "mroi", "contribution"} {
		assert.NotNil(t, j.Channels[0].Before[k], k)
		assert.NotNil(t, j.Channels[0].After[k], k)
	}
	assert.NotNil(t, j.Channels[0].ProbabilityChanged)
	assert.Equal(t, 13, *j.PeriodsAdded)
	assert.Len(t, j.TestsAdded, 1)
	assert.Len(t, j.BudgetChanges, 6)
	for _, f := range []string{report.DiffMarkdownFile, report.DiffHTMLFile} {
		assert.FileExists(t, filepath.Join(out, f))
	}
}

// A directory without a run is an input error, and nothing is written.
func TestDiffOfADirectoryWithoutARun(t *testing.T) {
	empty, out := t.TempDir(), t.TempDir()
	_, err := Diff(context.Background(), empty, empty, DiffOptions{Out: out})
	require.Error(t, err)
	assert.True(t, IsInputError(err))
	assert.Contains(t, err.Error(), "no report.json")
	entries, _ := os.ReadDir(out)
	assert.Empty(t, entries)
}

// BenchmarkDiff compares two quarters of the demo world (the 4 × 1000
// draws of a default fit in each), without refits.
func BenchmarkDiff(b *testing.B) {
	old, cur := quarterConfigs(b, "laplace", 1, 10, 4000)
	for _, c := range []*config.Config{old, cur} {
		if _, err := Run(context.Background(), c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Diff(context.Background(), old.Output.Dir, cur.Output.Dir, DiffOptions{Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// When a new test falls inside the old period (LT02, January 2024, left
// out of the old run), the old data are refitted with it too.
func TestDiffAttributionWithTwoRefits(t *testing.T) {
	old, cur := quarterConfigs(t, "laplace", 1, 10, 400)
	b, err := os.ReadFile(old.Data.LiftTests)
	require.NoError(t, err)
	var kept []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.HasPrefix(l, "LT02,") {
			kept = append(kept, l)
		}
	}
	require.NoError(t, os.WriteFile(old.Data.LiftTests, []byte(strings.Join(kept, "")), 0o644))
	testAttribution(t, old, cur, []string{"new data + old tests", "old data + new tests"})
}

func testAttribution(t *testing.T, old, cur *config.Config, refits []string) {
	_, err := Run(context.Background(), old, Options{})
	require.NoError(t, err)
	_, err = Run(context.Background(), cur, Options{})
	require.NoError(t, err)
	checkAttribution(t, old, cur, refits)
}

// checkAttribution: refit A (new data, old tests) and, when a new test
// lies in the old period, refit B (old data, new tests) split each
// channel's change; the parts add up to the whole change.
func checkAttribution(t *testing.T, old, cur *config.Config, refits []string) {
	res, err := Diff(context.Background(), old.Output.Dir, cur.Output.Dir, DiffOptions{Out: t.TempDir(), Attribute: true})
	require.NoError(t, err)
	d := res.Diff
	require.NotNil(t, d.Attribution)
	assert.Equal(t, refits, d.Attribution.Refits)
	assert.Positive(t, d.Attribution.Seconds)
	for _, c := range d.Channels {
		var sum float64
		for _, k := range c.Causes {
			require.True(t, k.ROIChange.Known(), c.Name+" "+k.Cause)
			sum += k.ROIChange.Mean
		}
		assert.InDelta(t, c.ROIChange.Mean, sum, 1e-9*(1+abs(c.ROIChange.Mean)), c.Name)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
