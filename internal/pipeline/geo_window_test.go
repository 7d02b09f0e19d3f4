package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
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

// In roi_prior mode a test of an organic channel on its treated geos is
// bad input naming the file and the test: roi_prior reads an organic
// test nationally.
func TestGeoOrganicTestROIPrior(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	tests := filepath.Join(t.TempDir(), "lift.csv")
	require.NoError(t, os.WriteFile(tests, []byte("test_id,channel,start_date,end_date,spend,incremental_kpi,se,geos\n"+
		"news1,Organic_channel0,2022-03-07,2022-04-03,0,2000000,500000,Geo0;Geo1\n"), 0o644))
	cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
		map[string]string{"data.panel": slice, "data.lift_tests": tests, "output.dir": t.TempDir(), "calibration.mode": "roi_prior"})
	require.NoError(t, err)
	in, err := Load(cfg)
	require.NoError(t, err)
	require.Len(t, in.Tests, 1)
	f := &fitted{mode: config.ROIPrior, data: in.modelData()}
	base, err := modelSpec(cfg, f.data)
	require.NoError(t, err)
	nat, err := mmm.NewModel(f.data, base)
	require.NoError(t, err)
	f.spec = nat.Spec()
	_, err = f.calibratedGeoSpec(in, mmm.GeoSpec{Spec: base, Shocks: true})
	require.Error(t, err)
	assert.True(t, IsInputError(err))
	assert.Contains(t, err.Error(), "lift.csv: lift test news1: a test of organic channel Organic_channel0 on its treated geos")
	assert.Contains(t, err.Error(), "calibration.mode: counterfactual")
}
