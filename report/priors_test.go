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

func samplePriors(r *Report) *Priors {
	p := &Priors{Family: "share", Requested: "auto", MediaShare: Interval{Mean: 0.22, Lo: 0.1, Hi: 0.45},
		FreeR2: 0.93, SensitivityFit: "calibrated",
		Flags: []Flag{{Code: FlagPriorConflict, Message: "prior_conflict: a test message"}}}
	for i, ch := range r.Channels {
		pc := PriorChannel{Name: ch.Name, Source: "share", ROI: Interval{Mean: 2.2, Lo: 0.34, Hi: 6.6}, Mu: 0.4, Sigma: 0.9,
			SDRatio: 0.5, Sensitivity: &PriorSensitivity{Default: 1.5, Wider: 1.6, Lower: 1.1, Higher: 2.4, Move: 0.9, PriorDriven: i == 0}}
		if i == 1 {
			pc.Calibrated = &LogNormalPrior{ROI: Interval{Mean: 1.4, Lo: 1, Hi: 1.9}, Mu: 0.3, Sigma: 0.2}
		}
		p.Channels = append(p.Channels, pc)
	}
	return p
}

// The Priors section names the family, the implied media share, the
// flat-prior fit and, per channel, the sensitivity and prior-driven mark,
// in Markdown, HTML and JSON alike.
func TestPriorsSection(t *testing.T) {
	r := SampleReport()
	require.GreaterOrEqual(t, len(r.Channels), 2)
	r.Priors = samplePriors(r)
	var md bytes.Buffer
	require.NoError(t, WriteMarkdown(&md, r))
	s := md.String()
	sec := s[strings.Index(s, "## Priors"):]
	assert.Contains(t, sec, "the share family (model.media_prior: auto)")
	assert.Contains(t, sec, "22% (10%–45%)")
	assert.Contains(t, sec, "R² 0.930")
	assert.Contains(t, sec, "1.50 / 1.60 / 1.10 / 2.40")
	assert.Contains(t, sec, "prior with tests (roi_prior)")
	assert.Contains(t, sec, "prior_conflict: a test message")
	assert.Contains(t, htmlOf(t, r), `<h2 id="priors">Priors</h2>`)

	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, r))
	var back struct {
		Priors struct {
			Family   string  `json:"family"`
			FreeR2   float64 `json:"free_r2"`
			Channels []struct {
				Sensitivity struct {
					PriorDriven bool `json:"prior_driven"`
				} `json:"sensitivity"`
			} `json:"channels"`
		} `json:"priors"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, "share", back.Priors.Family)
	assert.True(t, back.Priors.Channels[0].Sensitivity.PriorDriven)

	// An unknown flat-prior fit is null, not NaN.
	r.Priors.FreeR2 = math.NaN()
	js.Reset()
	require.NoError(t, WriteJSON(&js, r))
	assert.Contains(t, js.String(), `"free_r2": null`)
}

// A prior-driven channel locked by the plan says why in the budget table.
func TestBudgetTableNamesPriorDriven(t *testing.T) {
	r := SampleReport()
	require.NotNil(t, r.Budget)
	r.Budget.Channels[0].Locked, r.Budget.Channels[0].PriorDriven = true, true
	assert.Equal(t, "locked (prior-driven)", budgetTable(r).Rows[0][4])
}
