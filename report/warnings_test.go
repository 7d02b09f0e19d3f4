package report

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The warnings list of the page and of the Markdown holds the fits'
// warnings (divergences) as well as the run's.
func TestWarningsListIncludesFitWarnings(t *testing.T) {
	r := SampleReport()
	r.Warnings = []string{"an input warning"}
	r.Fit.Warnings = []string{"3 divergent transitions after warm-up"}
	page := htmlOf(t, r)
	list := regexp.MustCompile(`(?s)<h2 id="warnings">.*?</ul>`).FindString(page)
	require.NotEmpty(t, list)
	assert.Contains(t, list, "an input warning")
	assert.Contains(t, list, "MMM alone: 3 divergent transitions after warm-up")
	assert.Contains(t, page, `href="#warnings"`)

	var md bytes.Buffer
	require.NoError(t, WriteMarkdown(&md, r))
	assert.Contains(t, md.String(), "- MMM alone: 3 divergent transitions after warm-up")

	r.Warnings, r.Fit.Warnings = nil, nil
	if r.FitCalibrated != nil {
		r.FitCalibrated.Warnings = []string{"R̂ 1.08"}
		assert.Contains(t, htmlOf(t, r), "<li>calibrated MMM: R̂ 1.08</li>")
	}
}
