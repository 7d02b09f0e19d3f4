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

func sampleDiff() *Diff {
	iv := func(m float64) Interval { return Interval{Mean: m, Lo: m - 0.2, Hi: m + 0.2} }
	return &Diff{KPI: "revenue", Interval: 0.9, Fit: "calibrated", PeriodsAdded: 13,
		SpendAdded: SpendAdded{Total: 1e6, Channels: []ChannelSpend{{Name: "<tv>", Before: 1, After: 2, Added: 1}}},
		Channels: []ChannelChange{{Name: "<tv>", Before: ChannelEstimates{ROI: iv(1)}, After: ChannelEstimates{ROI: iv(2)},
			ROIChange: iv(1), RelativeChange: 1, ProbabilityChanged: 0.97, Direction: "up",
			Causes: []Cause{{Cause: CauseNewData, ROIChange: Unknown, Message: "13 periods added"}}}},
		TestsAdded: []TestAdded{{TestID: "T9", Channel: "<tv>", MeasuredIROAS: iv(2), ROIBefore: iv(1), ROIAfter: iv(2), Used: true}},
		Notes:      []string{"a <note>"},
	}
}

// The three renderings carry the same numbers; user strings are escaped
// in HTML; unknown numbers are null in JSON.
func TestWriteDiff(t *testing.T) {
	d := sampleDiff()
	var j, md, html bytes.Buffer
	require.NoError(t, WriteDiffJSON(&j, d))
	require.NoError(t, WriteDiffMarkdown(&md, d))
	require.NoError(t, WriteDiffHTML(&html, d))
	var back map[string]any
	require.NoError(t, json.Unmarshal(j.Bytes(), &back))
	cause := back["channels"].([]any)[0].(map[string]any)["causes"].([]any)[0].(map[string]any)
	assert.Nil(t, cause["roi_change"])
	assert.Equal(t, []any{}, back["flags_appeared"])
	for _, s := range []string{md.String(), html.String()} {
		assert.Contains(t, s, "1.00 (0.800–1.20) → 2.00 (1.80–2.20)")
		assert.Contains(t, s, "0.970 up")
		assert.Contains(t, s, "T9")
	}
	assert.NotContains(t, html.String(), "<tv>")
	assert.Contains(t, html.String(), "&lt;tv&gt;")
	assert.True(t, strings.HasPrefix(html.String(), "<!DOCTYPE html>"))
	assert.Contains(t, md.String(), "ROI moved with probability ≥ 0.9: \\<tv> up")
	d.Channels[0].ProbabilityChanged = math.NaN()
	md.Reset()
	require.NoError(t, WriteDiffMarkdown(&md, d))
	assert.Contains(t, md.String(), "No channel's ROI moved")
}
