package panel

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

// geoCSV writes an unbalanced geo panel: geo "big" is 100× "small", both
// have n weeks; the population of big grows by 1 a week, promo is
// national and price varies by geo.
func geoCSV(n int) string {
	var b strings.Builder
	b.WriteString("region,date,sales,spend_tv,spend_search,imp_search,price,promo,pop\n")
	start := civil.New(2023, 1, 2)
	for i := n - 1; i >= 0; i-- {
		d := start.AddDays(7 * i)
		fmt.Fprintf(&b, "small,%s,%d,%d,%d,%d,%d,%d,%d\n", d, 10+i%3, 1, i, 7, 5, i%2, 1000)
		fmt.Fprintf(&b, "big,%s,%d,%d,%d,%d,%d,%d,%d\n", d, 1000+i, 100, 50, 9, 4, i%2, 100000+i)
	}
	return b.String()
}

func TestGeoPanel(t *testing.T) {
	s := spec
	s.Geo, s.Population, s.Controls = "region", "pop", []string{"price", "promo"}
	p, _, err := Load(writeFile(t, "geo.csv", geoCSV(80)), s)
	require.NoError(t, err)
	g := p.Geos
	require.NotNil(t, g)
	assert.Equal(t, []string{"big", "small"}, g.Names)
	assert.Equal(t, 2, g.Len())
	assert.Equal(t, "pop", g.PopulationColumn)
	assert.Empty(t, g.Note)
	for tt := 0; tt < p.Len(); tt++ {
		// Every geo is on the national periods, and they sum to the nation.
		assert.Equal(t, p.KPI[tt], g.KPI[0][tt]+g.KPI[1][tt])
		assert.Equal(t, float64(1000+tt), g.KPI[0][tt])
		assert.Equal(t, float64(tt), g.Spend[1][1][tt])
		assert.Equal(t, 9.0, g.Impressions[0][1][tt])
		assert.Equal(t, float64(100000+tt), g.Population[0][tt], "per-period population")
		assert.Equal(t, 1000.0, g.Population[1][tt])
		assert.Equal(t, 4.0, g.Controls[0][0][tt])
	}
	assert.Nil(t, g.Impressions[0][0])
	assert.Equal(t, []bool{false, true}, g.NationalControl, "price by geo, promo national")
	assert.InDelta(t, 100039.5, g.MeanPopulation(0), 1e-9)
	k, ok := g.Index("small")
	assert.True(t, ok)
	assert.Equal(t, 1, k)
	_, ok = g.Index("atlantis")
	assert.False(t, ok)
	// Spend between two days, pro rata as nationally.
	from, to := p.Dates[2], p.Dates[3].AddDays(2)
	assert.InDelta(t, 2+3*3.0/7, g.SpendBetween(p, 1, 1, from, to), 1e-12)
	assert.InDelta(t, p.SpendBetween(1, from, to), g.SpendBetween(p, 0, 1, from, to)+g.SpendBetween(p, 1, 1, from, to), 1e-9)
	assert.Equal(t, []int{159, 158}, []int{g.Rows[0][0], g.Rows[1][0]}, "rows point into the file")
}

func TestGeoPanelWithoutPopulation(t *testing.T) {
	s := spec
	s.Geo = "region"
	p, warn, err := Load(writeFile(t, "geo.csv", geoCSV(80)), s)
	require.NoError(t, err)
	// Summing to national is unchanged: the same one warning as ever.
	assert.Len(t, warn, 1)
	assert.Equal(t, PopulationNote, p.Geos.Note)
	assert.InDelta(t, 1039.5, p.Geos.Population[0][5], 1e-9, "big: its mean KPI")
	assert.InDelta(t, 11, p.Geos.Population[1][0], 0.1, "small: its mean KPI")
}

func TestGeoPanelErrors(t *testing.T) {
	s := spec
	s.Geo, s.Population = "region", "pop"
	head := "region,date,sales,spend_tv,spend_search,imp_search,price,pop\n"
	for _, c := range []struct{ body, want string }{
		{"a,2024-01-01,1,1,1,1,1,0\n", "geo.csv: row 1, column pop: population 0: want a positive number"},
		{"a,2024-01-01,1,1,1,1,1,\n", "geo.csv: row 1, column pop: missing population"},
		{"a,2024-01-01,1,1,1,1,1,5\nb,2024-01-01,1,1,1,1,1,5\na,2024-01-08,1,1,1,1,1,5\na,2024-01-15,1,1,1,1,1,5\n" +
			"c,2024-01-15,1,1,1,1,1,5\n",
			"geo.csv: row 2, column region: geo b has no row for 2 of the panel's 3 dates: 2024-01-08, 2024-01-15 (geos missing dates too: c)"},
	} {
		_, _, err := Load(writeFile(t, "geo.csv", head+c.body), s)
		assert.EqualError(t, err, c.want)
	}
	bad := s
	bad.Population = "sales"
	_, _, err := Load(writeFile(t, "geo.csv", head), bad)
	assert.ErrorContains(t, err, "is the KPI (model.kpi) and the population")
	bad = spec
	bad.Population = "pop"
	_, _, err = Load(writeFile(t, "geo.csv", head), bad)
	assert.ErrorContains(t, err, "a population column needs a geo column")

	// Without a population, a geo of zero KPI cannot be scaled.
	s.Population = ""
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < 80; i++ {
		d := civil.New(2023, 1, 2).AddDays(7 * i)
		fmt.Fprintf(&b, "a,%s,5,1,1,1,1,1\nz,%s,0,1,1,1,1,1\n", d, d)
	}
	_, _, err = Load(writeFile(t, "geo.csv", b.String()), s)
	assert.ErrorContains(t, err, "geo z has a mean KPI of 0")
}
