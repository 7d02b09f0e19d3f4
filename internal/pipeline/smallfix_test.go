package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The report's period ends on the last day of the last period, as the data
// summary of validate says.
func TestReportPeriodEndMatchesValidate(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 200)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	in, err := Load(cfg)
	require.NoError(t, err)
	end := in.Panel.End()
	assert.Equal(t, end, res.Report.Period.End)
	assert.Equal(t, in.Panel.Dates[len(in.Panel.Dates)-1].AddDays(6), end, "weekly: the last week's Sunday")
	assert.Contains(t, in.DataSummary().Text(), ".. "+end.String()+",")
}

// Without an MTA export and without offline flags nothing says whether a
// channel is online: neither validate nor the report claims it.
func TestNoMTANoOnlineClaim(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 200)
	cfg.Data.MTA = ""
	for c := range cfg.Model.Channels {
		if cfg.Model.Channels[c].Name == "ooh" {
			cfg.Model.Channels[c].Offline = nil
		}
	}
	in, err := Load(cfg)
	require.NoError(t, err)
	for _, line := range strings.Split(in.DataSummary().Text(), "\n") {
		switch {
		case strings.HasPrefix(line, "  tv "):
			assert.Contains(t, line, "offline", "the config says so")
		case strings.HasPrefix(line, "  ooh "), strings.HasPrefix(line, "  search "):
			assert.NotContains(t, line, "online")
			assert.NotContains(t, line, "offline")
		}
	}
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	for _, c := range res.Report.Channels {
		switch c.Name {
		case "tv":
			require.NotNil(t, c.Offline)
			assert.True(t, *c.Offline)
		case "ooh", "search":
			assert.Nil(t, c.Offline, c.Name)
		}
	}
}
