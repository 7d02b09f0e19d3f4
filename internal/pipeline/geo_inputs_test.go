package pipeline

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// Terms the geo model cannot fit are refused with a config error, not
// dropped; summed, they load.
// Impressions load with a warning that the geo model runs on spend.
func TestGeoModelRefusesNationalOnlyTerms(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	load := func(geoModel string, edit func(*config.Model)) (*Inputs, error) {
		cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
			map[string]string{"data.panel": slice, "output.dir": t.TempDir(), "model.geo_model": geoModel})
		require.NoError(t, err)
		if edit != nil {
			edit(&cfg.Model)
		}
		return Load(cfg)
	}

	in, err := load("geo", nil)
	require.NoError(t, err)
	assert.Contains(t, in.Warnings, "geo model: the media units of Channel0, Channel1, Channel2, Channel3, Channel4 are not used; its adstock and saturation run on spend (model.geo_model: sum uses the units)")

	terms := map[string]func(*config.Model){
		"factors": func(m *config.Model) {
			m.Factors = []string{"Promo"}
			m.Controls = []string{"competitor_sales_control", "sentiment_score_control"}
		},
	}
	for term, edit := range terms {
		_, err := load("geo", edit)
		require.Error(t, err, term)
		assert.True(t, IsInputError(err), term)
		assert.Contains(t, err.Error(), "model."+term+": not fitted by the geo model yet; set model.geo_model: sum", term)

		in, err := load("sum", edit)
		require.NoError(t, err, term)
		for _, w := range in.Warnings {
			assert.NotContains(t, w, "geo model:", term)
		}
	}
}

// configs/meridian-geo-summed.yaml maps every column of Meridian's geo
// panel (units, organic, the Promo treatment, revenue per conversion) and
// loads them all on the geos summed.
func TestLoadMeridianGeoSummed(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo-summed.yaml"),
		map[string]string{"data.panel": slice, "output.dir": t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, config.GeoModelSum, cfg.GeoModel())
	in, err := Load(cfg)
	require.NoError(t, err)
	assert.Equal(t, []string{"Channel0", "Channel1", "Channel2", "Channel3", "Channel4", "Organic_channel0"}, in.Panel.Channels)
	for c := range in.Panel.Channels {
		assert.NotNil(t, in.Panel.Impressions[c], in.Panel.Channels[c])
	}
	assert.True(t, cfg.Model.RevenuePerKPI.IsSet())
	require.Len(t, cfg.Model.Treatments, 1)
}

// Organic media on a geo panel load per geo: each geo's units, after the
// paid channels, with zero spend; the national panel holds their sum.
func TestGeoOrganicLoadsPerGeo(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
		map[string]string{"data.panel": slice, "output.dir": t.TempDir()})
	require.NoError(t, err)
	require.Len(t, cfg.Model.Organic, 1)
	in, err := Load(cfg)
	require.NoError(t, err)
	p, gp := in.Panel, in.Panel.Geos
	oc := len(cfg.Model.Channels)
	require.Len(t, p.Channels, oc+1)
	// Geo0's first week in the file: 97320 organic impressions.
	g0, ok := gp.Index("Geo0")
	require.True(t, ok)
	assert.Equal(t, 97320.0, gp.Impressions[g0][oc][0])
	for tt := range p.Dates {
		sum := 0.0
		for g := range gp.Names {
			assert.Zero(t, gp.Spend[g][oc][tt])
			sum += gp.Impressions[g][oc][tt]
		}
		assert.InDelta(t, p.Impressions[oc][tt], sum, 1e-9*sum)
	}
	d := geoData(p, in.paidChannels())
	require.Len(t, d.Units, oc+1)
	assert.Nil(t, d.Units[0])
	assert.Equal(t, gp.Impressions[g0][oc], d.Units[oc][g0])
}

// Treatments on a geo panel load per geo and join the geo model's
// controls at the index the national model gives them.
func TestGeoTreatmentsLoadPerGeo(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
		map[string]string{"data.panel": slice, "output.dir": t.TempDir()})
	require.NoError(t, err)
	cfg.Model.Controls = []string{"competitor_sales_control", "sentiment_score_control"}
	cfg.Model.Treatments = []config.Treatment{{Name: "promo", Column: "Promo", Baseline: "min"}}
	in, err := Load(cfg)
	require.NoError(t, err)
	gp := in.Panel.Geos
	require.Len(t, in.Extras.geoTreatments, 1)
	nat := in.modelData()
	d := geoData(in.Panel, in.paidChannels())
	in.geoTreatmentData(&d)
	assert.Equal(t, nat.ControlNames, d.ControlNames)
	k := len(d.ControlNames) - 1
	for g := range gp.Names {
		assert.Equal(t, in.Extras.geoTreatments[0][g], d.Controls[k][g])
	}
	// The national series averages the geos.
	for tt := range in.Panel.Dates {
		mean := 0.0
		for g := range gp.Names {
			mean += d.Controls[k][g][tt] / float64(gp.Len())
		}
		assert.InDelta(t, nat.Controls[k][tt], mean, 1e-12)
	}
	// The baseline range of a geo fit spans every geo-period: wider than
	// the averaged series'.
	var all []float64
	for g := range gp.Names {
		all = append(all, d.Controls[k][g]...)
	}
	lo, hi := in.treatmentRange(0, true)
	assert.Equal(t, slices.Min(all), lo)
	assert.Equal(t, slices.Max(all), hi)
	nlo, nhi := in.treatmentRange(0, false)
	assert.Greater(t, hi, nhi)
	assert.GreaterOrEqual(t, nlo, lo)
}
