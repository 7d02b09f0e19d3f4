package pipeline

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
)

// rfPanel writes a weekly panel with a spend channel (tv) and a reach and
// frequency channel (yt) whose effect is 400·reach/1000·Hill(frequency;
// K 3, slope 2.2) without carryover, and returns its path; bad, when not
// empty, replaces the frequency cell of data row 4.
func rfPanel(t testing.TB, n int, bad string) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 5))
	var b strings.Builder
	b.WriteString("date,kpi,tv,yt_spend,yt_reach,yt_freq\n")
	d0 := civil.New(2022, 1, 3)
	for i := range n {
		tv := 800 + 400*rng.Float64()
		reach := 20000 + 20000*rng.Float64()
		freq := 1 + 6*rng.Float64()
		hill := math.Pow(freq, 2.2) / (math.Pow(freq, 2.2) + math.Pow(3, 2.2))
		kpi := 10000 + 1.5*tv + 400*reach/1000*hill + 100*rng.NormFloat64()
		f := fmt.Sprintf("%.3f", freq)
		if i == 3 && bad != "" {
			f = bad
		}
		fmt.Fprintf(&b, "%s,%.2f,%.2f,%.2f,%.0f,%s\n", d0.AddDays(7*i), kpi, tv, 0.004*reach*freq, reach, f)
	}
	path := filepath.Join(t.TempDir(), "panel.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

func rfConfig(t testing.TB, path string) *config.Config {
	cfg := &config.Config{}
	require.NoError(t, decodeDefaults(cfg))
	cfg.Data.Panel = path
	cfg.Model.KPI = "kpi"
	cfg.Model.FourierOrder = 0
	cfg.Model.Channels = []config.Channel{
		{Name: "tv", Spend: "tv", MaxLag: 2},
		{Name: "yt", Spend: "yt_spend", Reach: "yt_reach", Frequency: "yt_freq", MaxLag: 2},
	}
	cfg.Sampler.Method.UnmarshalText([]byte("laplace"))
	cfg.Sampler.Draws = 400
	cfg.Output.Dir = t.TempDir()
	return cfg
}

// A reach and frequency channel runs end to end: the report has its
// optimal frequency (truth K·(s−1)^(1/s) = 3.26) and the table that shows
// it, the data summary its reach and frequency.
func TestReachFrequencyRun(t *testing.T) {
	cfg := rfConfig(t, rfPanel(t, 156, ""))
	require.NoError(t, cfg.Validate())
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	yt := res.Report.Channels[1]
	assert.Nil(t, res.Report.Channels[0].MMM.OptimalFrequency)
	of := yt.MMM.OptimalFrequency
	require.NotNil(t, of)
	t.Logf("optimal frequency %.2f (%.2f–%.2f), now %.2f; ROI %.3f, at the optimum %.3f", of.Frequency.Mean, of.Frequency.Lo, of.Frequency.Hi, of.Current, yt.MMM.ROI.Mean, of.ROI.Mean)
	// The grid's step is 0.1: the interval covers the truth to half a step.
	assert.True(t, of.Frequency.Lo-0.05 <= 3.26 && 3.26 <= of.Frequency.Hi+0.05)
	assert.InDelta(t, 4.0, of.Current, 0.5)
	assert.GreaterOrEqual(t, of.ROI.Mean, yt.MMM.ROI.Mean*0.999)
	md, err := os.ReadFile(filepath.Join(cfg.Output.Dir, "report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "## Reach and frequency")
	html, err := os.ReadFile(filepath.Join(cfg.Output.Dir, "report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(html), `<h2 id="frequency">Reach and frequency</h2>`)
	sum, err := os.ReadFile(filepath.Join(cfg.Output.Dir, "data_summary.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(sum), "reach ")
	assert.Contains(t, string(sum), "(yt_reach), average frequency")
}

func TestReachFrequencyErrors(t *testing.T) {
	_, err := Load(rfConfig(t, rfPanel(t, 60, "-2")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "panel.csv: row 4, column yt_freq: frequency -2 must be >= 0")
	assert.True(t, IsInputError(err))

	_, err = Load(rfConfig(t, rfPanel(t, 60, "")))
	require.NoError(t, err)

	for _, c := range []struct {
		mod  func(*config.Config)
		want string
	}{
		{func(c *config.Config) { c.Model.Channels[1].Frequency = "" }, `model.channels[1]: reach and frequency go together (channel "yt" has only reach)`},
		{func(c *config.Config) { c.Model.Channels[1].Impressions = "yt_spend" }, `model.channels[1]: channel "yt" has impressions and reach/frequency`},
	} {
		cfg := rfConfig(t, rfPanel(t, 60, ""))
		c.mod(cfg)
		assert.ErrorContains(t, cfg.Validate(), c.want)
	}
	cfg := rfConfig(t, rfPanel(t, 60, ""))
	cfg.Model.Channels[1].Frequency = "tv"
	_, err = Load(cfg)
	assert.ErrorContains(t, err, `model.channels[1].frequency: column "tv" is already the spend of channel tv`)
}

// A fit window on a panel with an R&F channel: the rows before it hand
// the model the channel's reach and frequency there as carry.
func TestReachFrequencyWindow(t *testing.T) {
	cfg := rfConfig(t, rfPanel(t, 120, ""))
	cfg.Model.Window.Start = civil.New(2022, 3, 7) // the 10th week
	require.NoError(t, cfg.Validate())
	in, err := Load(cfg)
	require.NoError(t, err)
	d := in.modelData()
	require.Len(t, d.CarryFrequency, 2)
	assert.Nil(t, d.CarryFrequency[0])
	assert.Len(t, d.CarryFrequency[1], 9)
	assert.Len(t, d.Carry[1], 9)
	assert.Len(t, d.Frequency[1], 111)
	assert.Equal(t, in.Extras.reach[1], d.Units[1])
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	of := res.Report.Channels[1].MMM.OptimalFrequency
	require.NotNil(t, of)
	assert.InDelta(t, 3.26, of.Frequency.Mean, 0.3)
}
