package pipeline

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// scaleCSV copies src to dst with the numeric cells of the named columns
// multiplied by their factors.
func scaleCSV(t *testing.T, src, dst string, factors map[string]float64) {
	t.Helper()
	f, err := os.Open(src)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	for i, name := range rows[0] {
		k, ok := factors[name]
		if !ok {
			continue
		}
		for _, row := range rows[1:] {
			if row[i] == "" {
				continue
			}
			v, err := strconv.ParseFloat(row[i], 64)
			require.NoError(t, err)
			row[i] = strconv.FormatFloat(v*k, 'g', -1, 64)
		}
	}
	out, err := os.Create(dst)
	require.NoError(t, err)
	w := csv.NewWriter(out)
	require.NoError(t, w.WriteAll(rows))
	require.NoError(t, out.Close())
}

// unitsRun runs the demo world with its spend multiplied by spendK and its
// KPI by kpiK, in every input that carries them.
func unitsRun(t *testing.T, spendK, kpiK float64, family mmm.MediaPrior) *report.Report {
	t.Helper()
	cfg := demoConfig(t, "laplace", 1, 10, 400)
	cfg.Model.MediaPrior = family
	dir := t.TempDir()
	panel := map[string]float64{"revenue": kpiK}
	for _, ch := range cfg.Model.Channels {
		panel[ch.Spend] = spendK
	}
	scaleCSV(t, cfg.Data.Panel, filepath.Join(dir, "panel.csv"), panel)
	scaleCSV(t, cfg.Data.LiftTests, filepath.Join(dir, "lift.csv"), map[string]float64{
		"spend": spendK, "incremental_kpi": kpiK, "se": kpiK, "ci_lower": kpiK, "ci_upper": kpiK})
	scaleCSV(t, cfg.Data.MTA, filepath.Join(dir, "mta.csv"), map[string]float64{"attributed_revenue": kpiK, "spend": spendK})
	cfg.Data.Panel, cfg.Data.LiftTests, cfg.Data.MTA = filepath.Join(dir, "panel.csv"), filepath.Join(dir, "lift.csv"), filepath.Join(dir, "mta.csv")
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	return res.Report
}

// The default media prior means the same whatever the units: spend in
// thousands multiplies every ROI by 1000, a KPI in thousandths divides
// them, and contributions (in KPI units), fit and flags do not move.
func TestUnitsInvariance(t *testing.T) {
	if testing.Short() {
		t.Skip("three Laplace fits of the demo")
	}
	base := unitsRun(t, 1, 1, mmm.AutoMediaPrior)
	require.Equal(t, "share", base.Priors.Family)
	// The conflict checks are quiet on the demo.
	assert.Empty(t, base.Priors.Flags)
	for _, ch := range base.Channels {
		assert.NotContains(t, flagCodes(ch.Flags), report.FlagPriorConflict, ch.Name)
		assert.NotContains(t, flagCodes(ch.Flags), report.FlagPriorDominated, ch.Name)
	}
	for _, tc := range []struct {
		name          string
		spendK, kpiK  float64
		roiK, contrib float64
	}{
		{"spend/1000", 1e-3, 1, 1e3, 1},
		{"kpi*1000", 1, 1e3, 1e3, 1e3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := unitsRun(t, tc.spendK, tc.kpiK, mmm.AutoMediaPrior)
			assert.InDelta(t, base.Fit.R2, r.Fit.R2, 1e-3)
			worst := 0.0
			assert.InEpsilon(t, base.Priors.MediaShare.Mean, r.Priors.MediaShare.Mean, 1e-6)
			for c, ch := range base.Channels {
				got := r.Channels[c]
				for _, pair := range [][2]report.ChannelEstimates{{ch.MMM, got.MMM}, {*ch.Calibrated, *got.Calibrated}} {
					want, have := pair[0], pair[1]
					worst = max(worst, math.Abs(have.ROI.Mean/(want.ROI.Mean*tc.roiK)-1))
					assert.InEpsilon(t, want.ROI.Mean*tc.roiK, have.ROI.Mean, 0.01, ch.Name)
					assert.InEpsilon(t, want.ROI.Lo*tc.roiK, have.ROI.Lo, 0.02, ch.Name)
					assert.InEpsilon(t, want.ROI.Hi*tc.roiK, have.ROI.Hi, 0.02, ch.Name)
					assert.InEpsilon(t, want.Contribution.Mean*tc.contrib, have.Contribution.Mean, 0.01, ch.Name)
				}
				assert.Equal(t, flagCodes(ch.Flags), flagCodes(got.Flags), ch.Name)
			}
			t.Logf("largest relative change of a ROI mean (rescaled): %.2g; R² %.4f → %.4f", worst, base.Fit.R2, r.Fit.R2)
			for k, e := range base.Experiments {
				require.NotNil(t, e.Z, e.TestID)
				require.NotNil(t, r.Experiments[k].Z, e.TestID)
				assert.InDelta(t, *e.Z, *r.Experiments[k].Z, 0.05, e.TestID)
			}
		})
	}
	// Meridian's ROI prior is stated in KPI per unit of spend: in
	// thousands of currency it asks for ROIs a thousand times too small,
	// and the media all but vanish.
	roi := unitsRun(t, 1, 1, mmm.ROIMediaPrior)
	roiK := unitsRun(t, 1e-3, 1, mmm.ROIMediaPrior)
	require.Equal(t, "roi", roiK.Priors.Family)
	assert.Empty(t, roi.Priors.Flags, "in consistent units Meridian's prior is plausible")
	// In thousands the checks say so: an implausible media share before
	// the fit, and a fit that flat priors beat.
	t.Logf("spend in thousands, roi family: R² %.3f, flat ROI priors %.3f", roiK.Fit.R2, roiK.Priors.FreeR2)
	require.Len(t, roiK.Priors.Flags, 2)
	for _, f := range roiK.Priors.Flags {
		assert.Equal(t, report.FlagPriorConflict, f.Code)
	}
	assert.Less(t, roiK.Fit.R2, roiK.Priors.FreeR2-0.05)
	assert.Less(t, roiK.Header.MediaContribution.Mean, 0.5*roi.Header.MediaContribution.Mean)
	t.Logf("roi family: media contribution %.4g, with spend in thousands %.4g", roi.Header.MediaContribution.Mean, roiK.Header.MediaContribution.Mean)
}

func flagCodes(fs []report.Flag) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}
