package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func htmlOf(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, r))
	return buf.String()
}

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// wellFormed parses s as XML to the end.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestHTMLChartsAreWellFormedSVG(t *testing.T) {
	page := htmlOf(t, SampleReport())
	svgs := svgRE.FindAllString(page, -1)
	require.Len(t, svgs, 7, "fit, decomposition, ROI by method, IF, response curves, adstock, budget")
	for i, s := range svgs {
		require.NoError(t, wellFormed(s), "svg %d", i)
		assert.Contains(t, s, `xmlns="http://www.w3.org/2000/svg"`)
	}
	for _, want := range []string{"ROI by method and channel", "Incrementality factor by channel", "Response curves by channel",
		"Carryover (adstock) weights by lag", "Current and recommended spend by channel", "Actual revenue against the model",
		"Decomposition of revenue over time"} {
		assert.Contains(t, page, want)
	}
}

// The page must work offline: no URL but the SVG namespace, no scripts,
// no external stylesheets, fonts or images.
func TestHTMLIsSelfContained(t *testing.T) {
	page := htmlOf(t, SampleReport())
	rest := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
	assert.NotContains(t, rest, "http://")
	assert.NotContains(t, rest, "https://")
	assert.NotContains(t, rest, "<script")
	assert.NotContains(t, rest, "<link")
	assert.NotContains(t, rest, "@import")
	assert.NotContains(t, rest, "url(")
	assert.NotContains(t, rest, "<img")
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.Equal(t, 1, strings.Count(page, "</html>"))
}

// The first screen carries the answer: title, then the summary, then the
// key numbers, before any table.
func TestHTMLFirstScreenOrder(t *testing.T) {
	r := SampleReport()
	page := htmlOf(t, r)
	title := strings.Index(page, "<h1>Sample brand: weekly revenue</h1>")
	summary := strings.Index(page, `<p class="summary"`)
	cards := strings.Index(page, `class="cards"`)
	table := strings.Index(page, "<table")
	require.True(t, title > 0 && summary > title && cards > summary && table > cards, "%d %d %d %d", title, summary, cards, table)
	assert.Contains(t, page[cards:table], "1.58×", "the over-claim ratio is a key number")
	assert.Contains(t, page[cards:table], "&#43;2.46M", "the budget gain is a key number (html/template escapes +)")
}

func hostileReport() *Report {
	r := SampleReport()
	evil := `<script>alert(1)</script> & "quotes" 'single'`
	r.Title = evil
	r.KPI = `<b>rev</b>`
	r.Summary = `</p><script>alert("s")</script>`
	r.Generator = `triad "<x>"`
	r.Channels[0].Name = evil
	r.Channels[0].Flags = append(r.Channels[0].Flags, Flag{Code: `<i>code</i>`, Message: `<img src=x onerror=alert(1)>`})
	r.Charts.Media[0].Name = evil
	r.Charts.ResponseCurves[0].Channel = evil
	r.Charts.Adstock[0].Channel = evil
	r.Budget.Channels[0].Name = evil
	r.Budget.Objective = `<u>mean</u>`
	r.Experiments[0].Channel = evil
	r.Experiments[0].TestID = `t&<1>`
	r.TestNext[0].Channel = evil
	r.TestNext[0].Reason = `<b>why</b>`
	r.Unmapped[0].Name = `<iframe>`
	r.Warnings = append(r.Warnings, `<script>w()</script>`)
	r.Fit.Warnings = []string{`<style>*{}</style>`}
	return r
}

func TestHTMLEscapesUserStrings(t *testing.T) {
	page := htmlOf(t, hostileReport())
	for _, raw := range []string{"<script", "<img", "<iframe", "<b>", "<u>", "<i>code", "<style>*", `"quotes"`, "t&<1>", `"<x>"`} {
		assert.NotContains(t, page, raw)
	}
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
	for i, s := range svgRE.FindAllString(page, -1) {
		require.NoError(t, wellFormed(s), "svg %d must stay well-formed with hostile names", i)
	}

	// Markdown viewers render raw HTML too: every '<' that could open a
	// tag is backslash-escaped (the template's own <details> aside).
	md := strings.ReplaceAll(markdownOf(t, hostileReport()), "<details><summary>", "")
	md = strings.ReplaceAll(md, "</summary>", "")
	md = strings.ReplaceAll(md, "</details>", "")
	assert.NotRegexp(t, `(^|[^\\])<[A-Za-z/!?]`, md)
	assert.Contains(t, md, `\<img src=x onerror=alert(1)>`)
}

// A report with nothing in it, or with broken series, still renders.
func TestRenderersSurviveSparseAndBrokenReports(t *testing.T) {
	nan := math.NaN()
	broken := SampleReport()
	broken.Charts.Actual = broken.Charts.Actual[:10]
	broken.Charts.Fitted = broken.Charts.Fitted[:50]
	broken.Charts.Fitted[3] = Unknown
	broken.Charts.Baseline[7] = nan
	broken.Charts.Media[1].Values = nil
	broken.Charts.HoldoutStart = 10_000
	broken.Charts.ResponseCurves[0].Points = broken.Charts.ResponseCurves[0].Points[:1]
	broken.Charts.ResponseCurves[1].RecommendedSpend = nil
	broken.Charts.ResponseCurves[2].Points[3].Mean = math.Inf(1)
	broken.Charts.Adstock[0].Weights = nil
	broken.Channels[0].MMM.ROI = Unknown
	broken.Channels[1].Calibrated = nil
	broken.Channels[2].MTA.IncrementalityFactor = Interval{Mean: 1, Lo: nan, Hi: math.Inf(1)}
	broken.Budget.Channels[0].Current = 0
	broken.Experiments[0].IncrementalityFactor = &Interval{Mean: 1e300, Lo: -1e300, Hi: 1e300}
	broken.FitCalibrated = nil
	broken.Fit.Method = "laplace"
	broken.Fit.RHatMax = nan

	for name, r := range map[string]*Report{"empty": {}, "broken": broken, "count": countSample()} {
		var js, md, page bytes.Buffer
		require.NoError(t, WriteJSON(&js, r), name)
		require.True(t, json_Valid(js.Bytes()), name)
		require.NoError(t, WriteMarkdown(&md, r), name)
		require.NoError(t, WriteHTML(&page, r), name)
		for i, s := range svgRE.FindAllString(page.String(), -1) {
			require.NoError(t, wellFormed(s), "%s svg %d", name, i)
			assert.NotContains(t, s, "NaN", "%s svg %d", name, i)
			assert.NotContains(t, s, "Inf", "%s svg %d", name, i)
		}
	}
}

func countSample() *Report {
	r := SampleReport()
	r.KPIType, r.KPI = KPICount, "orders"
	r.Channels[3].Calibrated.Contribution.Lo = -5 // an interval reaching zero: unbounded CPIK
	return r
}

func TestHTMLDeterministic(t *testing.T) {
	assert.Equal(t, htmlOf(t, SampleReport()), htmlOf(t, SampleReport()))
}
