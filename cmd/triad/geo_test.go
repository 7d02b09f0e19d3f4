package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/tabular"
)

// A geo world runs end to end as written (geos summed to national) and
// with the geo model, the default with model.geo.
func TestSimulateGeoWorldRuns(t *testing.T) {
	dir := t.TempDir()
	stdout, err, _ := triad(t, "simulate", "--geos", "8", "--weeks", "80", "--seed", "2", "--out", dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "8-geo × 80-week world")
	cfg := filepath.Join(dir, "config.yaml")
	out := filepath.Join(t.TempDir(), "out")
	_, err, code := triad(t, "run", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "200", "-q")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	var rep struct {
		Experiments []struct {
			TestID string   `json:"test_id"`
			Geos   []string `json:"geos"`
		} `json:"experiments"`
		TestNext []struct {
			HoldoutShare float64  `json:"holdout_share"`
			Geos         []string `json:"geos"`
		} `json:"test_next"`
	}
	b, err := os.ReadFile(filepath.Join(out, "report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Len(t, rep.Experiments, 4)
	assert.NotEmpty(t, rep.Experiments[0].Geos, "a geo test keeps its geos in the report")
	// Test next names the geos to hold out.
	require.NotEmpty(t, rep.TestNext)
	for _, s := range rep.TestNext {
		if s.HoldoutShare > 0 {
			assert.NotEmpty(t, s.Geos)
		}
	}
	// The calibrated MTA keeps the export's geo column.
	cal, err := tabular.Read(filepath.Join(out, "calibrated_mta.parquet"), []tabular.Column{{Name: "geo", Kind: tabular.String}})
	require.NoError(t, err)
	assert.Equal(t, "geo_1", cal.Strings("geo")[0])

	body, err := os.ReadFile(cfg)
	require.NoError(t, err)
	geo := strings.Replace(string(body), "geo_model: sum", "geo_model: geo", 1)
	require.NoError(t, os.WriteFile(cfg, []byte(geo), 0o644))
	outGeo := filepath.Join(t.TempDir(), "out")
	_, err, code = triad(t, "run", "--config", cfg, "--out", outGeo, "--method", "laplace", "--draws", "200", "-q")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	var geoRep struct {
		Channels []struct {
			MMM struct {
				ROI struct{ Mean float64 } `json:"roi"`
			} `json:"mmm"`
		} `json:"channels"`
		Experiments []struct {
			MMMIROAS struct{ Mean *float64 } `json:"mmm_iroas"`
		} `json:"experiments"`
		Geos []struct {
			Name     string `json:"name"`
			Channels []struct {
				ROI struct{ Lo, Hi *float64 } `json:"roi"`
			} `json:"channels"`
			Fit *struct{ R2 float64 } `json:"fit"`
		} `json:"geos"`
	}
	b, err = os.ReadFile(filepath.Join(outGeo, "report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &geoRep))
	require.Len(t, geoRep.Experiments, 4)
	for _, e := range geoRep.Experiments {
		require.NotNil(t, e.MMMIROAS.Mean, "the geo model predicts every geo test on its geos")
		assert.Greater(t, *e.MMMIROAS.Mean, 0.0)
	}
	for _, c := range geoRep.Channels {
		assert.Greater(t, c.MMM.ROI.Mean, 0.0)
	}
	require.Len(t, geoRep.Geos, 8, "geos[] holds every geo")
	for _, g := range geoRep.Geos {
		require.Len(t, g.Channels, len(geoRep.Channels), g.Name)
		assert.NotNil(t, g.Fit, g.Name)
		for _, c := range g.Channels {
			require.NotNil(t, c.ROI.Lo, g.Name)
			assert.Less(t, *c.ROI.Lo, *c.ROI.Hi, g.Name)
		}
	}

	for _, bad := range []string{"1", "-2", "501"} {
		_, err, code = triad(t, "simulate", "--geos", bad, "--out", t.TempDir())
		assert.Error(t, err)
		assert.Equal(t, exitInput, code, bad)
	}
}

// configs/meridian-geo.yaml runs on a slice of Meridian's geo panel: the
// geo panel loads with its population, and the geo model runs.
func TestMeridianGeoConfig(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	t.Setenv("TRIAD_DATA_PANEL", slice)
	cfg := filepath.Join("..", "..", "configs", "meridian-geo.yaml")
	stdout, err, code := triad(t, "validate", "--config", cfg)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Channel4")
	out := filepath.Join(t.TempDir(), "out")
	_, err, code = triad(t, "run", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "200", "-q")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.FileExists(t, filepath.Join(out, "report.json"))

	// The organic channel is fitted per geo: a contribution in every geo,
	// no spend and no ROI.
	var rep struct {
		Geos []struct {
			Name     string
			Channels []struct {
				Name         string
				Spend        float64
				ROI          *struct{ Mean float64 } `json:"roi"`
				Contribution struct{ Mean float64 }
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	require.Len(t, rep.Geos, 4)
	for _, g := range rep.Geos {
		require.Len(t, g.Channels, 6, g.Name)
		oc := g.Channels[5]
		assert.Equal(t, "Organic_channel0", oc.Name)
		assert.Zero(t, oc.Spend)
		assert.Nil(t, oc.ROI, g.Name)
		assert.Greater(t, oc.Contribution.Mean, 0.0, g.Name)
	}
}

// The round's geo inputs in one geo run on Meridian's slice: model.window
// (the window's periods fitted in every geo, the rows before it feeding
// each geo's carryover), Promo as a treatment (its effect reported) and a
// lift test of the organic channel on two geos (its contribution there
// predicted, and calibration moves the prediction towards it). A window
// of too few periods is bad input and writes nothing.
func TestGeoInputsRun(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	dir := t.TempDir()
	tests := filepath.Join(dir, "lift.csv")
	require.NoError(t, os.WriteFile(tests, []byte("test_id,channel,start_date,end_date,spend,incremental_kpi,se,geos\n"+
		"news1,Organic_channel0,2022-03-07,2022-04-03,0,2000000,500000,Geo0;Geo1\n"), 0o644))
	src, err := os.ReadFile(filepath.Join("..", "..", "configs", "meridian-geo.yaml"))
	require.NoError(t, err)
	writeCfg := func(window string) string {
		s := strings.Replace(string(src), "  kpi_type: count\n", "  kpi_type: count\n  window: "+window+"\n", 1)
		s = strings.Replace(s, "  panel: ../../shared/peers/meridian/geo_all_channels.csv\n",
			"  panel: "+slice+"\n  lift_tests: "+tests+"\n", 1)
		s = strings.Replace(s, "controls: [competitor_sales_control, sentiment_score_control, Promo]",
			"controls: [competitor_sales_control, sentiment_score_control]\n  treatments:\n    - {name: Promo, column: Promo, baseline: min}", 1)
		p := filepath.Join(t.TempDir(), "geo-inputs.yaml")
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	out := filepath.Join(t.TempDir(), "out")
	_, err, code := triad(t, "run", "--config", writeCfg("{start: 2021-07-05, end: 2023-06-26}"), "--out", out,
		"--method", "laplace", "--draws", "200", "-q")
	require.NoError(t, err)
	require.Equal(t, exitOK, code)
	var rep struct {
		Period struct {
			Start   string
			Periods int
		}
		Geos       []struct{ Name string }
		Treatments []struct {
			Name         string
			Baseline     float64
			Contribution struct{ Mean, Lo, Hi float64 }
		}
		Experiments []struct {
			TestID                 string                  `json:"test_id"`
			Geos                   []string                `json:"geos"`
			MMMContribution        *struct{ Mean float64 } `json:"mmm_contribution"`
			CalibratedContribution *struct{ Mean float64 } `json:"calibrated_contribution"`
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Equal(t, "2021-07-05", rep.Period.Start)
	assert.Equal(t, 104, rep.Period.Periods)
	assert.Len(t, rep.Geos, 4)
	summary, err := os.ReadFile(filepath.Join(out, "data_summary.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(summary), "23 earlier periods feed the carryover only")
	dec, err := tabular.Read(filepath.Join(out, "decomposition.csv"), []tabular.Column{{Name: "geo", Kind: tabular.String}})
	require.NoError(t, err)
	assert.Equal(t, 5*104, dec.Len(), "national and four geos, window periods only")

	require.Len(t, rep.Treatments, 1)
	tr := rep.Treatments[0]
	assert.Equal(t, "Promo", tr.Name)
	assert.Zero(t, tr.Baseline)
	assert.Less(t, tr.Contribution.Lo, tr.Contribution.Hi)

	require.Len(t, rep.Experiments, 1)
	e := rep.Experiments[0]
	assert.Equal(t, []string{"Geo0", "Geo1"}, e.Geos)
	require.NotNil(t, e.MMMContribution)
	require.NotNil(t, e.CalibratedContribution)
	t.Logf("organic test: measured 2e6, MMM alone %.3g, calibrated %.3g", e.MMMContribution.Mean, e.CalibratedContribution.Mean)
	assert.Less(t, math.Abs(e.CalibratedContribution.Mean-2e6), math.Abs(e.MMMContribution.Mean-2e6))

	bad := filepath.Join(t.TempDir(), "bad")
	_, err, code = triad(t, "run", "--config", writeCfg("{start: 2023-06-05, end: 2023-06-26}"), "--out", bad, "-q")
	require.Error(t, err)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, err.Error(), "model.window 2023-06-05 .. 2023-06-26 holds 4 of the panel's periods")
	assert.NoDirExists(t, bad)
}
