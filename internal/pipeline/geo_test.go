package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// Meridian's geo panel (a 4-geo slice) loads geo by geo under
// configs/meridian-geo.yaml, for the geo model (the config's) and summed.
func TestLoadMeridianGeoPanel(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	cfgPath := filepath.Join("..", "..", "configs", "meridian-geo.yaml")
	cfg, err := config.Load(cfgPath, map[string]string{"data.panel": slice, "output.dir": t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, config.GeoModelGeo, cfg.GeoModel())
	in, err := Load(cfg)
	require.NoError(t, err)
	g := in.Panel.Geos
	require.NotNil(t, g)
	assert.Equal(t, []string{"Geo0", "Geo1", "Geo23", "Geo7"}, g.Names)
	assert.Equal(t, 156, in.Panel.Len())
	assert.InDelta(t, 136670.94, g.MeanPopulation(0), 1e-6)
	assert.Empty(t, g.Note)
	assert.Equal(t, []bool{false, false, false}, g.NationalControl)
	for tt := 0; tt < in.Panel.Len(); tt++ {
		var s float64
		for k := range g.Names {
			s += g.Spend[k][0][tt]
		}
		require.InDelta(t, in.Panel.Spend[0][tt], s, 1e-6)
	}

	cfg, err = config.Load(cfgPath, map[string]string{"data.panel": slice, "model.geo_model": "sum", "output.dir": t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, config.GeoModelSum, cfg.GeoModel())
	_, err = Load(cfg)
	require.NoError(t, err)
}
