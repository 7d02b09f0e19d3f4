package report

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/triad-mmm/triad/stat"
)

// Portfolio file names (triad gather).
const (
	PortfolioJSONFile     = "portfolio.json"
	PortfolioMarkdownFile = "portfolio.md"
	PortfolioHTMLFile     = "portfolio.html"
)

// Run statuses in a portfolio.
const (
	RunOK              = "ok"
	RunPoorConvergence = "poor_convergence" // R̂ > 1.05, bulk ESS < 100 or divergences
	RunFailed          = "failed"           // the last attempt failed (its error is given)
	RunIncomplete      = "incomplete"       // no complete output and no record of a failure
)

// Portfolio is many runs' results side by side (triad gather): ROI and
// marginal ROI by run × channel, the channels whose ROI differs between
// runs beyond the intervals, the runs that failed or converged poorly, and
// the combined budget view. NewPortfolio fills the derived parts.
type Portfolio struct {
	SchemaVersion string `json:"schema_version"`
	Generator     string `json:"generator"`
	// Interval is the runs' credible level when they share one (NaN: they
	// do not).
	Interval float64 `json:"interval"`
	// GroupBy is the template variable within whose values runs are
	// compared (empty: all runs together).
	GroupBy     string                `json:"group_by,omitempty"`
	Runs        []PortfolioRun        `json:"runs"`
	Differences []ChannelDifference   `json:"differences"`
	Budget      []PortfolioBudgetView `json:"budget"`
	Warnings    []string              `json:"warnings"`
}

// PortfolioRun is one run of the portfolio.
type PortfolioRun struct {
	Name   string            `json:"name"`
	Status string            `json:"status"`
	Error  string            `json:"error,omitempty"`
	Vars   map[string]string `json:"vars,omitempty"`
	// KPI and KPIType are the run's; Model says whose estimates Channels
	// hold: "calibrated" (with lift tests) or "mmm" (alone).
	KPI     string `json:"kpi,omitempty"`
	KPIType string `json:"kpi_type,omitempty"`
	Model   string `json:"model,omitempty"`
	// Convergence is the fit's diagnostics; nil without a fit.
	Convergence *RunConvergence    `json:"convergence"`
	Channels    []PortfolioChannel `json:"channels"`
}

// RunConvergence is a run's convergence summary.
type RunConvergence struct {
	Method      string   `json:"method"`
	RHatMax     float64  `json:"rhat_max"`
	ESSBulkMin  float64  `json:"ess_bulk_min"`
	Divergences int      `json:"divergences"`
	Problems    []string `json:"problems"`
}

// PortfolioChannel is one channel of one run.
type PortfolioChannel struct {
	Name  string   `json:"name"`
	Spend float64  `json:"spend"`
	ROI   Interval `json:"roi"`
	MROI  Interval `json:"mroi"`
}

// ChannelDifference is a channel whose ROI differs between runs of a group
// beyond their intervals: the lowest upper end lies below the highest
// lower end.
type ChannelDifference struct {
	Group   string `json:"group,omitempty"`
	KPI     string `json:"kpi"`
	Channel string `json:"channel"`
	// Runs is the number of runs with the channel; Apart the pairs of them
	// whose intervals do not overlap.
	Runs  int `json:"runs"`
	Apart int `json:"pairs_apart"`
	// Highest is the run with the highest lower end, Lowest the run with
	// the lowest upper end.
	Highest RunROI `json:"highest"`
	Lowest  RunROI `json:"lowest"`
	// Above and Below are the runs whose interval lies wholly above or
	// below the median of the runs' means.
	Median float64  `json:"median_roi"`
	Above  []string `json:"above_median"`
	Below  []string `json:"below_median"`
}

// RunROI is a run's ROI for one channel.
type RunROI struct {
	Run string   `json:"run"`
	ROI Interval `json:"roi"`
}

// PortfolioBudgetView ranks every run × channel of one KPI by marginal
// ROI: the first entry is where the next unit of money earns most.
type PortfolioBudgetView struct {
	KPI     string        `json:"kpi"`
	KPIType string        `json:"kpi_type"`
	Entries []BudgetEntry `json:"entries"`
}

// BudgetEntry is one run × channel of a budget view.
type BudgetEntry struct {
	Run     string   `json:"run"`
	Channel string   `json:"channel"`
	Spend   float64  `json:"spend"`
	MROI    Interval `json:"mroi"`
	// Verdict: "more" when the whole mROI interval is above 1 (for revenue
	// KPIs: the next unit returns more than it costs), "less" when it is
	// below 1, "unclear" otherwise; empty for count KPIs.
	Verdict string `json:"verdict,omitempty"`
}

// NewPortfolio sorts runs by name (CompareNames: brand2 before brand10) and derives the differences and the
// budget view; groupBy names the variable within whose values runs are
// compared (empty: all together).
func NewPortfolio(generator, groupBy string, interval float64, runs []PortfolioRun, warnings []string) *Portfolio {
	runs = slices.Clone(runs)
	slices.SortFunc(runs, func(a, b PortfolioRun) int { return CompareNames(a.Name, b.Name) })
	p := &Portfolio{SchemaVersion: SchemaVersion, Generator: generator, Interval: interval, GroupBy: groupBy, Runs: runs, Warnings: warnings}
	p.Differences = differences(runs, groupBy)
	p.Budget = budgetViews(runs)
	return p
}

// estimated reports whether a run has estimates to compare.
func (r PortfolioRun) estimated() bool {
	return r.Status == RunOK || r.Status == RunPoorConvergence
}

func differences(runs []PortfolioRun, groupBy string) []ChannelDifference {
	// Runs of different KPIs are never compared.
	type key struct{ group, kpi, channel string }
	byKey := map[key][]RunROI{}
	var keys []key
	for _, r := range runs {
		if !r.estimated() {
			continue
		}
		g := ""
		if groupBy != "" {
			g = r.Vars[groupBy]
		}
		for _, c := range r.Channels {
			if !c.ROI.Known() || !stat.Finite(c.ROI.Lo) || !stat.Finite(c.ROI.Hi) {
				continue
			}
			k := key{g, r.KPI, c.Name}
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], RunROI{Run: r.Name, ROI: c.ROI})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(CompareNames(a.group, b.group), cmp.Compare(a.kpi, b.kpi), cmp.Compare(a.channel, b.channel))
	})
	var out []ChannelDifference
	for _, k := range keys {
		if d, ok := difference(byKey[k]); ok {
			d.Group, d.KPI, d.Channel = k.group, k.kpi, k.channel
			out = append(out, d)
		}
	}
	return out
}

// difference compares one channel's ROI across runs (in name order).
func difference(rs []RunROI) (ChannelDifference, bool) {
	if len(rs) < 2 {
		return ChannelDifference{}, false
	}
	d := ChannelDifference{Runs: len(rs), Highest: rs[0], Lowest: rs[0]}
	means := make([]float64, len(rs))
	for i, r := range rs {
		means[i] = r.ROI.Mean
		if r.ROI.Lo > d.Highest.ROI.Lo {
			d.Highest = r
		}
		if r.ROI.Hi < d.Lowest.ROI.Hi {
			d.Lowest = r
		}
		for _, o := range rs[:i] {
			if r.ROI.Lo > o.ROI.Hi || o.ROI.Lo > r.ROI.Hi {
				d.Apart++
			}
		}
	}
	if d.Apart == 0 {
		return ChannelDifference{}, false
	}
	slices.Sort(means)
	d.Median = stat.Quantile(means, 0.5)
	for _, r := range rs {
		switch {
		case r.ROI.Lo > d.Median:
			d.Above = append(d.Above, r.Run)
		case r.ROI.Hi < d.Median:
			d.Below = append(d.Below, r.Run)
		}
	}
	return d, true
}

func budgetViews(runs []PortfolioRun) []PortfolioBudgetView {
	var views []PortfolioBudgetView
	index := map[[2]string]int{}
	for _, r := range runs {
		if !r.estimated() {
			continue
		}
		k := [2]string{r.KPI, r.KPIType}
		i, ok := index[k]
		if !ok {
			i = len(views)
			index[k] = i
			views = append(views, PortfolioBudgetView{KPI: r.KPI, KPIType: r.KPIType})
		}
		for _, c := range r.Channels {
			e := BudgetEntry{Run: r.Name, Channel: c.Name, Spend: c.Spend, MROI: c.MROI}
			if r.KPIType != KPICount {
				e.Verdict = verdict(c.MROI)
			}
			views[i].Entries = append(views[i].Entries, e)
		}
	}
	for _, v := range views {
		// Highest marginal ROI first; unknown last; ties by run, channel.
		slices.SortStableFunc(v.Entries, func(a, b BudgetEntry) int {
			am, bm := orLow(a.MROI.Mean), orLow(b.MROI.Mean)
			if c := cmp.Compare(bm, am); c != 0 {
				return c
			}
			return cmp.Or(CompareNames(a.Run, b.Run), cmp.Compare(a.Channel, b.Channel))
		})
	}
	sort.SliceStable(views, func(i, j int) bool {
		return views[i].KPI < views[j].KPI || views[i].KPI == views[j].KPI && views[i].KPIType < views[j].KPIType
	})
	return views
}

func orLow(x float64) float64 {
	if !stat.Finite(x) {
		return math.Inf(-1)
	}
	return x
}

func verdict(m Interval) string {
	switch {
	case !m.Known() || !stat.Finite(m.Lo) || !stat.Finite(m.Hi):
		return ""
	case m.Lo > 1:
		return "more"
	case m.Hi < 1:
		return "less"
	}
	return "unclear"
}
