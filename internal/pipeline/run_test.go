package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/testworld"
)

// demoConfig returns the config of the committed seed-1 world with the
// given sampler settings, writing into a temporary directory.
func demoConfig(t testing.TB, method string, chains, warmup, draws int) *config.Config {
	t.Helper()
	w := testworld.Load(t)
	cfg := &config.Config{}
	require.NoError(t, decodeDefaults(cfg))
	cfg.Data = config.Data{Panel: w.Path("panel.csv"), LiftTests: w.Path("lift_tests.csv"), MTA: w.Path("mta.csv")}
	cfg.Model.KPI = w.KPI
	cfg.Model.Controls = w.Controls
	for _, ch := range w.Channels {
		c := config.Channel{Name: ch.Name, Spend: ch.Spend}
		if ch.Adstock != "" {
			require.NoError(t, c.Adstock.UnmarshalText([]byte(ch.Adstock)))
		}
		if ch.Offline {
			c.Offline = &ch.Offline
		}
		cfg.Model.Channels = append(cfg.Model.Channels, c)
	}
	cfg.MTA.Value = w.MTAValue
	cfg.MTA.Spend = "spend"
	cfg.MTA.ChannelMap = []config.ChannelMap{{MTA: "Paid Search", Channel: "search"}, {MTA: "Facebook Ads", Channel: "social"}, {MTA: "Programmatic", Channel: "display"}}
	require.NoError(t, cfg.Sampler.Method.UnmarshalText([]byte(method)))
	cfg.Sampler.Chains, cfg.Sampler.Warmup, cfg.Sampler.Draws = chains, warmup, draws
	cfg.Output.Dir = t.TempDir()
	require.NoError(t, cfg.Validate())
	return cfg
}

func TestRunDemoLaplace(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 400)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	for _, f := range res.Files {
		st, err := os.Stat(f)
		require.NoError(t, err)
		require.Positive(t, st.Size(), f)
	}
	r := res.Report
	require.Len(t, r.Channels, 6)
	require.NotNil(t, r.Budget)
	require.Len(t, r.Experiments, 5)
}
