//go:build long

package eval

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/report"
)

// TestPeerPyMCROAS runs triad end to end on PyMC-Marketing's ROAS data (an
// unobserved confounder drives x1 and sales) without calibration and with
// the whole-period lift tests, and logs the ROAS found against the truth
// (x1 93.4, x2 171.4; PyMC-Marketing's notebook: about 155 and 150 without
// tests). The aim, both within 15% when calibrated, is asserted.
// calibrate's TestPyMCROASData fits the same data at the model level; this
// one goes through the files, the config and the pipeline.
func TestPeerPyMCROAS(t *testing.T) {
	path := filepath.Join(peerDir, "config.yaml")
	none := runConfig(t, loadConfig(t, path), func(c *config.Config) { c.Calibration.Mode = config.CalibrationNone })
	cf := runConfig(t, loadConfig(t, path), nil)
	require.Equal(t, "counterfactual", cf.CalibrationMode)
	for _, name := range []string{"x1", "x2"} {
		truth := peerROAS[name]
		a := peerChannel(t, none, name)
		require.Nil(t, a.Calibrated, "calibration none fits the MMM alone")
		c := peerChannel(t, cf, name)
		require.NotNil(t, c.Calibrated)
		t.Logf("%s: true ROAS %.1f; calibration none %s (%+.1f%%); counterfactual: MMM alone %s, calibrated %s (%+.1f%%)",
			name, truth, fmtIv(a.MMM.ROI), 100*(a.MMM.ROI.Mean/truth-1), fmtIv(c.MMM.ROI), fmtIv(c.Calibrated.ROI),
			100*(c.Calibrated.ROI.Mean/truth-1))
		assert.InDelta(t, truth, c.Calibrated.ROI.Mean, 0.15*truth, "%s calibrated within 15%%", name)
	}
	t.Logf("fits: none R-hat %.3f, %d divergences; calibrated R-hat %.3f, %d divergences",
		none.Fit.RHatMax, none.Fit.Divergences, cf.FitCalibrated.RHatMax, cf.FitCalibrated.Divergences)
}

func peerChannel(t *testing.T, r *report.Report, name string) report.Channel {
	for _, c := range r.Channels {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("channel %s not in the report", name)
	return report.Channel{}
}

func fmtIv(iv report.Interval) string { return interval(iv) }
