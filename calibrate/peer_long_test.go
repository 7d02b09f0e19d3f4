//go:build long

package calibrate

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// TestPyMCROASData fits PyMC-Marketing's mmm_roas_data (an unobserved
// confounder z drives x1 and sales) alone and with whole-period ROAS
// evidence for x1 and x2 at 15% relative SE, and logs the ROAS found
// against the truth (93.4 and 171.4; PyMC-Marketing's notebook reports
// about 155 and 150).
func TestPyMCROASData(t *testing.T) {
	const path = "../../shared/peers/pymc-marketing/mmm_roas_data.csv"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("peer data not available: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, n := range rows[0] {
		col[n] = i
	}
	num := func(r []string, name string) float64 {
		v, err := strconv.ParseFloat(r[col[name]], 64)
		require.NoError(t, err)
		return v
	}
	d := mmm.Data{StepDays: 7, Channels: []string{"x1", "x2"}, Spend: make([][]float64, 2)}
	var y01, y02 []float64
	for _, r := range rows[1:] {
		day, err := civil.Parse(r[col["date"]])
		require.NoError(t, err)
		d.Dates = append(d.Dates, day)
		d.KPI = append(d.KPI, num(r, "y"))
		d.Spend[0] = append(d.Spend[0], num(r, "x1"))
		d.Spend[1] = append(d.Spend[1], num(r, "x2"))
		y01 = append(y01, num(r, "y01"))
		y02 = append(y02, num(r, "y02"))
	}
	cal := Calendar{Calendar: civil.Calendar{Dates: d.Dates, StepDays: 7}, Channels: d.Channels, Spend: d.Spend}
	trueLift := []float64{stat.Sum(d.KPI) - stat.Sum(y01), stat.Sum(d.KPI) - stat.Sum(y02)}
	var tests []lift.Test
	for c, name := range d.Channels {
		tests = append(tests, lift.Test{ID: "roas_" + name, Channel: name, Start: cal.Dates[0], End: cal.End(),
			Spend: stat.Sum(d.Spend[c]), Incremental: trueLift[c], SE: 0.15 * trueLift[c], ScopeShare: 1, Include: true})
	}
	rw := recoveryWorld{data: d, cal: cal, tests: tests}
	base := mmm.DefaultSpec(d)
	alone := rw.fit(t, base, 1)
	cf := base
	all, ok, warns := Observations(tests, cal)
	require.NotContains(t, ok, false, "%v", warns)
	cf.Lifts = Lifts(tests, all, ok)
	calib := rw.fit(t, cf, 1)
	for c, name := range d.Channels {
		truth := trueLift[c] / stat.Sum(d.Spend[c])
		a, b := alone.ChannelSummary(0.9)[c].ROI, calib.ChannelSummary(0.9)[c].ROI
		t.Logf("%s: true ROAS %.1f; MMM alone %.1f [%.1f, %.1f]; calibrated %.1f [%.1f, %.1f] (error %.1f%%)",
			name, truth, a.Mean, a.Lo, a.Hi, b.Mean, b.Lo, b.Hi, 100*(b.Mean-truth)/truth)
		assert.InDelta(t, truth, b.Mean, 0.15*truth, "%s within 15%%", name)
	}
}
