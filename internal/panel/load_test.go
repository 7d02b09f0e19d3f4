package panel

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

var spec = Spec{
	Date: "date",
	KPI:  "sales",
	Channels: []ChannelColumn{
		{Name: "tv", Spend: "spend_tv"},
		{Name: "search", Spend: "spend_search", Impressions: "imp_search"},
	},
	Controls: []string{"price"},
}

// writeFile writes a CSV panel into a temp dir and returns its path.
func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	return path
}

// weeklyCSV returns n weekly rows starting on start; row i has sales 100+i,
// tv spend 10*i, search spend 5 and price 2.
func weeklyCSV(start civil.Date, n, step int) string {
	var b strings.Builder
	b.WriteString("date,sales,spend_tv,spend_search,imp_search,price,notes\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s,%d,%d,5,1000,2,free text %d\n", start.AddDays(i*step), 100+i, 10*i, i)
	}
	return b.String()
}

func TestLoadWeekly(t *testing.T) {
	// A Sunday start: weeks need not begin on Monday.
	start := civil.New(2023, 1, 1)
	require.Equal(t, "Sunday", start.Weekday().String())
	p, warn, err := Load(writeFile(t, "panel.csv", weeklyCSV(start, 80, 7)), spec)
	require.NoError(t, err)
	assert.Empty(t, warn)
	assert.Equal(t, "panel.csv", p.Source)
	assert.Equal(t, 7, p.StepDays)
	assert.Equal(t, "weekly", p.Grain())
	assert.Equal(t, 80, p.Len())
	assert.Equal(t, start, p.Start())
	assert.Equal(t, start.AddDays(80*7-1), p.End())
	assert.Equal(t, []string{"tv", "search"}, p.Channels)
	assert.Equal(t, 179.0, p.KPI[79])
	assert.Equal(t, 790.0, p.Spend[0][79])
	assert.Nil(t, p.Impressions[0])
	assert.Equal(t, 1000.0, p.Impressions[1][3])
	assert.Equal(t, []string{"price"}, p.ControlNames)
	assert.Equal(t, 2.0, p.Controls[0][5])
}

func TestLoadDailyUnsorted(t *testing.T) {
	start := civil.New(2022, 3, 1)
	lines := strings.Split(strings.TrimSpace(weeklyCSV(start, 600, 1)), "\n")
	// Reverse the data rows: Load sorts by date.
	for i, j := 1, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	p, warn, err := Load(writeFile(t, "daily.csv", strings.Join(lines, "\n")+"\n"), spec)
	require.NoError(t, err)
	assert.Empty(t, warn)
	assert.Equal(t, 1, p.StepDays)
	assert.Equal(t, "daily", p.Grain())
	assert.Equal(t, start, p.Dates[0])
	assert.Equal(t, 100.0, p.KPI[0])
	assert.Equal(t, 699.0, p.KPI[599])
}

func TestLoadErrors(t *testing.T) {
	start := civil.New(2024, 1, 1)
	good := weeklyCSV(start, 20, 7)
	header := "date,sales,spend_tv,spend_search,imp_search,price,notes\n"
	// replace swaps data row `row` (1-based) for line.
	replace := func(row int, line string) string {
		lines := strings.Split(good, "\n")
		lines[row] = line
		return strings.Join(lines, "\n")
	}
	cases := []struct {
		name, body, want string
	}{
		{"bad date", replace(3, "2024-13-45,1,1,1,1,1,x"),
			`panel.csv: row 3, column date: "2024-13-45" is not a date (want YYYY-MM-DD)`},
		{"missing date", replace(3, ",1,1,1,1,1,x"),
			`panel.csv: row 3, column date: missing date`},
		{"duplicate date", replace(12, "2024-02-26,1,1,1,1,1,x"),
			`panel.csv: row 12, column date: duplicate date 2024-02-26 (also row 9)`},
		{"irregular", replace(12, "2024-03-20,1,1,1,1,1,x"),
			`panel.csv: row 12, column date: irregular dates: 2024-03-20 is 9 days after the previous date 2024-03-11, but the panel's dates are 7 days apart`},
		{"negative spend", replace(10, "2024-03-04,1,-5,1,1,1,x"),
			`panel.csv: row 10, column spend_tv: negative spend -5`},
		{"missing spend", replace(10, "2024-03-04,1,1,,1,1,x"),
			`panel.csv: row 10, column spend_search: missing spend`},
		{"NA spend", replace(10, "2024-03-04,1,NA,1,1,1,x"),
			`panel.csv: row 10, column spend_tv: missing spend`},
		{"missing KPI", replace(7, "2024-02-12,,1,1,1,1,x"),
			`panel.csv: row 7, column sales: missing KPI value`},
		{"NaN KPI", replace(7, "2024-02-12,NaN,1,1,1,1,x"),
			`panel.csv: row 7, column sales: missing KPI value`},
		{"text KPI", replace(7, "2024-02-12,abc,1,1,1,1,x"),
			`panel.csv: row 7, column sales: "abc" is not a number`},
		{"negative impressions", replace(4, "2024-01-22,1,1,1,-3,1,x"),
			`panel.csv: row 4, column imp_search: negative impressions -3`},
		{"missing control", replace(5, "2024-01-29,1,1,1,1,,x"),
			`panel.csv: row 5, column price: missing control value`},
		{"missing column", "date,sales,spend_tv,imp_search,price\n2024-01-01,1,1,1,1\n",
			`panel.csv: column spend_search: not found; have: date, sales, spend_tv, imp_search, price`},
		{"no rows", header,
			`panel.csv: the panel has no data rows`},
		{"one row", header + "2024-01-01,1,1,1,1,1,x\n",
			`panel.csv: column date: only one date (2024-01-01): a panel needs at least 2 periods`},
		{"monthly", header + "2024-01-01,1,1,1,1,1,x\n2024-02-01,1,1,1,1,1,x\n2024-03-01,1,1,1,1,1,x\n2024-04-01,1,1,1,1,1,x\n",
			`panel.csv: column date: dates are about a month apart: monthly panels are not supported (use weekly or daily data)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Load(writeFile(t, "panel.csv", c.body), spec)
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
			var ce *tabular.CellError
			assert.ErrorAs(t, err, &ce)
		})
	}
}

func TestSpecErrors(t *testing.T) {
	_, _, err := Load("unused.csv", Spec{Channels: []ChannelColumn{{Name: "tv"}, {Name: "tv", Spend: "x"}}})
	require.Error(t, err)
	for _, want := range []string{"no date column", "no KPI column", "channel tv has no spend column", "channel tv is configured twice"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestWarnings(t *testing.T) {
	start := civil.New(2024, 1, 1)
	var b strings.Builder
	b.WriteString("date,sales,spend_tv,spend_search,imp_search,price\n")
	for i := 0; i < 52; i++ {
		sales := 100
		if i == 3 || i == 40 {
			sales = -1
		}
		fmt.Fprintf(&b, "%s,%d,0,5,1,2\n", start.AddDays(7*i), sales)
	}
	_, warn, err := Load(writeFile(t, "panel.csv", b.String()), spec)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"panel.csv: only 52 weekly periods (2024-01-01 to 2024-12-29); at least 78 weeks (about 1.5 years) of data are recommended",
		"panel.csv: channel tv has no spend in the panel (column spend_tv)",
		"panel.csv: column sales has 2 negative KPI values (first at row 4)",
	}, warn)
}

func TestGeoSum(t *testing.T) {
	geoSpec := spec
	geoSpec.Geo = "region"
	start := civil.New(2023, 1, 2)
	var b strings.Builder
	b.WriteString("region,date,sales,spend_tv,spend_search,imp_search,price\n")
	geos := []string{"west", "east", "north"}
	// Rows deliberately interleaved and out of date order.
	for i := 79; i >= 0; i-- {
		for g, name := range geos {
			fmt.Fprintf(&b, "%s,%s,%d,%d,%d,%d,%d\n", name, start.AddDays(7*i), 100*(g+1)+i, g+1, 2*i, 10, g+1)
		}
	}
	p, warn, err := Load(writeFile(t, "geo.csv", b.String()), geoSpec)
	require.NoError(t, err)
	assert.Equal(t, []string{"geo.csv: 3 geos (east, north, west), summed for the national panel (controls averaged across geos)"}, warn)
	require.Equal(t, 80, p.Len())
	assert.Equal(t, start, p.Dates[0])
	for i := 0; i < 80; i++ {
		assert.Equal(t, float64(600+3*i), p.KPI[i])
		assert.Equal(t, 6.0, p.Spend[0][i])
		assert.Equal(t, float64(6*i), p.Spend[1][i])
		assert.Equal(t, 30.0, p.Impressions[1][i])
		assert.Equal(t, 2.0, p.Controls[0][i], "price averaged")
	}

	t.Run("missing geo", func(t *testing.T) {
		body := "region,date,sales,spend_tv,spend_search,imp_search,price\n" +
			"a,2024-01-01,1,1,1,1,1\nb,2024-01-01,1,1,1,1,1\n" +
			"a,2024-01-08,1,1,1,1,1\n" +
			"a,2024-01-15,1,1,1,1,1\nb,2024-01-15,1,1,1,1,1\n"
		_, _, err := Load(writeFile(t, "geo.csv", body), geoSpec)
		require.EqualError(t, err, "geo.csv: row 2, column region: geo b has no row for 1 of the panel's 3 dates: 2024-01-08")
	})
	t.Run("duplicate date and geo", func(t *testing.T) {
		body := "region,date,sales,spend_tv,spend_search,imp_search,price\n" +
			"a,2024-01-01,1,1,1,1,1\nb,2024-01-01,1,1,1,1,1\na,2024-01-01,1,1,1,1,1\n"
		_, _, err := Load(writeFile(t, "geo.csv", body), geoSpec)
		require.EqualError(t, err, "geo.csv: row 3, column date: duplicate date 2024-01-01 for geo a (also row 1)")
	})
}

// TestLoadFormats checks that Parquet and Arrow panels load like CSV ones.
func TestLoadFormats(t *testing.T) {
	csvPath := writeFile(t, "panel.csv", weeklyCSV(civil.New(2023, 1, 2), 90, 7))
	want, _, err := Load(csvPath, spec)
	require.NoError(t, err)
	tb, err := tabular.Read(csvPath, spec.columns())
	require.NoError(t, err)
	for _, ext := range []string{"parquet", "arrow"} {
		path := filepath.Join(t.TempDir(), "panel."+ext)
		require.NoError(t, tabular.Write(path, tb))
		got, _, err := Load(path, spec)
		require.NoError(t, err)
		got.Source = want.Source
		assert.Equal(t, want, got, ext)
	}
}

func TestFromTableColumns(t *testing.T) {
	tb := tabular.NewTable("mem", 2)
	tb.SetDates("date", []civil.Date{1, 8}, nil)
	tb.SetStrings("sales", []string{"a", "b"}, nil)
	_, _, err := FromTable(tb, spec)
	assert.EqualError(t, err, "mem: column sales: holds string values, want number")
	tb.SetFloats("sales", []float64{1, 2}, nil)
	_, _, err = FromTable(tb, spec)
	assert.EqualError(t, err, "mem: column spend_tv: not found; have: date, sales")
}
