package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
)

// model.window on a geo panel cuts every geo to the window and keeps each
// geo's drive before it as the geo model's carry: spend for paid
// channels, units for the organic one.
func TestGeoWindowCarry(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	load := func(window bool) *Inputs {
		cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
			map[string]string{"data.panel": slice, "output.dir": t.TempDir()})
		require.NoError(t, err)
		if window {
			cfg.Model.Window = config.Window{Start: civil.New(2021, 7, 5), End: civil.New(2023, 6, 26)}
		}
		in, err := Load(cfg)
		require.NoError(t, err)
		return in
	}
	full, in := load(false), load(true)
	const s0, n = 23, 104
	gp, fp := in.Panel.Geos, full.Panel.Geos
	oc := in.paidChannels()
	require.Len(t, in.GeoCarry, oc+1)
	for g := range gp.Names {
		assert.Len(t, gp.KPI[g], n)
		assert.Equal(t, fp.KPI[g][s0:s0+n], gp.KPI[g])
		assert.Equal(t, fp.Rows[g][s0:s0+n], gp.Rows[g])
		assert.Equal(t, fp.Spend[g][2][s0:s0+n], gp.Spend[g][2])
		assert.Equal(t, fp.Impressions[g][oc][s0:s0+n], gp.Impressions[g][oc])
		assert.Equal(t, fp.Controls[g][1][s0:s0+n], gp.Controls[g][1])
		assert.Equal(t, fp.Spend[g][2][:s0], in.GeoCarry[2][g])
		assert.Equal(t, fp.Impressions[g][oc][:s0], in.GeoCarry[oc][g])
	}
	d := geoData(in.Panel, oc)
	assert.Len(t, d.Dates, n)
	assert.Equal(t, civil.New(2021, 7, 5), d.Dates[0])
}
