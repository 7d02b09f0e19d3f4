package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func iv(mean, lo, hi float64) Interval { return Interval{Mean: mean, Lo: lo, Hi: hi} }

func pRun(name, market string, tv, search, tvM, searchM Interval) PortfolioRun {
	return PortfolioRun{
		Name: name, Status: RunOK, KPI: "revenue", KPIType: KPIRevenue, Model: "mmm",
		Vars: map[string]string{"brand": strings.Split(name, "-")[0], "market": market},
		Channels: []PortfolioChannel{
			{Name: "tv", Spend: 100, ROI: tv, MROI: tvM},
			{Name: "search", Spend: 50, ROI: search, MROI: searchM},
		},
	}
}

func testPortfolio(groupBy string) *Portfolio {
	runs := []PortfolioRun{
		pRun("b-fr", "fr", iv(3, 2.5, 3.5), iv(1, 0.5, 1.5), iv(2.5, 2, 3), iv(0.5, 0.2, 0.8)),
		pRun("a-fr", "fr", iv(1, 0.8, 1.2), iv(1.1, 0.6, 1.6), iv(0.7, 0.4, 0.9), iv(0.9, 0.3, 1.5)),
		pRun("a-de", "de", iv(1.1, 0.9, 1.3), iv(1.2, 0.5, 1.9), iv(0.8, 0.5, 1.1), Unknown),
		pRun("b-de", "de", iv(2.8, 2.6, 3.0), iv(0.9, 0.4, 1.4), iv(1.5, 1.2, 1.9), iv(0.6, 0.3, 0.9)),
		{Name: "c-it", Status: RunFailed, Error: "panel.csv: no such file"},
		{Name: "c-es", Status: RunIncomplete},
	}
	return NewPortfolio("triad test", groupBy, 0.9, runs, nil)
}

func TestPortfolioDifferencesAndBudget(t *testing.T) {
	p := testPortfolio("")
	var names []string
	for _, r := range p.Runs {
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"a-de", "a-fr", "b-de", "b-fr", "c-es", "c-it"}, names)

	// tv: a-* (about 1) against b-* (about 3): the four a×b pairs are apart;
	// search overlaps everywhere.
	require.Len(t, p.Differences, 1)
	d := p.Differences[0]
	assert.Equal(t, "tv", d.Channel)
	assert.Equal(t, 4, d.Runs)
	assert.Equal(t, 4, d.Apart)
	assert.Equal(t, "b-de", d.Highest.Run, "the highest lower end")
	assert.Equal(t, "a-fr", d.Lowest.Run)
	assert.InDelta(t, 1.95, d.Median, 1e-12)
	assert.Equal(t, []string{"b-de", "b-fr"}, d.Above)
	assert.Equal(t, []string{"a-de", "a-fr"}, d.Below)

	require.Len(t, p.Budget, 1)
	e := p.Budget[0].Entries
	require.Len(t, e, 8)
	assert.Equal(t, BudgetEntry{Run: "b-fr", Channel: "tv", Spend: 100, MROI: iv(2.5, 2, 3), Verdict: "more"}, e[0])
	assert.Equal(t, "b-de", e[1].Run)
	assert.Equal(t, "a-fr/search", e[2].Run+"/"+e[2].Channel)
	assert.Equal(t, "unclear", e[2].Verdict)
	assert.Equal(t, "less", e[5].Verdict) // b-de search 0.6 (0.3–0.9)
	assert.Equal(t, "a-de/search", e[7].Run+"/"+e[7].Channel, "unknown mROI last")
	assert.Equal(t, "", e[7].Verdict)

	// Within each brand the markets agree: no difference.
	assert.Empty(t, testPortfolio("brand").Differences)
	// Within each market the brands differ on tv.
	byMarket := testPortfolio("market").Differences
	require.Len(t, byMarket, 2)
	assert.Equal(t, []string{"de", "fr"}, []string{byMarket[0].Group, byMarket[1].Group})
}

func TestPortfolioPages(t *testing.T) {
	p := testPortfolio("")
	var j, md, h bytes.Buffer
	require.NoError(t, WritePortfolioJSON(&j, p))
	require.NoError(t, WritePortfolioMarkdown(&md, p))
	require.NoError(t, WritePortfolioHTML(&h, p))
	assert.NotContains(t, j.String(), "NaN")
	assert.Contains(t, j.String(), `"mroi": null`)
	assert.Contains(t, j.String(), `"pairs_apart": 4`)
	for _, s := range []string{md.String(), h.String()} {
		assert.Contains(t, s, "6 runs, 4 ok, 1 failed, 1 incomplete")
		assert.Contains(t, s, "c-it: failed: panel.csv: no such file")
		assert.Contains(t, s, "c-es: no complete output")
		assert.Contains(t, s, "3.00 (2.50–3.50)")
		assert.Contains(t, s, "The next unit of money earns most on tv in b-fr")
	}
	assert.Contains(t, md.String(), "| tv | 4 | 4 | b-de 2.80 (2.60–3.00) | a-fr 1.00 (0.800–1.20) | 1.95 | b-de, b-fr | a-de, a-fr |")
	assert.Contains(t, h.String(), "<svg")
	assert.NotContains(t, h.String(), `href="http`, "self-contained")
	assert.NotContains(t, h.String(), `src=`, "self-contained")

	// A hostile run name is escaped in every page.
	p = NewPortfolio("", "", 0.9, []PortfolioRun{{Name: "<script>x</script>", Status: RunFailed, Error: "<b>"}}, nil)
	h.Reset()
	md.Reset()
	require.NoError(t, WritePortfolioHTML(&h, p))
	require.NoError(t, WritePortfolioMarkdown(&md, p))
	assert.NotContains(t, h.String(), "<script>")
	assert.Contains(t, md.String(), `\<script>`)
	assert.Contains(t, md.String(), "No run has estimates.")
	assert.Contains(t, h.String(), "No run has estimates.")
}

func TestPortfolioRunsInNaturalOrder(t *testing.T) {
	tv, s := iv(1, 0.5, 1.5), iv(1, 0.5, 1.5)
	var runs []PortfolioRun
	for _, n := range []string{"brand10", "brand2", "brand1", "brand100", "brand9"} {
		runs = append(runs, pRun(n, "m"+n[5:], tv, s, tv, s))
	}
	p := NewPortfolio("", "", 0.9, runs, nil)
	var names []string
	for _, r := range p.Runs {
		names = append(names, r.Name)
	}
	want := []string{"brand1", "brand2", "brand9", "brand10", "brand100"}
	assert.Equal(t, want, names)
	// Equal mROIs tie, and the budget view lists them in the same order.
	var budget []string
	for _, e := range p.Budget[0].Entries {
		if e.Channel == "tv" {
			budget = append(budget, e.Run)
		}
	}
	assert.Equal(t, want, budget)
	var md bytes.Buffer
	require.NoError(t, WritePortfolioMarkdown(&md, p))
	at := func(name string) int { return strings.Index(md.String(), "| "+name+" |") }
	for i := 1; i < len(want); i++ {
		assert.Less(t, at(want[i-1]), at(want[i]), "%s before %s in the page", want[i-1], want[i])
	}
}
