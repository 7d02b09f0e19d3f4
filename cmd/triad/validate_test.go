package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// triadStderr runs the command line in-process and returns its stderr
// (the log) with the error and exit code.
func triadStderr(t *testing.T, args ...string) (string, error, int) {
	t.Helper()
	_, log, err, code := execute(t, args...)
	return log, err, code
}

// rewriteColumn sets column name of every data row of the CSV file at
// path to value(row, column index by name).
func rewriteColumn(t *testing.T, path, name string, value func(row []string, col map[string]int) string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		r[col[name]] = value(r, col)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	require.NoError(t, w.WriteAll(rows))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

func times3(t *testing.T, s string) string {
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return strconv.FormatFloat(3*v, 'g', -1, 64)
}

// validate refuses models no data can identify, naming the column, and
// warns about those the data at hand cannot, before any fitting.
func TestValidateRefusesDegenerateModels(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"KPI as a control", "controls: [price, promo]", "controls: [price, promo, revenue]",
			"panel.csv: column revenue: is the KPI (model.kpi) and also a control"},
		{"spend as a control", "controls: [price, promo]", "controls: [price, spend_tv]",
			"panel.csv: column spend_tv: is channel tv and also a control"},
		{"two channels, one spend column", "spend: spend_ooh", "spend: spend_tv",
			"panel.csv: column spend_tv: is the spend column of channel tv and of channel ooh"},
	} {
		cfg := demoCopy(t)
		editLine(t, cfg, lineOf(t, cfg, tc.from), tc.from, tc.to)
		_, err, code := triad(t, "validate", "--config", cfg)
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
		assert.Equal(t, exitInput, code, tc.name)
	}
}

func TestValidateWarnsAboutLockstepChannelsAndConstantKPI(t *testing.T) {
	cfg := demoCopy(t)
	panel := filepath.Join(filepath.Dir(cfg), "panel.csv")
	// print's spend becomes 3 × search's in every row; the KPI constant.
	rewriteColumn(t, panel, "spend_print", func(row []string, col map[string]int) string { return times3(t, row[col["spend_search"]]) })
	rewriteColumn(t, panel, "revenue", func([]string, map[string]int) string { return "1000000" })
	log, err, code := triadStderr(t, "validate", "--config", cfg)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, log, "channels print and search cannot be separated")
	assert.Contains(t, log, "the data support only their combined effect")
	assert.Contains(t, log, "column revenue: the KPI is constant")
}

// A value that would overflow the model's scaling is an input error naming
// the cell in validate, not a sampler failure after it; a single week far
// above the others is a warning naming it.
func TestValidateRejectsOverflowAndWarnsAboutOutliers(t *testing.T) {
	cfg := demoCopy(t)
	panel := filepath.Join(filepath.Dir(cfg), "panel.csv")
	rewriteColumn(t, panel, "revenue", func(row []string, col map[string]int) string {
		if row[col["date"]] == "2022-03-07" { // row 10
			return "1e308"
		}
		return row[col["revenue"]]
	})
	_, err, code := triad(t, "validate", "--config", cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "panel.csv: row 10, column revenue: 1e+308 is too large")
	assert.Equal(t, exitInput, code)

	cfg = demoCopy(t)
	panel = filepath.Join(filepath.Dir(cfg), "panel.csv")
	rewriteColumn(t, panel, "spend_search", func(row []string, col map[string]int) string {
		if row[col["date"]] == "2023-03-06" {
			return "1e12"
		}
		return row[col["spend_search"]]
	})
	log, err, code := triadStderr(t, "validate", "--config", cfg)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, log, "panel.csv: row 62, column spend_search: 1e+12 in the period of 2023-03-06 is")
	assert.Contains(t, log, "an outlier")
}
