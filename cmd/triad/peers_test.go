package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The peers' configs run from the command line as a Robyn or Meridian user
// brings them: validate summarises every mapped column, run (Laplace, to
// stay quick) reports the organic channel, the treatment and the ROI in
// revenue.
func TestPeerConfigsFromTheCLI(t *testing.T) {
	robyn := filepath.Join("..", "..", "configs", "robyn-demo.yaml")
	out, err, code := triad(t, "validate", "--config", robyn)
	require.NoError(t, err)
	require.Zero(t, code)
	for _, want := range []string{"window    fitted 2016-01-04 .. 2019-01-06", "factor    events: levels event1",
		"organic, units", "(facebook_I) drive it", "(search_clicks_P) drive it", "4 lift tests (4 used in the fit)", "facebook+search"} {
		assert.Contains(t, out, want)
	}

	dir := t.TempDir()
	meridian := filepath.Join("..", "..", "configs", "meridian-national.yaml")
	_, err, code = triad(t, "run", "--config", meridian, "--method", "laplace", "--draws", "200", "--out", dir)
	require.NoError(t, err)
	require.Zero(t, code)
	b, rerr := os.ReadFile(filepath.Join(dir, "report.json"))
	require.NoError(t, rerr)
	var r struct {
		KPIType       string `json:"kpi_type"`
		RevenuePerKPI *struct {
			Mean float64 `json:"mean"`
		} `json:"revenue_per_kpi"`
		Organic    []struct{ Name string } `json:"organic"`
		Treatments []struct{ Name string } `json:"treatments"`
		Channels   []struct {
			Name string
			MMM  struct {
				RevenueROI *struct{ Mean float64 } `json:"revenue_roi"`
			} `json:"mmm"`
		} `json:"channels"`
	}
	require.NoError(t, json.Unmarshal(b, &r))
	assert.Equal(t, "count", r.KPIType)
	require.NotNil(t, r.RevenuePerKPI)
	require.Len(t, r.Organic, 1)
	require.Len(t, r.Treatments, 1)
	require.Len(t, r.Channels, 6)
	assert.NotNil(t, r.Channels[0].MMM.RevenueROI)
	assert.Nil(t, r.Channels[5].MMM.RevenueROI)
}
