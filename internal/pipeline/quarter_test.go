package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// quarterConfigs returns the configs of two quarters of the demo world:
// the old run sees its first 143 weeks and the tests that ended by then
// (all but LT04, a display heavy-up ending 2024-10-27); the new run sees
// all 156 weeks and all five tests. Each writes into its own directory.
func quarterConfigs(t testing.TB, method string, chains, warmup, draws int) (old, cur *config.Config) {
	t.Helper()
	cur = demoConfig(t, method, chains, warmup, draws)
	old = demoConfig(t, method, chains, warmup, draws)
	dir := t.TempDir()
	panel, err := os.ReadFile(cur.Data.Panel)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(panel), "\n")
	old.Data.Panel = filepath.Join(dir, "panel.csv")
	require.NoError(t, os.WriteFile(old.Data.Panel, []byte(strings.Join(lines[:1+143], "")), 0o644))
	tests, err := os.ReadFile(cur.Data.LiftTests)
	require.NoError(t, err)
	var kept []string
	for _, l := range strings.SplitAfter(string(tests), "\n") {
		if !strings.HasPrefix(l, "LT04,") {
			kept = append(kept, l)
		}
	}
	old.Data.LiftTests = filepath.Join(dir, "lift_tests.csv")
	require.NoError(t, os.WriteFile(old.Data.LiftTests, []byte(strings.Join(kept, "")), 0o644))
	return old, cur
}
