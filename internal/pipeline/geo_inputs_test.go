package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
)

// Impressions load with a warning that the geo model runs on spend;
// summed, without it.
func TestGeoModelWarnsUnits(t *testing.T) {
	slice, err := filepath.Abs(filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv"))
	require.NoError(t, err)
	for _, geoModel := range []string{"geo", "sum"} {
		cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
			map[string]string{"data.panel": slice, "output.dir": t.TempDir(), "model.geo_model": geoModel})
		require.NoError(t, err)
		in, err := Load(cfg)
		require.NoError(t, err)
		w := "geo model: the media units of Channel0, Channel1, Channel2, Channel3, Channel4 are not used; its adstock and saturation run on spend (model.geo_model: sum uses the units)"
		if geoModel == "geo" {
			assert.Contains(t, in.Warnings, w)
		} else {
			assert.NotContains(t, in.Warnings, w)
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
	in.geoControlData(&d)
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

// A factor on a geo panel is coded over every geo-period: a level seen
// only in a geo other than the first is a level of the geo model (the
// national coding reads the first geo's cells), with its indicator per geo.
func TestGeoFactorsPerGeo(t *testing.T) {
	slice := filepath.Join("..", "..", "testdata", "peers", "meridian_geo", "geo_slice.csv")
	b, err := os.ReadFile(slice)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	var out []string
	for i, l := range lines {
		ev := "event"
		if i > 0 {
			cells := strings.Split(l, ",")
			geo, date := cells[1], cells[2]
			switch {
			case geo == "Geo7" && date >= "2022-01-01" && date < "2022-02-01":
				ev = "launch"
			case (geo == "Geo0" || geo == "Geo1") && strings.Contains(date, "-11-"):
				ev = "sale"
			default:
				ev = ""
			}
		}
		out = append(out, l+","+ev)
	}
	panel := filepath.Join(t.TempDir(), "geo_events.csv")
	require.NoError(t, os.WriteFile(panel, []byte(strings.Join(out, "\n")+"\n"), 0o644))
	cfg, err := config.Load(filepath.Join("..", "..", "configs", "meridian-geo.yaml"),
		map[string]string{"data.panel": panel, "output.dir": t.TempDir()})
	require.NoError(t, err)
	cfg.Model.Factors = []string{"event"}
	in, err := Load(cfg)
	require.NoError(t, err)
	require.Len(t, in.Extras.geoFactors, 1)
	f := in.Extras.geoFactors[0]
	assert.Equal(t, []string{"launch", "sale"}, f.levels)
	assert.Equal(t, "", f.reference)
	assert.Equal(t, []string{"sale"}, in.Extras.factors[0].levels, "the national coding reads Geo0")
	d := geoData(in.Panel, in.paidChannels())
	in.geoControlData(&d)
	k := slices.Index(d.ControlNames, "event[launch]")
	require.GreaterOrEqual(t, k, 0)
	g7, _ := in.Panel.Geos.Index("Geo7")
	g0, _ := in.Panel.Geos.Index("Geo0")
	launch := 0.0
	for g, s := range d.Controls[k] {
		for tt, v := range s {
			launch += v
			if v == 1 {
				assert.Equal(t, g7, g)
				assert.Equal(t, 2022, in.Panel.Dates[tt].Time().Year())
			}
		}
	}
	assert.Equal(t, 5.0, launch, "the five weeks of January 2022 in Geo7")
	assert.Contains(t, d.ControlNames, "event[sale]")
	assert.Equal(t, 1.0, d.Controls[slices.Index(d.ControlNames, "event[sale]")][g0][43], "2021-11-22 in Geo0")
}
