package report

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// geoReport is the sample report with three hand-made geos of unequal size
// (listed small first, to check the big-first order) and a geo test.
func geoReport() *Report {
	r := SampleReport()
	mk := func(name string, pop, scale float64) Geo {
		g := Geo{Name: name, Population: pop, Fit: &GeoFit{R2: 0.8 + scale/100, MAPE: 0.05, NRMSE: 0.1}}
		for _, c := range r.Channels {
			roi := Interval{Mean: 1.5 * scale, Lo: scale, Hi: 2 * scale}
			g.Channels = append(g.Channels, GeoChannel{Name: c.Name, Spend: 1000 * scale, ROI: roi,
				Contribution: roi.Scale(1000 * scale), IncrementalityFactor: Unknown})
		}
		return g
	}
	r.Geos = []Geo{mk("small", 1e4, 1), mk("big", 5e6, 3), mk("middle", 4e5, 2)}
	r.Geos[0].Channels[0].IncrementalityFactor = Interval{Mean: 0.6, Lo: 0.4, Hi: 0.8}
	r.Geos[2].Population = math.NaN()
	r.GeoNote = "model.population is not set: each geo is scaled by its mean KPI instead of its population"
	r.Experiments[0].Geos = []string{"big", "small"}
	corr := 0.97
	r.TestNext[0].Geos, r.TestNext[0].GeoCorrelation = []string{"middle", "small"}, &corr
	return r
}

func TestGeoJSON(t *testing.T) {
	m := decodeAny(t, geoReport())
	geos := m["geos"].([]any)
	require.Len(t, geos, 3)
	g := geos[0].(map[string]any)
	requireKeys(t, "geos[0]", g, "name", "population", "channels", "fit")
	assert.Equal(t, "small", g["name"], "report.json keeps the pipeline's order")
	ch := g["channels"].([]any)[0].(map[string]any)
	requireKeys(t, "geos[0].channels[0]", ch, "name", "spend", "roi", "contribution", "incrementality_factor")
	requireInterval(t, "roi", ch["roi"])
	requireInterval(t, "incrementality_factor", ch["incrementality_factor"])
	assert.Nil(t, geos[1].(map[string]any)["channels"].([]any)[0].(map[string]any)["incrementality_factor"], "unknown is null")
	assert.Nil(t, geos[2].(map[string]any)["population"])
	assert.Contains(t, m["geo_note"], "mean KPI")
	assert.Equal(t, []any{"big", "small"}, m["experiments"].([]any)[0].(map[string]any)["geos"])

	// A national report has no geo fields at all.
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, SampleReport()))
	for _, k := range []string{`"geos"`, `"geo_note"`} {
		assert.NotContains(t, buf.String(), k)
	}
}

func TestGeoMarkdown(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteMarkdown(&buf, geoReport()))
	md := buf.String()
	assert.Contains(t, md, "## Geos\n\nThe model was fitted geo by geo on 3 geos")
	assert.Contains(t, md, "mean KPI instead of its population.")
	assert.Contains(t, md, "<details><summary>ROI by geo and channel (18 rows)</summary>")
	assert.Contains(t, md, "<details><summary>Fit by geo (3 geos)</summary>")
	assert.Contains(t, md, "Hold out in geos middle, small (pre-period correlation with the other geos 0.970).")
	// Biggest first, unknown population last.
	big, small, middle := strings.Index(md, "| big |"), strings.Index(md, "| small |"), strings.Index(md, "| middle |")
	assert.True(t, big > 0 && big < small && small < middle, "%d %d %d", big, small, middle)
	assert.Contains(t, md, "| small | 10.0k | search | 1.00k | 1.50 (1.00–2.00) | 1.50k (1.00k–2.00k) | 0.600 (0.400–0.800) |")

	buf.Reset()
	require.NoError(t, WriteMarkdown(&buf, SampleReport()))
	assert.NotContains(t, buf.String(), "## Geos")
}

func TestGeoHTML(t *testing.T) {
	r := geoReport()
	page := htmlOf(t, r)
	assert.Contains(t, page, `<h2 id="geos">Geos</h2>`)
	assert.Contains(t, page, `<a href="#geos">Geos</a>`)
	for _, c := range r.Channels {
		assert.Contains(t, page, "ROI of "+c.Name+" by geo")
	}
	assert.Contains(t, page, "Fit by geo")
	assert.Contains(t, page, "Geo tests against the model&#39;s prediction for their geos")
	// In each per-geo chart the big geo comes first.
	chart := page[strings.Index(page, "ROI of tv by geo"):]
	assert.Less(t, strings.Index(chart, ">big<"), strings.Index(chart, ">small<"))
	for i, s := range svgRE.FindAllString(page, -1) {
		require.NoError(t, wellFormed(s), "svg %d", i)
	}
	national := htmlOf(t, SampleReport())
	assert.NotContains(t, national, `id="geos"`)
	assert.NotContains(t, national, "Geo tests against")
}
