package simulate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
)

// Columns of the written files, as a reader asks for them.
func panelColumns(w *World) []tabular.Column {
	cols := []tabular.Column{{Name: "date", Kind: tabular.Date}, {Name: "revenue", Kind: tabular.Float}}
	for _, c := range w.Channels {
		cols = append(cols, tabular.Column{Name: SpendColumn(c.Name), Kind: tabular.Float})
	}
	return append(cols, tabular.Column{Name: "price", Kind: tabular.Float}, tabular.Column{Name: "promo", Kind: tabular.Float})
}

var liftColumns = []tabular.Column{
	{Name: "test_id", Kind: tabular.String}, {Name: "channel", Kind: tabular.String},
	{Name: "test_type", Kind: tabular.String},
	{Name: "start_date", Kind: tabular.Date}, {Name: "end_date", Kind: tabular.Date},
	{Name: "cooldown_end", Kind: tabular.Date}, {Name: "scope_share", Kind: tabular.Float},
	{Name: "spend", Kind: tabular.Float}, {Name: "incremental_kpi", Kind: tabular.Float},
	{Name: "se", Kind: tabular.Float}, {Name: "ci_lower", Kind: tabular.Float},
	{Name: "ci_upper", Kind: tabular.Float}, {Name: "confidence", Kind: tabular.Float},
}

var mtaColumns = []tabular.Column{
	{Name: "date", Kind: tabular.Date}, {Name: "channel", Kind: tabular.String},
	{Name: "campaign", Kind: tabular.String}, {Name: "attributed_revenue", Kind: tabular.Float},
	{Name: "spend", Kind: tabular.Float},
}

// checkFiles reads the world files in dir back and compares them with w.
// Floats are compared to a relative 1e-12 so that the check survives a
// last-bit difference of libm between platforms.
func checkFiles(t *testing.T, w *World, dir, ext string) {
	t.Helper()
	read := func(name string, cols []tabular.Column) *tabular.Table {
		tb, err := tabular.Read(filepath.Join(dir, name+"."+ext), cols)
		require.NoError(t, err)
		return tb
	}
	floats := func(want, got []float64, what string) {
		require.Len(t, got, len(want), what)
		for i := range want {
			require.InDelta(t, want[i], got[i], 1e-12*max(1, abs(want[i])), "%s row %d", what, i)
		}
	}
	p := read("panel", panelColumns(w))
	assert.Equal(t, w.Dates, p.Dates("date"))
	floats(w.KPI, p.Floats("revenue"), "revenue")
	for _, c := range w.Channels {
		floats(c.Spend, p.Floats(SpendColumn(c.Name)), c.Name)
	}
	floats(w.Controls[0], p.Floats("price"), "price")
	floats(w.Controls[1], p.Floats("promo"), "promo")

	l := read("lift_tests", liftColumns)
	require.Equal(t, len(w.LiftTests), l.Len())
	for i, lt := range w.LiftTests {
		assert.Equal(t, lt.ID, l.Strings("test_id")[i])
		assert.Equal(t, lt.Channel, l.Strings("channel")[i])
		assert.Equal(t, lt.Type, l.Strings("test_type")[i])
		assert.Equal(t, lt.Start, l.Dates("start_date")[i])
		assert.Equal(t, lt.End, l.Dates("end_date")[i])
		assert.Equal(t, lt.CooldownEnd != 0, l.Valid("cooldown_end", i))
		if lt.CooldownEnd != 0 {
			assert.Equal(t, lt.CooldownEnd, l.Dates("cooldown_end")[i])
		}
		floats([]float64{lt.ScopeShare, lt.Spend, lt.Incremental},
			[]float64{l.Floats("scope_share")[i], l.Floats("spend")[i], l.Floats("incremental_kpi")[i]}, lt.ID)
		assert.Equal(t, lt.Confidence == 0, l.Valid("se", i))
		assert.Equal(t, lt.Confidence != 0, l.Valid("ci_lower", i) && l.Valid("ci_upper", i) && l.Valid("confidence", i))
		if lt.Confidence == 0 {
			assert.Equal(t, lt.SE, l.Floats("se")[i])
		} else {
			floats([]float64{lt.CILower, lt.CIUpper, lt.Confidence},
				[]float64{l.Floats("ci_lower")[i], l.Floats("ci_upper")[i], l.Floats("confidence")[i]}, lt.ID)
		}
	}

	m := read("mta", mtaColumns)
	require.Equal(t, len(w.MTA), m.Len())
	attr, spend := make([]float64, len(w.MTA)), make([]float64, len(w.MTA))
	for i, r := range w.MTA {
		require.Equal(t, r.Date, m.Dates("date")[i])
		require.Equal(t, r.Channel, m.Strings("channel")[i])
		require.Equal(t, r.Campaign, m.Strings("campaign")[i])
		attr[i], spend[i] = r.AttributedRevenue, r.Spend
	}
	floats(attr, m.Floats("attributed_revenue"), "attributed")
	floats(spend, m.Floats("spend"), "mta spend")
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestWriteFilesRoundTrip(t *testing.T) {
	w := generate(t, Options{Seed: 11, Weeks: 60})
	for _, ext := range []string{"csv", "parquet"} {
		dir := filepath.Join(t.TempDir(), ext)
		require.NoError(t, w.WriteFiles(dir, ext))
		checkFiles(t, w, dir, ext)
		truth, err := os.ReadFile(filepath.Join(dir, "truth.json"))
		require.NoError(t, err)
		want, err := w.TruthJSON()
		require.NoError(t, err)
		assert.Equal(t, string(want), string(truth))
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		assert.ElementsMatch(t, []string{"panel." + ext, "lift_tests." + ext, "mta." + ext, "truth.json", "config.yaml"}, names, "no temporary files left")
	}
	assert.Error(t, w.WriteFiles(t.TempDir(), "xlsx"))
}

func TestWriteFilesDeterministic(t *testing.T) {
	// CSV bytes are identical for one seed, run after run.
	var files [2]map[string]string
	for k := range files {
		dir := t.TempDir()
		require.NoError(t, generate(t, Options{Seed: 5, Weeks: 60}).WriteFiles(dir, "csv"))
		files[k] = map[string]string{}
		for _, n := range []string{"panel.csv", "lift_tests.csv", "mta.csv", "truth.json", "config.yaml"} {
			b, err := os.ReadFile(filepath.Join(dir, n))
			require.NoError(t, err)
			files[k][n] = string(b)
		}
	}
	assert.Equal(t, files[0], files[1])
}

// TestConfigYAML loads the written config as the CLI does (config.Load:
// exact keys, typed modes, validation).
func TestConfigYAML(t *testing.T) {
	w := generate(t, Options{Seed: 1, Weeks: 60})
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	require.NoError(t, os.WriteFile(path, []byte(w.ConfigYAML("parquet")), 0o644))
	c, err := config.Load(path, nil)
	require.NoError(t, err)
	cfg := *c

	assert.Equal(t, filepath.Join(dir, "panel.parquet"), cfg.Data.Panel)
	assert.Equal(t, filepath.Join(dir, "lift_tests.parquet"), cfg.Data.LiftTests)
	assert.Equal(t, filepath.Join(dir, "mta.parquet"), cfg.Data.MTA)
	assert.Equal(t, "revenue", cfg.Model.KPI)
	assert.Equal(t, "date", cfg.Model.Date)
	require.Len(t, cfg.Model.Channels, 6)
	for i, c := range cfg.Model.Channels {
		assert.Equal(t, w.Channels[i].Name, c.Name)
		assert.Equal(t, SpendColumn(c.Name), c.Spend)
		assert.Equal(t, w.Channels[i].Offline, c.Offline != nil && *c.Offline)
	}
	assert.Equal(t, mmm.AdstockKind("delayed"), cfg.Model.Channels[0].Adstock)
	assert.Equal(t, []string{"price", "promo"}, cfg.Model.Controls)
	assert.Equal(t, "attributed_revenue", cfg.MTA.Value)
	assert.Equal(t, []config.ChannelMap{{MTA: "Paid Search", Channel: "search"}, {MTA: "Facebook Ads", Channel: "social"}, {MTA: "Programmatic", Channel: "display"}}, cfg.MTA.ChannelMap)
	assert.Equal(t, config.Counterfactual, cfg.Calibration.Mode)
	assert.Equal(t, 4, cfg.Sampler.Chains)
	assert.Equal(t, uint64(1), cfg.Sampler.Seed)
	assert.Equal(t, "triad-out", cfg.Output.Dir)
}
