package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
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

// decomposition.csv gains a geo column for a geo fit: national rows (geo
// empty) first, then each geo's; a national fit's file has none.
func TestWriteDecompositionGeos(t *testing.T) {
	part := func(scale float64) mmm.Decomposition {
		return mmm.Decomposition{Dates: []civil.Date{10, 17}, Actual: []float64{scale, 2 * scale},
			Baseline: []float64{1, 1}, Controls: []float64{0, 0}, Channels: []string{"tv"},
			Media: [][]float64{{scale / 2, scale}}, Fitted: []mmm.Interval{{Mean: scale, Lo: 0, Hi: 2 * scale}, {Mean: scale, Lo: 0, Hi: 2 * scale}},
			HoldoutStart: 1}
	}
	path := filepath.Join(t.TempDir(), "decomposition.csv")
	require.NoError(t, writeDecomposition(path, part(10), []mmm.Decomposition{part(4), part(6)}, []string{"a", "b"}))
	tb, err := tabular.Read(path, []tabular.Column{{Name: "geo", Kind: tabular.String}, {Name: "actual", Kind: tabular.Float},
		{Name: "media_tv", Kind: tabular.Float}, {Name: "holdout", Kind: tabular.Bool}})
	require.NoError(t, err)
	require.Equal(t, 6, tb.Len())
	assert.False(t, tb.Valid("geo", 0))
	assert.Equal(t, []string{"a", "a", "b", "b"}, tb.Strings("geo")[2:])
	assert.Equal(t, []float64{10, 20, 4, 8, 6, 12}, tb.Floats("actual"))
	assert.Equal(t, []float64{5, 10, 2, 4, 3, 6}, tb.Floats("media_tv"))
	assert.Equal(t, []bool{false, true, false, true, false, true}, tb.Bools("holdout"))

	require.NoError(t, writeDecomposition(path, part(10), nil, nil))
	tb, err = tabular.Read(path, []tabular.Column{{Name: "actual", Kind: tabular.Float}})
	require.NoError(t, err)
	assert.False(t, tb.Has("geo"))
	assert.Equal(t, 2, tb.Len())
}

// A population column that varies by period reaches the geo model period
// by period; a constant one as the geo's size only.
func TestGeoDataPopulationByPeriod(t *testing.T) {
	p := &panel.Panel{Calendar: civil.Calendar{Dates: []civil.Date{10, 17, 24}, StepDays: 7}, Channels: []string{"tv"}}
	p.Geos = &panel.GeoPanel{Names: []string{"a", "b"},
		Population: [][]float64{{100, 100, 100}, {50, 60, 70}},
		KPI:        [][]float64{{1, 2, 3}, {4, 5, 6}},
		Spend:      [][][]float64{{{1, 1, 1}}, {{2, 2, 2}}}}
	d := geoData(p, 1)
	assert.Equal(t, []float64{100, 60}, d.Population)
	assert.Equal(t, [][]float64{{100, 100, 100}, {50, 60, 70}}, d.PopulationByPeriod)
	p.Geos.Population[1] = []float64{60, 60, 60}
	d = geoData(p, 1)
	assert.Equal(t, []float64{100, 60}, d.Population)
	assert.Nil(t, d.PopulationByPeriod)
}
