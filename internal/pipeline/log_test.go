package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/report"
)

// A Laplace fit has no chains and no warmup: the log says what it does.
func TestLaplaceLogNamesNoChains(t *testing.T) {
	cfg := demoConfig(t, "laplace", 4, 1000, 200)
	var msgs []string
	_, err := Run(context.Background(), cfg, notices(&msgs))
	require.NoError(t, err)
	log := strings.Join(msgs, "\n")
	assert.Contains(t, log, "fitting the MMM (laplace: mode and Gaussian approximation, 200 draws)")
	assert.NotContains(t, log, "chains")
	assert.NotContains(t, log, "1000")
}

// A fit too short to converge: the log and the report's warnings say
// which fit the R-hat and ESS problems belong to.
func TestFitWarningsNameTheFit(t *testing.T) {
	if testing.Short() {
		t.Skip("two short NUTS fits of the demo")
	}
	cfg := demoConfig(t, "nuts", 2, 30, 20)
	var msgs []string
	res, err := Run(context.Background(), cfg, notices(&msgs))
	require.NoError(t, err)
	log := strings.Join(msgs, "\n")
	assert.Regexp(t, `MMM alone: (R-hat|bulk ESS|tail ESS)`, log)
	assert.Regexp(t, `calibrated MMM: (R-hat|bulk ESS|tail ESS)`, log)
	var md strings.Builder
	require.NoError(t, report.WriteMarkdown(&md, res.Report))
	warnings := md.String()[strings.Index(md.String(), "## Warnings"):]
	assert.Regexp(t, `- MMM alone: (R-hat|bulk ESS|tail ESS)`, warnings)
	assert.Regexp(t, `- calibrated MMM: (R-hat|bulk ESS|tail ESS)`, warnings)
}
