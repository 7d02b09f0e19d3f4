package report

import (
	"fmt"
	"strings"
)

// table is a rendered-to-text table shared by the Markdown and HTML
// writers, so both always show the same numbers.
type table struct {
	Head  []string
	Rows  [][]string
	Align string // one 'l' or 'r' per column
	// Notes are the flag messages that belong under the table.
	Notes []note
}

// note is a flag message about a named row.
type note struct{ Subject, Code, Message string }

func keyNumbersTable(r *Report) table {
	h := r.Header
	kpi := r.KPI
	if kpi == "" {
		kpi = "KPI"
	}
	over := notAvailable
	if h.OverClaim.Known() {
		over = formatInterval(h.OverClaim, formatSig) + "×"
	}
	t := table{Head: []string{"", ""}, Align: "ll", Rows: [][]string{
		{"Total " + kpi, formatCompact(h.TotalKPI)},
		{"Total media spend", formatCompact(h.TotalSpend)},
		{"Media contribution", formatInterval(h.MediaContribution, formatCompact)},
		{"Baseline share", formatInterval(h.BaselineShare, formatShortPct)},
		{"Σ MTA attributed", formatCompact(h.MTAAttributed)},
		{"MTA over-claim (attributed / caused)", over},
		{"Fit, MMM alone", r.Fit.fitText()},
		{"Convergence, MMM alone", r.Fit.convergenceText()},
	}}
	if f := r.FitCalibrated; f != nil {
		t.Rows = append(t.Rows, []string{"Fit, calibrated", f.fitText()}, []string{"Convergence, calibrated", f.convergenceText()})
	}
	for _, w := range r.Fit.Warnings {
		t.Notes = append(t.Notes, note{"MMM alone", "", w})
	}
	if r.FitCalibrated != nil {
		for _, w := range r.FitCalibrated.Warnings {
			t.Notes = append(t.Notes, note{"calibrated", "", w})
		}
	}
	return t
}

func channelTable(r *Report) table {
	eff, marg := r.effName(), r.marginalName()
	t := table{
		Head:  []string{"channel", "spend", eff + " MMM alone", eff + " calibrated", marg + " calibrated", "contribution calibrated", r.mtaEffName(), "IF", "flags"},
		Align: "lrrrrrrrl",
	}
	for _, c := range r.Channels {
		name := c.Name
		if c.Offline != nil && *c.Offline {
			name += " (offline)"
		}
		row := []string{name, formatCompact(c.Spend), formatInterval(r.efficiency(c.Spend, c.MMM), formatSig)}
		if c.Calibrated != nil {
			row = append(row,
				formatInterval(r.efficiency(c.Spend, *c.Calibrated), formatSig),
				formatInterval(r.marginalEff(c.Calibrated.MROI), formatSig),
				formatInterval(c.Calibrated.Contribution, formatCompact))
		} else {
			row = append(row, notAvailable,
				formatInterval(r.marginalEff(c.MMM.MROI), formatSig)+" (MMM alone)",
				formatInterval(c.MMM.Contribution, formatCompact)+" (MMM alone)")
		}
		if c.MTA != nil {
			row = append(row, formatSig(r.mtaEff(c.MTA)), formatInterval(c.MTA.IncrementalityFactor, formatSig))
		} else {
			row = append(row, "–", "–")
		}
		row = append(row, flagCodes(c.Flags))
		t.Rows = append(t.Rows, row)
		for _, f := range c.Flags {
			t.Notes = append(t.Notes, note{c.Name, f.Code, f.Message})
		}
	}
	return withRevenueROI(r, t)
}

func quarterTable(r *Report) table {
	t := table{
		Head:  []string{"channel", "quarter", "spend", "contribution MMM alone", "contribution calibrated", "MTA attributed", "IF"},
		Align: "llrrrrr",
	}
	for _, c := range r.Channels {
		for _, q := range c.Quarters {
			cal := notAvailable
			if q.CalibratedContribution != nil {
				cal = formatInterval(*q.CalibratedContribution, formatCompact)
			}
			mta, ifc := "–", "–"
			if c.MTA != nil {
				mta = formatCompact(q.MTAAttributed)
				ifc = intervalPtr(q.IncrementalityFactor, formatSig)
			}
			t.Rows = append(t.Rows, []string{c.Name, q.Quarter, formatCompact(q.Spend),
				formatInterval(q.MMMContribution, formatCompact), cal, mta, ifc})
		}
	}
	return t
}

// testMetricName is what an experiment measures in the report's terms.
func (r *Report) testMetricName() string {
	if r.isCount() {
		return "CPIK"
	}
	return "iROAS"
}

func experimentTable(r *Report) table {
	name := r.testMetricName()
	t := table{
		Head:  []string{"test", "channel", "window", "spend", "measured " + name, "MMM alone", "calibrated", "z", "used", "IF", "flags"},
		Align: "lllrrrrrlrl",
	}
	for _, e := range r.Experiments {
		measured, alone, cal := formatInterval(r.iroasEff(e.MeasuredIROAS), formatSig), formatInterval(r.iroasEff(e.MMMIROAS), formatSig), notAvailable
		if e.CalibratedIROAS != nil {
			cal = formatInterval(r.iroasEff(*e.CalibratedIROAS), formatSig)
		}
		if e.MMMContribution != nil {
			// An organic channel's test measured its contribution.
			measured, alone = "contribution "+formatInterval(e.MeasuredIncremental, formatCompact), formatInterval(*e.MMMContribution, formatCompact)
			if e.CalibratedContribution != nil {
				cal = formatInterval(*e.CalibratedContribution, formatCompact)
			}
		}
		ifc := "–" // no MTA data for the test's channel
		if e.IncrementalityFactor != nil {
			ifc = formatInterval(*e.IncrementalityFactor, formatSig)
		}
		t.Rows = append(t.Rows, []string{e.TestID, e.Channel, fmt.Sprintf("%s – %s", e.Start, e.End), formatCompact(e.Spend),
			measured, alone, cal,
			formatPtr(e.Z), yesNo(e.Used), ifc, flagCodes(e.Flags)})
		for _, f := range e.Flags {
			t.Notes = append(t.Notes, note{e.TestID, f.Code, f.Message})
		}
	}
	return t
}

// suggestion is a "test next" entry as a sentence.
type suggestion struct {
	Rank             int
	Channel, Message string
}

// testNextItems are the "test next" suggestions as sentences.
func testNextItems(r *Report) []suggestion {
	var out []suggestion
	for i, s := range r.TestNext {
		rank := s.Rank
		if rank == 0 {
			rank = i + 1
		}
		msg := s.Reason
		if s.Weeks > 0 {
			msg = strings.TrimSuffix(msg, ".") + fmt.Sprintf(". Suggested test: hold out %s of its spend for %d weeks; expected standard error of the %s ≈ %s.",
				formatShortPct(s.HoldoutShare), s.Weeks, r.testMetricName(), formatSig(s.ExpectedSE))
		}
		if len(s.Geos) > 0 && s.GeoCorrelation != nil {
			msg += fmt.Sprintf(" Hold out in geos %s (pre-period correlation with the other geos %s).",
				strings.Join(s.Geos, ", "), formatSig(*s.GeoCorrelation))
		}
		out = append(out, suggestion{Rank: rank, Channel: s.Channel, Message: msg})
	}
	return out
}

// budgetSentence summarises the budget section in one line.
func budgetSentence(r *Report) string {
	b := r.Budget
	s := fmt.Sprintf("Total %s, objective: %s. Expected gain in %s: %s; media contribution %s → %s.",
		formatCompact(b.Total), b.Objective, r.KPI, formatInterval(b.ExpectedGain, formatCompact),
		formatInterval(b.CurrentKPI, formatCompact), formatInterval(b.RecommendedKPI, formatCompact))
	if t := b.TargetROI; t != nil {
		s += fmt.Sprintf(" The largest budget whose marginal return stays at or above %s %s per unit of spend is %s.",
			formatSig(t.Target), r.KPI, formatCompact(t.Total))
	}
	return s
}

func budgetTable(r *Report) table {
	marg := r.marginalName()
	t := table{
		Head:  []string{"channel", "current", "recommended", "change", "bounds", marg + " now", marg + " after"},
		Align: "lrrrrrr",
	}
	for _, c := range r.Budget.Channels {
		change := notAvailable
		if c.Current > 0 {
			change = signedPct(c.Recommended/c.Current - 1)
		}
		bounds := formatCompact(c.Min) + "–" + formatCompact(c.Max)
		switch {
		case c.PriorDriven && c.Locked:
			bounds = "locked (prior-driven)"
		case c.Locked:
			bounds = "locked"
		}
		t.Rows = append(t.Rows, []string{c.Name, formatCompact(c.Current), formatCompact(c.Recommended), change, bounds,
			formatInterval(r.marginalEff(c.MROICurrent), formatSig), formatInterval(r.marginalEff(c.MROIRecommended), formatSig)})
	}
	return t
}

func unmappedTable(r *Report) table {
	t := table{Head: []string{"MTA channel", "rows", "attributed"}, Align: "lrr"}
	for _, u := range r.Unmapped {
		t.Rows = append(t.Rows, []string{u.Name, fmt.Sprint(u.Rows), formatCompact(u.Attributed)})
	}
	return t
}

func diagnosticsTable(r *Report) table {
	t := table{Head: []string{"", "MMM alone"}, Align: "lr"}
	fits := []*Fit{&r.Fit}
	if r.FitCalibrated != nil {
		t.Head = append(t.Head, "calibrated")
		t.Align += "r"
		fits = append(fits, r.FitCalibrated)
	}
	add := func(label string, f func(*Fit) string) {
		row := []string{label}
		for _, fit := range fits {
			row = append(row, f(fit))
		}
		t.Rows = append(t.Rows, row)
	}
	add("method", func(f *Fit) string { return f.Method })
	add("R²", func(f *Fit) string { return formatShort(f.R2) })
	add("MAPE", func(f *Fit) string { return formatShortPct(f.MAPE) })
	add("NRMSE", func(f *Fit) string { return formatShort(f.NRMSE) })
	hold := func(g func(*Holdout) string) func(*Fit) string {
		return func(f *Fit) string {
			if f.Holdout == nil {
				return "–"
			}
			return g(f.Holdout)
		}
	}
	add("holdout periods", hold(func(h *Holdout) string { return fmt.Sprint(h.Periods) }))
	add("holdout R²", hold(func(h *Holdout) string { return formatShort(h.R2) }))
	add("holdout MAPE", hold(func(h *Holdout) string { return formatShortPct(h.MAPE) }))
	add("R̂ max", func(f *Fit) string { return formatRHat(f.RHatMax) })
	add("bulk ESS min", func(f *Fit) string { return formatSig(f.ESSBulkMin) })
	add("tail ESS min", func(f *Fit) string { return formatSig(f.ESSTailMin) })
	add("E-BFMI min", func(f *Fit) string { return formatShort(f.EBFMIMin) })
	add("divergences", func(f *Fit) string { return fmt.Sprint(f.Divergences) })
	add("tree-depth hits", func(f *Fit) string { return fmt.Sprint(f.TreeDepthHits) })
	add("chains × draws", func(f *Fit) string { return fmt.Sprintf("%d × %d", f.Chains, f.Draws) })
	add("seconds", func(f *Fit) string { return formatSig(f.Seconds) })
	return t
}
