package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/manifest"
	"github.com/triad-mmm/triad/mmm"
)

// A run's manifest records every input as it is on disk, the resolved
// configuration (which loads back into the same model), the seed, the
// model's own choices and the timings, and it is part of the generation.
func TestRunWritesTheManifest(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 100)
	_, err := Run(context.Background(), cfg, Options{Version: "v-test"})
	require.NoError(t, err)
	m, err := manifest.Read(cfg.Output.Dir)
	require.NoError(t, err)
	require.NoError(t, manifest.Verify(cfg.Output.Dir))

	assert.Equal(t, "v-test", m.Version)
	assert.EqualValues(t, cfg.Sampler.Seed, m.Seed)
	require.Len(t, m.Inputs, 3)
	wantRows := map[string]int64{"data.panel": 156, "data.lift_tests": 5, "data.mta": 12012}
	for _, in := range m.Inputs {
		b, err := os.ReadFile(in.Path)
		require.NoError(t, err)
		sum := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(sum[:]), in.SHA256, in.Key)
		assert.EqualValues(t, len(b), in.Bytes, in.Key)
		assert.Equal(t, wantRows[in.Key], in.Rows, in.Key)
	}
	assert.Equal(t, "counterfactual", m.Choices.CalibrationMode)
	require.Len(t, m.Choices.Channels, 6)
	assert.Equal(t, "share", m.Choices.MediaPrior)
	// The share family's median: 15% of the KPI per unit of spend.
	kpi, spend := 0.0, 0.0
	in, err := Load(cfg)
	require.NoError(t, err)
	p := in.Panel
	for t := range p.KPI {
		kpi += p.KPI[t]
		for c := range p.Spend {
			spend += p.Spend[c][t]
		}
	}
	tv := m.Choices.Channels[0]
	assert.InDelta(t, math.Log(mmm.DefaultMediaShare*kpi/spend), tv.ROIPrior.Mu, 1e-12)
	tv.ROIPrior.Mu = 0
	assert.Equal(t, manifest.ChannelChoice{Name: "tv", Adstock: "delayed", Saturation: "hill", MaxLag: 8, ROIPrior: manifest.LogNormal{Sigma: 0.9}}, tv)
	assert.Greater(t, m.Seconds, 0.0)
	stages := map[string]bool{}
	for _, s := range m.Timings {
		stages[s.Stage] = true
	}
	for _, s := range []string{"load", "fit", "fit_mmm", "fit_calibrated", "prior_checks", "analyse", "hash_inputs", "write"} {
		assert.True(t, stages[s], s)
	}
	assert.Equal(t, []string{"report.json", "report.md", "report.html", "data_summary.txt", "decomposition.csv", "posterior.parquet", "calibrated_mta.parquet"}, m.Outputs)
	for _, f := range m.Outputs {
		assert.FileExists(t, filepath.Join(cfg.Output.Dir, f))
	}

	// The recorded configuration is the run's, with the model's defaults
	// written in.
	again, err := config.LoadValues(m.Config, nil)
	require.NoError(t, err)
	assert.Equal(t, 8, again.Model.Channels[1].MaxLag)
	assert.Equal(t, "geometric", string(again.Model.Channels[1].Adstock))
	require.NotNil(t, again.Model.Weekday)
	assert.False(t, *again.Model.Weekday)
	abs, err := filepath.Abs(cfg.Data.Panel)
	require.NoError(t, err)
	assert.Equal(t, abs, again.Data.Panel)
	assert.Equal(t, abs, m.Inputs[0].Path)
	assert.Equal(t, cfg.Sampler, again.Sampler)
}
