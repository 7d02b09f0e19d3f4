package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decodeAny(t *testing.T, r *Report) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, r))
	require.True(t, json.Valid(buf.Bytes()), "report.json must be valid JSON")
	var m map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
	return m
}

func requireKeys(t *testing.T, where string, v any, keys ...string) {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "%s is %T, want an object", where, v)
	for _, k := range keys {
		_, ok := m[k]
		assert.True(t, ok, "%s lacks %q", where, k)
	}
}

func requireInterval(t *testing.T, where string, v any) {
	t.Helper()
	requireKeys(t, where, v, "mean", "lo", "hi")
}

// The fields design.md §6 promises must exist with exactly these names.
func TestJSONHasContractFields(t *testing.T) {
	m := decodeAny(t, SampleReport())
	assert.Equal(t, "1", m["schema_version"])
	requireKeys(t, "report", m, "schema_version", "kpi", "interval", "period", "fit", "channels", "experiments", "budget")
	requireKeys(t, "period", m["period"], "start", "end", "grain")
	requireKeys(t, "fit", m["fit"], "r2", "mape", "nrmse", "rhat_max", "ess_bulk_min", "divergences", "chains", "draws", "seconds")
	chans := m["channels"].([]any)
	require.Len(t, chans, 6)
	sawMTA, sawNull := false, false
	for _, c := range chans {
		requireKeys(t, "channel", c, "name", "spend", "mmm", "calibrated", "mta", "flags")
		cm := c.(map[string]any)
		for _, model := range []string{"mmm", "calibrated"} {
			requireKeys(t, model, cm[model], "roi", "mroi", "contribution")
			for _, k := range []string{"roi", "mroi", "contribution"} {
				requireInterval(t, model+"."+k, cm[model].(map[string]any)[k])
			}
		}
		if cm["mta"] == nil {
			sawNull = true
			continue
		}
		sawMTA = true
		requireKeys(t, "mta", cm["mta"], "attributed", "roas", "incrementality_factor")
		requireInterval(t, "mta.incrementality_factor", cm["mta"].(map[string]any)["incrementality_factor"])
		_, isNum := cm["mta"].(map[string]any)["roas"].(float64)
		assert.True(t, isNum, "roas is a plain number")
	}
	assert.True(t, sawMTA && sawNull, "online channels carry mta, offline ones null")
	for _, e := range m["experiments"].([]any) {
		requireKeys(t, "experiment", e, "test_id", "channel", "start", "end", "spend", "measured_iroas", "mmm_iroas", "calibrated_iroas", "z", "used")
		requireInterval(t, "measured_iroas", e.(map[string]any)["measured_iroas"])
	}
	requireKeys(t, "budget", m["budget"], "total", "channels", "expected_gain")
	requireInterval(t, "expected_gain", m["budget"].(map[string]any)["expected_gain"])
	for _, c := range m["budget"].(map[string]any)["channels"].([]any) {
		requireKeys(t, "budget channel", c, "name", "current", "recommended", "min", "max")
	}
	requireKeys(t, "series", m["series"], "dates", "actual", "fitted", "baseline", "media", "response_curves", "adstock")
	assert.Equal(t, "2022-01-03", m["period"].(map[string]any)["start"])
}

// Unknown numbers are null, never NaN or Inf, wherever they occur.
func TestJSONNullForNonFinite(t *testing.T) {
	r := SampleReport()
	nan, inf := math.NaN(), math.Inf(1)
	r.Interval = nan
	r.Fit.RHatMax, r.Fit.ESSBulkMin = nan, inf
	r.Header.OverClaim = Unknown
	r.Channels[0].MMM.ROI = Interval{Mean: 1, Lo: nan, Hi: inf}
	r.Channels[0].Spend = math.Inf(-1)
	r.Channels[1].MTA.IncrementalityFactor = Unknown
	r.Channels[2].MTA = nil
	r.Experiments[0].Z = nil
	r.Experiments[0].CalibratedIROAS = nil
	r.Budget.ExpectedGain = Interval{Mean: nan, Lo: 1, Hi: 2}
	r.Charts.Actual[3] = nan
	r.Charts.Fitted[4] = Unknown
	r.Charts.Media[0].Values[5] = inf
	r.Charts.ResponseCurves[0].Points[1].Lo = nan
	r.Fit.Warnings = nil
	r.SchemaVersion = ""

	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, r))
	s := buf.String()
	for _, bad := range []string{"NaN", "Inf", "inf"} {
		assert.NotContains(t, s, bad)
	}
	m := decodeAny(t, r)
	assert.Equal(t, "1", m["schema_version"], "an empty schema version is filled in")
	assert.Nil(t, m["interval"])
	fit := m["fit"].(map[string]any)
	assert.Nil(t, fit["rhat_max"])
	assert.Nil(t, fit["ess_bulk_min"])
	assert.Equal(t, []any{}, fit["warnings"], "nil slices are written as []")
	assert.Nil(t, m["header"].(map[string]any)["over_claim"])
	c0 := m["channels"].([]any)[0].(map[string]any)
	assert.Nil(t, c0["spend"])
	assert.Equal(t, map[string]any{"mean": 1.0, "lo": nil, "hi": nil}, c0["mmm"].(map[string]any)["roi"])
	assert.Nil(t, m["channels"].([]any)[1].(map[string]any)["mta"].(map[string]any)["incrementality_factor"])
	assert.Nil(t, m["channels"].([]any)[2].(map[string]any)["mta"])
	e0 := m["experiments"].([]any)[0].(map[string]any)
	assert.Nil(t, e0["z"])
	assert.Nil(t, e0["calibrated_iroas"])
	series := m["series"].(map[string]any)
	assert.Nil(t, series["actual"].([]any)[3])
	assert.Nil(t, series["fitted"].([]any)[4])
	assert.Equal(t, map[string]any{"mean": nil, "lo": 1.0, "hi": 2.0}, m["budget"].(map[string]any)["expected_gain"])
}

// Decoding report.json and encoding it again gives the same bytes: the
// JSON carries the whole report, and the layout is deterministic.
func TestJSONRoundTrip(t *testing.T) {
	var a bytes.Buffer
	require.NoError(t, WriteJSON(&a, SampleReport()))
	var back Report
	require.NoError(t, json.Unmarshal(a.Bytes(), &back))
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, &back))
	assert.Equal(t, a.String(), b.String())

	var c bytes.Buffer
	require.NoError(t, WriteJSON(&c, SampleReport()))
	assert.Equal(t, a.String(), c.String(), "same report, same bytes")
	assert.True(t, strings.HasSuffix(a.String(), "}\n"))
}

func TestWritersRejectNil(t *testing.T) {
	var buf bytes.Buffer
	assert.Error(t, WriteJSON(&buf, nil))
	assert.Error(t, WriteMarkdown(&buf, nil))
	assert.Error(t, WriteHTML(&buf, nil))
	assert.Error(t, WriteAll(t.TempDir(), nil))
}

func json_Valid(b []byte) bool { return json.Valid(b) }
