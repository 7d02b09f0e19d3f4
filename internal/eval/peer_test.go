package eval

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/pipeline"
)

// peerDir holds PyMC-Marketing's ROAS data with triad's config and lift
// tests for it.
var peerDir = filepath.Join("..", "..", "testdata", "peers", "pymc_roas")

// peerROAS are the true in-panel ROAS of x1 and x2 that the lift tests
// encode, as the issue states them.
var peerROAS = map[string]float64{"x1": 93.4, "x2": 171.4}

// readCSV returns the rows of a small CSV file as maps by column name.
func readCSV(t testing.TB, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, name := range rows[0] {
			m[name] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func parseNum(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

// TestPeerLiftTests checks the hand-written lift tests against the data:
// a full-period holdout per channel whose spend is the channel's total and
// whose lift is the truth the data's own counterfactual columns give.
func TestPeerLiftTests(t *testing.T) {
	data := readCSV(t, filepath.Join(peerDir, "mmm_roas_data.csv"))
	require.Len(t, data, 131)
	first, err := civil.Parse(data[0]["date"])
	require.NoError(t, err)
	last, err := civil.Parse(data[len(data)-1]["date"])
	require.NoError(t, err)
	tests := readCSV(t, filepath.Join(peerDir, "lift_tests.csv"))
	require.Len(t, tests, 2)
	counterfactual := map[string]string{"x1": "y01", "x2": "y02"}
	for _, lt := range tests {
		c := lt["channel"]
		var spend, lift float64
		for _, r := range data {
			spend += parseNum(t, r[c])
			lift += parseNum(t, r["y"]) - parseNum(t, r[counterfactual[c]])
		}
		assert.InDelta(t, peerROAS[c], lift/spend, 0.05, "%s: the stated ROAS is the data's truth", c)
		assert.Equal(t, first.String(), lt["start_date"])
		assert.Equal(t, last.AddDays(6).String(), lt["end_date"], "to the last week's last day")
		assert.Equal(t, "holdout", lt["test_type"])
		assert.InDelta(t, spend, parseNum(t, lt["spend"]), 1e-5)
		inc := parseNum(t, lt["incremental_kpi"])
		assert.InDelta(t, peerROAS[c]*spend, inc, 1e-3)
		assert.InDelta(t, 0.15*inc, parseNum(t, lt["se"]), 1e-3)
	}
}

// TestPeerConfigLoads reads the peer config and its inputs as `triad
// validate` does.
func TestPeerConfigLoads(t *testing.T) {
	cfg := loadConfig(t, filepath.Join(peerDir, "config.yaml"))
	require.NoError(t, cfg.Validate())
	in, err := pipeline.Load(cfg)
	require.NoError(t, err)
	assert.Len(t, in.Tests, 2)
	assert.Nil(t, in.MTA)
	assert.Equal(t, config.Counterfactual, cfg.CalibrationMode())
}
