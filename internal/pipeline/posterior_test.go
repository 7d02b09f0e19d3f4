package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/stat"
)

// posterior.parquet holds every draw of both fits, with chain and draw
// columns, and its channel columns summarise to the report's intervals.
func TestRunWritesThePosterior(t *testing.T) {
	cfg := demoConfig(t, "nuts", 2, 60, 40)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	path := filepath.Join(cfg.Output.Dir, posteriorFile)
	names, err := tabular.Header(path)
	require.NoError(t, err)
	for _, want := range []string{"fit", "chain", "draw", "intercept", "sigma", "roi[tv]", "alpha[search]", "theta[tv]", "k[search]",
		"roi_total[social]", "mroi[social]", "contribution[social]"} {
		assert.Contains(t, names, want)
	}
	var cols []tabular.Column
	for _, n := range names {
		k := tabular.Float
		if n == "fit" {
			k = tabular.String
		}
		cols = append(cols, tabular.Column{Name: n, Kind: k})
	}
	tab, err := tabular.Read(path, cols)
	require.NoError(t, err)
	require.Equal(t, 2*2*40, tab.Len())
	fit, chain, draw := tab.Strings("fit"), tab.Floats("chain"), tab.Floats("draw")
	assert.Equal(t, "mmm", fit[0])
	assert.Equal(t, "calibrated", fit[len(fit)-1])
	assert.Equal(t, []float64{0, 0}, []float64{chain[0], draw[0]})
	assert.Equal(t, []float64{1, 39}, []float64{chain[79], draw[79]})

	// The calibrated rows summarise to the report's calibrated ROI.
	roi := tab.Floats("roi_total[social]")[80:]
	var social int
	for i, c := range res.Report.Channels {
		if c.Name == "social" {
			social = i
		}
	}
	want := res.Report.Channels[social].Calibrated.ROI
	got := stat.Summarize(roi, res.Report.Interval)
	assert.InDelta(t, want.Mean, got.Mean, 1e-9)
	assert.InDelta(t, want.Lo, got.Lo, 1e-9)
	assert.InDelta(t, want.Hi, got.Hi, 1e-9)
}
