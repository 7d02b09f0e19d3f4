package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One lift-test file grows over the quarters: two new search holdouts,
// LT06 (iROAS 3.9, SE 0.5) then LT07 (iROAS 0.2, SE 0.2), flag the older
// one as contradicted by the newer, while the stale ooh test keeps its
// stale flag.
func TestAccumulatedTests(t *testing.T) {
	_, cur := quarterConfigs(t, "laplace", 1, 10, 100)
	b, err := os.ReadFile(cur.Data.LiftTests)
	require.NoError(t, err)
	rows := string(b) +
		"LT06,search,holdout,2024-06-03,2024-06-30,,0.25,31000,120000,15000,,,\n" +
		"LT07,search,holdout,2024-11-04,2024-12-01,,0.25,30000,6000,6000,,,\n"
	path := t.TempDir() + "/lift_tests.csv"
	require.NoError(t, os.WriteFile(path, []byte(rows), 0o644))
	cur.Data.LiftTests = path
	res, err := Run(context.Background(), cur, Options{})
	require.NoError(t, err)
	flags := map[string][]string{}
	for _, e := range res.Report.Experiments {
		for _, f := range e.Flags {
			flags[e.TestID] = append(flags[e.TestID], f.Code)
		}
	}
	assert.Contains(t, flags["LT06"], "contradicted_by_newer")
	assert.NotContains(t, flags["LT03"], "contradicted_by_newer", "LT03 (iROAS 2.2, SE 1.5) is too imprecise to be contradicted")
	assert.NotContains(t, flags["LT07"], "contradicted_by_newer", "the newest test is the one that contradicts")
	assert.Contains(t, flags["LT05"], "stale_test")
}
