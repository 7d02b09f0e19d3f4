package mta

import (
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
	"github.com/triad-mmm/triad/internal/tabular"
)

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

var testSpec = Spec{Value: "conversions_value"}

func mustMapping(t testing.TB, chans ...string) Mapping {
	m, err := NewMapping([]MapEntry{{MTA: "Paid Search", Channel: "search"}, {MTA: "Facebook", Channel: "social"}}, chans)
	require.NoError(t, err)
	return m
}

// TestAggregateDailyToWeekly places simulated daily rows into weeks that
// start on a Wednesday and checks every cell against a direct sum, and that
// totals are preserved across mapped, unmapped and outside rows.
func TestAggregateDailyToWeekly(t *testing.T) {
	cal := grid{start: day("2024-01-03"), step: 7, n: 20} // a Wednesday
	require.Equal(t, "Wednesday", cal.start.Weekday().String())
	m := mustMapping(t, "search", "social", "tv")
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Paid Search", "facebook", "Email", "search"}
	want := [3][20]float64{}
	wantSpend := [3][20]float64{}
	var b strings.Builder
	b.WriteString("date,channel,campaign,conversions_value,spend,extra\n")
	total, outside, unmapped := 0.0, 0.0, 0.0
	rows := 0
	for d := cal.start.AddDays(-10); d <= cal.End().AddDays(5); d++ {
		for k := 0; k < 1+rng.IntN(4); k++ {
			name := names[rng.IntN(len(names))]
			v := math.Round(rng.Float64()*10000) / 100
			sp := math.Round(rng.Float64()*500) / 10
			fmt.Fprintf(&b, "%v,%s,camp%d,%v,%v,\"{\"\"odd\"\":1}\"\n", d, name, rng.IntN(7), v, sp)
			rows++
			total += v
			w := int(d-cal.start) / 7
			switch {
			case d < cal.start || d > cal.End():
				outside += v
			case name == "Email":
				unmapped += v
			default:
				c := map[string]int{"Paid Search": 0, "facebook": 1, "search": 0}[name]
				want[c][w] += v
				wantSpend[c][w] += sp
			}
		}
	}
	path := writeFile(t, "mta.csv", b.String())
	agg, warns, err := AggregateFile(path, testSpec, m, cal)
	require.NoError(t, err)
	assert.Equal(t, rows, agg.Rows)
	assert.Equal(t, 7, agg.Campaigns)
	assert.InDelta(t, total, agg.Total, 1e-6)
	assert.InDelta(t, outside, agg.OutsideAttributed, 1e-6)
	for c := 0; c < 3; c++ {
		for w := 0; w < 20; w++ {
			assert.InDelta(t, want[c][w], agg.Attributed[c][w], 1e-6, "c=%d w=%d", c, w)
			assert.InDelta(t, wantSpend[c][w], agg.Spend[c][w], 1e-6, "spend c=%d w=%d", c, w)
		}
	}
	sum := agg.OutsideAttributed
	for c := range agg.Attributed {
		sum += agg.ChannelTotal(c)
	}
	require.Len(t, agg.Unmapped, 1)
	assert.Equal(t, "Email", agg.Unmapped[0].Name)
	assert.InDelta(t, unmapped, agg.Unmapped[0].Attributed, 1e-6)
	sum += agg.Unmapped[0].Attributed
	assert.InDelta(t, agg.Total, sum, 1e-6, "totals preserved")
	assert.True(t, agg.Seen(0))
	assert.False(t, agg.Seen(2), "tv is offline to MTA")
	require.Len(t, warns, 2)
	assert.Contains(t, warns[0], `mta.csv: 1 channel not mapped to a model channel (add to mta.channel_map): "Email" (`)
	assert.Contains(t, warns[1], "dated outside the panel were not aggregated")
}

// Batches must not change the result: a scan in many small batches equals
// one table.
func TestAggregateBatchesAgree(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 1, n: 60} // daily panel
	m := mustMapping(t, "search", "social")
	rng := rand.New(rand.NewPCG(3, 4))
	n := 1000
	dates := make([]civil.Date, n)
	chans := make([]string, n)
	vals := make([]float64, n)
	for i := range dates {
		dates[i] = cal.start.AddDays(rng.IntN(60))
		chans[i] = []string{"search", "Facebook"}[rng.IntN(2)]
		vals[i] = rng.Float64()
	}
	whole := newAggregator(testSpec, m, cal)
	require.NoError(t, whole.add(table(0, dates, chans, vals)))
	parts := newAggregator(testSpec, m, cal)
	for lo := 0; lo < n; lo += 77 {
		hi := min(lo+77, n)
		require.NoError(t, parts.add(table(lo, dates[lo:hi], chans[lo:hi], vals[lo:hi])))
	}
	a, _ := whole.result()
	b, _ := parts.result()
	for c := range a.Attributed {
		for p := range a.Attributed[c] {
			assert.InDelta(t, a.Attributed[c][p], b.Attributed[c][p], 1e-9)
		}
	}
	assert.Nil(t, a.Spend, "no spend column")
}

func table(first int, dates []civil.Date, chans []string, vals []float64) *tabular.Table {
	t := tabular.NewTable("mem", len(dates))
	t.FirstRow = first
	t.SetDates("date", dates, nil)
	t.SetStrings("channel", chans, nil)
	t.SetFloats("conversions_value", vals, nil)
	return t
}

func TestAggregateErrors(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 10}
	m := mustMapping(t, "search", "social")
	head := "date,channel,campaign,conversions_value,attribution_model\n"
	cases := []struct{ body, want string }{
		{"2024-01-02,search,c,1,\n2024-13-45,search,c,1,\n", `mta.csv: row 2, column date: "2024-13-45" is not a date (want YYYY-MM-DD)`},
		{"2024-01-02,search,c,1,\n,search,c,1,\n", "mta.csv: row 2, column date: missing date"},
		{"2024-01-02,,c,1,\n", "mta.csv: row 1, column channel: missing channel"},
		{"2024-01-02,search,c,-5,\n", "mta.csv: row 1, column conversions_value: negative attributed value -5"},
		{"2024-01-02,search,c,abc,\n", `mta.csv: row 1, column conversions_value: "abc" is not a number`},
		{"2024-01-02,search,c,1,last_click\n2024-01-02,search,c,1,data_driven\n",
			`mta.csv: row 2, column attribution_model: attribution model "data_driven" differs from "last_click" (row 1); summing several models double-counts: choose one with mta.use_model`},
	}
	for _, tc := range cases {
		_, _, err := AggregateFile(writeFile(t, "mta.csv", head+tc.body), testSpec, m, cal)
		require.Error(t, err, tc.want)
		assert.Equal(t, tc.want, err.Error())
		var ce *tabular.CellError
		assert.ErrorAs(t, err, &ce)
	}
	_, _, err := AggregateFile(writeFile(t, "mta.csv", "date,channel\n2024-01-02,search\n"), testSpec, m, cal)
	assert.ErrorContains(t, err, "mta.csv: column conversions_value: not found; have: date, channel")
}

func TestAggregateModelsAndNulls(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 10}
	m := mustMapping(t, "search", "social")
	csv := "date,channel,conversions_value,attribution_model\n" +
		"2024-01-02,search,1,last_click\n2024-01-02,search,10,data_driven\n2024-01-09,search,,data_driven\n"
	spec := testSpec
	spec.UseModel = "data_driven"
	agg, warns, err := AggregateFile(writeFile(t, "mta.csv", csv), spec, m, cal)
	require.NoError(t, err)
	assert.Equal(t, 2, agg.Rows)
	assert.Equal(t, 1, agg.SkippedRows)
	assert.Equal(t, 1, agg.NullValues)
	assert.Equal(t, []float64{10, 0}, agg.Attributed[0][:2])
	assert.Equal(t, 0, agg.Campaigns)
	assert.Equal(t, []string{
		"mta.csv: 1 rows without an attributed value counted as 0",
		`mta.csv: 1 rows of attribution models other than "data_driven" skipped`,
	}, warns)
}
