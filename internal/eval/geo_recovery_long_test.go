//go:build long

package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/simulate"
)

// TestGeoRecoveryLong fits `triad simulate --geos 40` worlds (seeds 1..10,
// or TRIAD_EVAL_SEEDS) twice as a user would: with the geo model (the
// config's default) and summed to national (model.geo_model: sum, geo
// tests at their geos' spend share), and compares their recovery of the
// true ROIs. TRIAD_* variables reach the config, e.g.
// TRIAD_SAMPLER_METHOD=laplace for a quick pass, TRIAD_EVAL_GEOS for
// another number of geos.
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
	var sGeo, sNat Summary
	geoCovered, geoPairs := 0, 0
	for _, seed := range seeds {
		w, err := simulate.Generate(simulate.Options{Seed: seed, Geos: geos})
		require.NoError(t, err)
		dir := t.TempDir()
		require.NoError(t, w.WriteFiles(dir, "csv"))
		for _, geo := range []bool{true, false} {
			start := time.Now()
			cfg := loadConfig(t, filepath.Join(dir, "config.yaml"))
			r := runConfig(t, cfg, func(c *config.Config) {
				if !geo {
					c.Model.GeoModel = config.GeoModelSum
				} else {
					c.Model.GeoModel = config.GeoModelGeo
				}
			})
			res, err := Evaluate(w, r)
			require.NoError(t, err)
			label := "national"
			if geo {
				sGeo.Results = append(sGeo.Results, res)
				label = "geo"
				k, n, err := GeoCoverage(w, r)
				require.NoError(t, err)
				geoCovered, geoPairs = geoCovered+k, geoPairs+n
				t.Logf("seed %d geo: per-geo 90%% ROI intervals cover %d/%d = %.2f", seed, k, n, float64(k)/float64(n))
			} else {
				sNat.Results = append(sNat.Results, res)
			}
			t.Logf("seed %d %s: %.1f s wall (fits %.1f s and %s), R-hat max %.3f, divergences %d; |ROI error| alone %.3f, calibrated %.3f",
				seed, label, time.Since(start).Seconds(), r.Fit.Seconds, calRHat(r.FitCalibrated), r.Fit.RHatMax, r.Fit.Divergences,
				res.Alone.MeanAbsROIError, res.Calibrated.MeanAbsROIError)
		}
	}
	g, n := sGeo.Totals(), sNat.Totals()
	t.Logf("geo model:\n%s\n%s", sGeo, sGeo.Channels())
	t.Logf("summed to national:\n%s\n%s", sNat, sNat.Channels())
	t.Logf("mean |ROI error| geo/national: alone %.3f / %.3f = %.2f, calibrated %.3f / %.3f = %.2f",
		g.Alone.MeanAbsROIError, n.Alone.MeanAbsROIError, g.Alone.MeanAbsROIError/n.Alone.MeanAbsROIError,
		g.Calibrated.MeanAbsROIError, n.Calibrated.MeanAbsROIError, g.Calibrated.MeanAbsROIError/n.Calibrated.MeanAbsROIError)
	t.Logf("untested channels geo/national (calibrated): %.3f / %.3f; spend-weighted contribution error geo %.3f (calibrated %.3f), national %.3f (%.3f); coverage geo %.2f / %.2f, national %.2f / %.2f",
		g.UntestedCalibrated.MeanAbsROIError, n.UntestedCalibrated.MeanAbsROIError,
		g.Alone.SpendWeightedError, g.Calibrated.SpendWeightedError, n.Alone.SpendWeightedError, n.Calibrated.SpendWeightedError,
		g.Alone.Coverage(), g.Calibrated.Coverage(), n.Alone.Coverage(), n.Calibrated.Coverage())

	changes := sGeo.ChannelChanges()
	t.Logf("geo model by channel over worlds:\n%s", FormatChannelChanges(changes))
	t.Logf("summed to national by channel over worlds:\n%s", FormatChannelChanges(sNat.ChannelChanges()))
	t.Logf("geo model per-geo ROI coverage %d/%d = %.2f", geoCovered, geoPairs, float64(geoCovered)/float64(geoPairs))

	assert.Less(t, g.Calibrated.MeanAbsROIError, 0.6*n.Calibrated.MeanAbsROIError, "geo model's ROI error at most 0.6× the national fit's")
	assert.Less(t, g.Calibrated.SpendWeightedError, 0.2, "spend-weighted contribution error")
	assert.InDelta(t, 0.885, g.Calibrated.Coverage(), 0.085, "90% intervals cover 80–97%")
	assert.Less(t, g.TestedCalibrated.MeanAbsROIError, g.TestedAlone.MeanAbsROIError, "geo tests help the tested channels")
	for _, c := range changes {
		assert.False(t, c.Worse(0.1), "calibration by geo tests makes %s worse: mean |ROI error| %.3f → %.3f", c.Name, c.Alone, c.Calibrated)
	}
	assert.InDelta(t, 0.885, float64(geoCovered)/float64(geoPairs), 0.085, "per-geo 90%% ROI intervals cover 80–97%%")
}
