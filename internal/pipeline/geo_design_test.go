package pipeline

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/simulate"
)

func TestGeoHoldoutSums(t *testing.T) {
	g := &panel.GeoPanel{Names: []string{"a", "b", "c"},
		Spend: [][][]float64{{{1, 2}, {9, 9}}, {{3, 4}, {9, 9}}, {{5, 6}, {9, 9}}}}
	h := geoHoldout(g, panel.Holdout{Geos: []string{"a", "c"}, Share: 0.6}, 0, []float64{1, 2, 3})
	assert.Equal(t, []float64{6, 8}, h.Spend)
	assert.InDelta(t, 10, h.TreatedVar, 1e-12)
	assert.InDelta(t, 4, h.ControlVar, 1e-12)
	assert.InDelta(t, 1.5, h.Ratio, 1e-12)
}

// Under a geo fit the suggested test is designed on its named geos: its
// holdout share is theirs (not one of the national grid's shares) and its
// expected SE comes from their spend and noise. The prior checks cover it.
func TestGeoFitTestDesignAndPriorChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a geo model")
	}
	w, err := simulate.Generate(simulate.Options{Seed: 4, Geos: 8, Weeks: 80})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	cfg, err := config.Load(filepath.Join(dir, "config.yaml"), map[string]string{"output.dir": t.TempDir(),
		"model.geo_model": "geo", "sampler.method": "laplace", "sampler.draws": "200", "calibration.mode": "none"})
	require.NoError(t, err)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	require.NotEmpty(t, r.TestNext)
	designed := 0
	for _, s := range r.TestNext {
		if s.Geos == nil {
			continue
		}
		designed++
		assert.False(t, slices.Contains([]float64{0.1, 0.2, 0.3, 0.5}, s.HoldoutShare), "%s: share %g", s.Channel, s.HoldoutShare)
		assert.Greater(t, s.ExpectedSE, 0.0)
		assert.GreaterOrEqual(t, s.Weeks, 2)
	}
	assert.Positive(t, designed)

	// The prior checks after the fit cover the geo fit: its contraction,
	// its unregularised refit and its sensitivity refits.
	require.NotNil(t, r.Priors)
	assert.False(t, math.IsNaN(r.Priors.FreeR2))
	for _, pc := range r.Priors.Channels {
		require.NotNil(t, pc.Sensitivity, pc.Name)
		assert.Positive(t, pc.SDRatio, pc.Name)
		assert.Positive(t, pc.Sensitivity.Higher, pc.Name)
	}
}
