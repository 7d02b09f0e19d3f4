package mta

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/tabular"
)

var geoSpec = Spec{Value: "conversions_value", Geo: "region"}

const geoExport = "date,region,channel,conversions_value,spend\n" +
	"2024-01-02,west,Paid Search,100,10\n" +
	"2024-01-03,east,Paid Search,30,4\n" +
	"2024-01-09,west,facebook,40,5\n" +
	"2024-01-10,east,Email,7,1\n" + // unmapped: in no geo's totals
	"2024-01-16,east,facebook,20,2\n" +
	"2023-12-30,north,search,3,1\n" // outside the panel: in no geo's totals

func TestAggregateGeos(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	m := mustMapping(t, "search", "social")
	agg, _, err := AggregateFile(writeFile(t, "mta.csv", geoExport), geoSpec, m, cal)
	require.NoError(t, err)
	assert.Equal(t, []string{"east", "west"}, agg.Geos, "sorted")
	e, _ := agg.GeoIndex("east")
	w, _ := agg.GeoIndex("west")
	assert.Equal(t, []float64{30, 0, 0, 0}, agg.GeoAttributed[e][0])
	assert.Equal(t, []float64{0, 0, 20, 0}, agg.GeoAttributed[e][1])
	assert.Equal(t, []float64{100, 0, 0, 0}, agg.GeoAttributed[w][0])
	assert.Equal(t, []float64{0, 5, 0, 0}, agg.GeoSpend[w][1])
	// The geos add up to the national aggregate.
	for c := range agg.Channels {
		assert.Equal(t, agg.ChannelTotal(c), agg.GeoChannelTotal(e, c)+agg.GeoChannelTotal(w, c))
	}

	f := agg.GeoFactors(func(geo string, c int) (float64, bool) {
		if geo == "west" && c == 1 {
			return 0, false
		}
		return 60, true
	})
	assert.Equal(t, []float64{2, 3}, f["east"])
	assert.Equal(t, 0.6, f["west"][0])
	assert.True(t, math.IsNaN(f["west"][1]), "no contribution")

	// Without a geo column in the spec the export is national.
	agg, _, err = AggregateFile(writeFile(t, "mta.csv", geoExport), testSpec, m, cal)
	require.NoError(t, err)
	assert.Nil(t, agg.Geos)
	assert.Nil(t, agg.GeoFactors(nil))

	_, _, err = AggregateFile(writeFile(t, "mta.csv", "date,region,channel,conversions_value\n2024-01-02,,Paid Search,1\n"), geoSpec, m, cal)
	assert.EqualError(t, err, "mta.csv: row 1, column region: missing geo")
}

// WriteCalibrated keeps the geo column and passes each row's geo to the
// factor, so a geo's own factor is used where it exists.
func TestWriteCalibratedGeos(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	m := mustMapping(t, "search", "social")
	src := writeFile(t, "mta.csv", geoExport)
	dst := filepath.Join(t.TempDir(), "calibrated_mta.parquet")
	factor := func(geo string, c, p int) (float64, bool) {
		if geo == "west" {
			return 0.5, true
		}
		return 2, true // the national factor
	}
	st, err := WriteCalibrated(context.Background(), dst, src, geoSpec, m, cal, factor)
	require.NoError(t, err)
	assert.Equal(t, 4, st.Calibrated)
	out, err := tabular.Read(dst, append(columns(geoSpec), tabular.Column{Name: "conversions_value_calibrated", Kind: tabular.Float}))
	require.NoError(t, err)
	assert.Equal(t, []string{"west", "east", "west", "east", "east", "north"}, out.Strings("region"))
	assert.Equal(t, []float64{50, 60, 20, 0, 40, 0}, out.Floats("conversions_value_calibrated"))
}
