//go:build long

package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
)

// TestGeoRecoveryLong fits `triad simulate --geos 40` worlds (seeds 1..10,
// or TRIAD_EVAL_SEEDS) twice as a user would: with the geo model and summed
// to national (model.geo_model: sum, geo tests at their geos' spend share),
// prints every figure of issue 11's truth-recovery target per world, per
// channel and pooled, and asserts the targets. TRIAD_* variables reach the
// config, e.g. TRIAD_SAMPLER_METHOD=laplace for a quick pass;
// TRIAD_EVAL_GEOS sets another number of geos; TRIAD_EVAL_KEEP=DIR keeps
// each run's output in DIR/seed<N>-<geo|national> and reuses a report.json
// already there, so seeds fitted one at a time (or by another sampler
// length) can be pooled by a last run over all of them.
func TestGeoRecoveryLong(t *testing.T) {
	spec := os.Getenv("TRIAD_EVAL_SEEDS")
	if spec == "" {
		spec = "1-10"
	}
	seeds, err := ParseSeeds(spec)
	require.NoError(t, err)
	geos := 40
	if v := os.Getenv("TRIAD_EVAL_GEOS"); v != "" {
		geos, err = strconv.Atoi(v)
		require.NoError(t, err)
	}
	keep := os.Getenv("TRIAD_EVAL_KEEP")
	var g GeoRecovery
	for _, seed := range seeds {
		w := geoRecoveryWorld(t, simulate.Options{Seed: seed, Geos: geos}, keep)
		g.Worlds = append(g.Worlds, w)
		t.Logf("seed %d: geo |ROI error| alone %.3f, calibrated %.3f; national %.3f, %.3f; per-geo coverage %d/%d",
			seed, w.Geo.Alone.MeanAbsROIError, w.Geo.Calibrated.MeanAbsROIError,
			w.National.Alone.MeanAbsROIError, w.National.Calibrated.MeanAbsROIError, w.GeoCovered, w.GeoPairs)
	}
	geo, nat := g.summaries()
	t.Logf("geo model:\n%s\n%s", geo, geo.Channels())
	t.Logf("summed to national:\n%s\n%s", nat, nat.Channels())
	t.Logf("geo model against the national fit:\n%s", g)

	for _, tg := range g.Targets() {
		assert.True(t, tg.Pass(), "%s: %.3f, target [%g, %g]", tg.Name, tg.Value, tg.Lo, tg.Hi)
	}
	for _, e := range g.CalibrationEffects() {
		assert.False(t, e.Worse(0.1), "calibration by geo tests makes %s (tested: %v) worse: mean |ROI error| %.3f → %.3f (paired diff %+.3f ± %.3f over %d worlds)",
			e.Name, e.Tested, e.Alone, e.Calibrated, e.Diff, e.SE, e.Worlds)
	}
}

// geoRecoveryWorld simulates the geo world o (as `triad simulate --seed
// --geos` writes it), runs its config.yaml with the geo
// model and summed to national, and scores both against the truth. With
// keep, each run's output goes to keep/seed<N>-<geo|national> and a
// report.json already there is read instead of fitting again.
func geoRecoveryWorld(t *testing.T, o simulate.Options, keep string) GeoWorld {
	t.Helper()
	w, err := simulate.Generate(o)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	var gw GeoWorld
	for _, geo := range []bool{true, false} {
		kind := map[bool]string{true: "geo", false: "national"}[geo]
		out := ""
		if keep != "" {
			out = filepath.Join(keep, fmt.Sprintf("seed%d-%s", o.Seed, kind))
		}
		start := time.Now()
		r := readKeptReport(t, out)
		if r == nil {
			cfg := loadConfig(t, filepath.Join(dir, "config.yaml"))
			r = runConfig(t, cfg, func(c *config.Config) {
				c.Model.GeoModel = config.GeoModelSum
				if geo {
					c.Model.GeoModel = config.GeoModelGeo
				}
				if out != "" {
					c.Output.Dir = out
				}
			})
		}
		res, err := Evaluate(w, r)
		require.NoError(t, err)
		if geo {
			gw.Geo = res
			gw.GeoCovered, gw.GeoPairs, err = GeoCoverage(w, r)
			require.NoError(t, err)
		} else {
			gw.National = res
		}
		cal := "none"
		if f := r.FitCalibrated; f != nil {
			cal = fmt.Sprintf("R-hat max %s, divergences %d", num(f.RHatMax), f.Divergences)
		}
		t.Logf("seed %d %s: %s, %.0f s here (fit %.1f s); R-hat max %s, divergences %d; calibrated fit %s",
			o.Seed, kind, fitLabel(r.Fit), time.Since(start).Seconds(), r.Fit.Seconds, num(r.Fit.RHatMax), r.Fit.Divergences, cal)
	}
	return gw
}

// readKeptReport reads dir/report.json, or returns nil when dir is empty
// or holds none.
func readKeptReport(t *testing.T, dir string) *report.Report {
	if dir == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, report.JSONFile))
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var r report.Report
	require.NoError(t, json.Unmarshal(b, &r), dir)
	return &r
}

func fitLabel(f report.Fit) string {
	if f.Method == "laplace" {
		return fmt.Sprintf("laplace, %d draws", f.Draws)
	}
	return fmt.Sprintf("%s %d×%d draws", f.Method, f.Chains, f.Draws)
}
