package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// meridianColumnsOnly states only the columns of Meridian's national panel.
const meridianColumnsOnly = `data: {panel: national_all_channels.csv}
model:
  kpi: conversions
  date: time
  channels:
    - {name: Channel0, spend: Channel0_spend}
    - {name: Channel1, spend: Channel1_spend}
    - {name: Channel2, spend: Channel2_spend}
    - {name: Channel3, spend: Channel3_spend}
    - {name: Channel4, spend: Channel4_spend}
  controls: [competitor_sales_control, sentiment_score_control, Promo]
`

func peerRun(t *testing.T, path string, family mmm.MediaPrior) *report.Report {
	t.Helper()
	return runConfig(t, loadConfig(t, path), func(c *config.Config) {
		c.Model.MediaPrior = family
		c.Sampler.Method = mmm.Laplace
		c.Sampler.Draws = 400
	})
}

func priorCodes(r *report.Report) (global, channel []string) {
	for _, f := range r.Priors.Flags {
		global = append(global, f.Code)
	}
	for _, ch := range r.Channels {
		for _, f := range ch.Flags {
			channel = append(channel, f.Code)
		}
	}
	return global, channel
}

// Two peers' panels with configs that state only their columns: the
// default prior fits as well as the same design with flat ROI priors and
// raises no conflict; Meridian's ROI prior, stated in currency, holds the
// media of PyMC-Marketing's example (KPI in thousands, spend on a 0–1
// scale) at nothing, and the checks say so.
func TestPeersWithColumnsOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("four Laplace fits of peers' panels")
	}
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "peers", "meridian", "national_all_channels.csv"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "national_all_channels.csv"), b, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(meridianColumnsOnly), 0o644))
	peers := map[string]string{
		"pymc_example": filepath.Join("..", "..", "testdata", "peers", "pymc_example", "config.yaml"),
		"meridian":     filepath.Join(dir, "config.yaml"),
	}
	for name, path := range peers {
		r := peerRun(t, path, mmm.AutoMediaPrior)
		t.Logf("%s, share: R² %.3f, flat ROI priors %.3f, media %.1f%% of the KPI", name, r.Fit.R2, r.Priors.FreeR2, 100*(1-r.Header.BaselineShare.Mean))
		assert.InDelta(t, r.Priors.FreeR2, r.Fit.R2, 0.02, name)
		global, channel := priorCodes(r)
		assert.Empty(t, global, name)
		assert.NotContains(t, channel, report.FlagPriorConflict, name)
	}
	r := peerRun(t, peers["pymc_example"], mmm.ROIMediaPrior)
	t.Logf("pymc_example, roi: R² %.3f, flat ROI priors %.3f, media %.2f%% of the KPI", r.Fit.R2, r.Priors.FreeR2, 100*(1-r.Header.BaselineShare.Mean))
	global, channel := priorCodes(r)
	assert.Equal(t, []string{report.FlagPriorConflict, report.FlagPriorConflict}, global)
	assert.Contains(t, channel, report.FlagPriorDominated)
	assert.Less(t, r.Fit.R2, 0.5)
	assert.Greater(t, r.Priors.FreeR2, 0.9)
}
