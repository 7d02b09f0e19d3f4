package pipeline

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
)

// dailyPanel spreads the demo's last weeks over days, spend evenly and the
// KPI with a weekend-heavy weekly pattern, and writes it as CSV.
func dailyPanel(t *testing.T, weeks int) string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "world", "csv", "panel.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	head, body := rows[0], rows[len(rows)-weeks:]
	pattern := map[time.Weekday]float64{time.Monday: 0.8, time.Tuesday: 0.82, time.Wednesday: 0.85,
		time.Thursday: 0.9, time.Friday: 1.05, time.Saturday: 1.35, time.Sunday: 1.23}
	var b strings.Builder
	w := csv.NewWriter(&b)
	require.NoError(t, w.Write(head))
	for _, r := range body {
		d0, err := civil.Parse(r[0])
		require.NoError(t, err)
		for k := range 7 {
			d := d0.AddDays(k)
			out := append([]string(nil), r...)
			out[0] = d.String()
			for j, name := range head {
				v, err := strconv.ParseFloat(r[j], 64)
				if err != nil || name == "price" || name == "promo" {
					continue
				}
				v /= 7
				if name == "revenue" {
					v *= pattern[d.Weekday()] * (1 + 0.01*math.Sin(float64(7*j+k)))
				}
				out[j] = strconv.FormatFloat(v, 'f', 2, 64)
			}
			require.NoError(t, w.Write(out))
		}
	}
	w.Flush()
	p := filepath.Join(t.TempDir(), "daily.csv")
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	return p
}

// A daily panel runs end to end, and the day-of-week effects the model adds
// for daily data explain the weekly pattern.
func TestRunDailyPanel(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 400)
	cfg.Data.Panel = dailyPanel(t, 60)
	cfg.Data.LiftTests, cfg.Data.MTA = "", ""
	cfg.Calibration.Mode = config.CalibrationNone
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	assert.Equal(t, "daily", r.Period.Grain)
	assert.Greater(t, r.Fit.R2, 0.9, "the weekday pattern is in the model")
	require.Len(t, r.Channels, 6)
	for _, ch := range r.Channels {
		assert.True(t, ch.MMM.ROI.Known(), ch.Name)
	}

	off := false
	cfg.Model.Weekday = &off
	cfg.Output.Dir = t.TempDir()
	res, err = Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	t.Logf("R² %.3f with day-of-week effects, %.3f without", r.Fit.R2, res.Report.Fit.R2)
	assert.Less(t, res.Report.Fit.R2, r.Fit.R2-0.1)
}

// Day-of-week effects on a weekly panel are a config error, not a silent no-op.
func TestWeekdayNeedsDailyPanel(t *testing.T) {
	cfg := demoConfig(t, "laplace", 1, 10, 400)
	on := true
	cfg.Model.Weekday = &on
	_, err := Run(context.Background(), cfg, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "model.weekday: day-of-week effects need a daily panel")
}
