package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// Terms the geo model cannot fit are refused with a config error, not
// dropped (nor a panic, as organic media once caused); summed, they load.
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
		"organic": func(m *config.Model) {
			m.Organic = []config.Organic{{Name: "organic", Column: "Organic_channel0_impression", MaxLag: 4}}
		},
		"treatments": func(m *config.Model) {
			m.Treatments = []config.Treatment{{Name: "promo", Column: "Promo", Baseline: "min"}}
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
