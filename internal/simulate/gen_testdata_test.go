package simulate

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/world from Generate(seed 1)")

// worldDir is the repository's committed demo world.
const worldDir = "../../testdata/world"

// TestGenerateTestdata checks that testdata/world (CSV and Parquet) is
// exactly what Generate(seed 1) produces, so the committed world never
// drifts from the simulator. With -update it rewrites the files:
//
//	go test ./internal/simulate -run TestGenerateTestdata -update
func TestGenerateTestdata(t *testing.T) {
	w := generate(t, Options{Seed: 1})
	for _, ext := range []string{"csv", "parquet"} {
		dir := filepath.Join(worldDir, ext)
		if *update {
			require.NoError(t, w.WriteFiles(dir, ext))
		}
		checkFiles(t, w, dir, ext)

		got, err := os.ReadFile(filepath.Join(dir, "config.yaml"))
		require.NoError(t, err)
		require.Equal(t, w.ConfigYAML(ext), string(got), "%s/config.yaml", ext)

		got, err = os.ReadFile(filepath.Join(dir, "truth.json"))
		require.NoError(t, err)
		want, err := w.TruthJSON()
		require.NoError(t, err)
		var g, x any
		require.NoError(t, json.Unmarshal(got, &g))
		require.NoError(t, json.Unmarshal(want, &x))
		require.NoError(t, sameJSON(x, g, ext+"/truth.json"))
	}
}

// sameJSON compares decoded JSON values, numbers to a relative 1e-12.
func sameJSON(want, got any, path string) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: want object of %d keys, got %v", path, len(w), got)
		}
		for k, v := range w {
			if err := sameJSON(v, g[k], path+"."+k); err != nil {
				return err
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: want array of %d, got %v", path, len(w), got)
		}
		for i := range w {
			if err := sameJSON(w[i], g[i], fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case float64:
		g, ok := got.(float64)
		if !ok || abs(g-w) > 1e-12*max(1, abs(w)) {
			return fmt.Errorf("%s: want %v, got %v", path, w, got)
		}
	default:
		if want != got {
			return fmt.Errorf("%s: want %v, got %v", path, want, got)
		}
	}
	return nil
}
