package report

import (
	"fmt"
	"math"
	"strings"
)

// diffSection is one titled table of a comparison, rendered alike in
// diff.md, diff.html and a report's "Since last quarter" section.
type diffSection struct {
	ID, Title, Intro string
	Table            table
}

// diffSummary is the comparison's first paragraph.
func diffSummary(d *Diff) string {
	var moved []string
	for _, c := range d.Channels {
		if c.ProbabilityChanged >= 0.9 {
			moved = append(moved, fmt.Sprintf("%s %s (%s → %s, P = %s)", c.Name, c.Direction,
				formatSig(c.Before.ROI.Mean), formatSig(c.After.ROI.Mean), formatSig(c.ProbabilityChanged)))
		}
	}
	s := fmt.Sprintf("%d periods added (%s to %s), %s of media spend added, %d lift tests added.",
		d.PeriodsAdded, d.Before.Period.End, d.After.Period.End, formatCompact(d.SpendAdded.Total), len(d.TestsAdded))
	if len(moved) == 0 {
		return s + " No channel's ROI moved with probability 0.9 or more."
	}
	return s + " ROI moved with probability ≥ 0.9: " + strings.Join(moved, "; ") + "."
}

func diffSections(d *Diff) []diffSection {
	level := fmt.Sprintf("%.0f%%", 100*d.Interval)
	out := []diffSection{{ID: "since-channels", Title: "Channels",
		Intro: fmt.Sprintf("ROI, marginal ROI and contribution of the %s fit, before → after, with %s intervals. "+
			"The change is after − before from the two runs' draws; P is the probability that the ROI moved in the direction shown (0.5: no evidence of a move).", fitName(d.Fit), level),
		Table: diffChannelTable(d)}}
	if t := diffCauseTable(d); len(t.Rows) > 0 {
		intro := "What moved each channel's ROI. A change with several possible causes is split only by refits (triad diff --attribute); n/a means not measured."
		if a := d.Attribution; a != nil {
			intro = fmt.Sprintf("What moved each channel's ROI, measured by %d refits (%s; %.1f s).", len(a.Refits), strings.Join(a.Refits, ", "), a.Seconds)
		}
		out = append(out, diffSection{ID: "since-causes", Title: "Causes", Intro: intro, Table: t})
	}
	if len(d.TestsAdded) > 0 {
		out = append(out, diffSection{ID: "since-tests", Title: "Lift tests added",
			Intro: "Each new test's measured iROAS and the tested channel's ROI before and after; 'toward' says whether the ROI moved toward the measurement.",
			Table: diffTestTable(d)})
	}
	if t := diffSpendTable(d); len(t.Rows) > 0 {
		out = append(out, diffSection{ID: "since-spend", Title: "Spend added", Intro: "Media spend over each run's panel.", Table: t})
	}
	if len(d.FlagsAppeared)+len(d.FlagsGone) > 0 {
		out = append(out, diffSection{ID: "since-flags", Title: "Flags", Intro: "Flags that appeared or went away.", Table: diffFlagTable(d)})
	}
	if len(d.BudgetChanges) > 0 {
		out = append(out, diffSection{ID: "since-budget", Title: "Budget plan", Intro: "Recommended spend before and after; the share change is in points of the total budget.", Table: diffBudgetTable(d)})
	}
	if len(d.InputsChanged)+len(d.ConfigChanged) > 0 {
		out = append(out, diffSection{ID: "since-inputs", Title: "Inputs and settings", Intro: "Input files whose content changed and configuration keys whose value changed.", Table: diffInputTable(d)})
	}
	return out
}

func fitName(fit string) string {
	if fit == "calibrated" {
		return "calibrated"
	}
	return "MMM-alone"
}

func arrow(a, b Interval, f func(float64) string) string {
	return formatInterval(a, f) + " → " + formatInterval(b, f)
}

func diffChannelTable(d *Diff) table {
	t := table{Head: []string{"channel", "ROI", "change", "P(moved)", "mROI", "contribution"}, Align: "lrrrrr"}
	for _, c := range d.Channels {
		p := notAvailable
		if !math.IsNaN(c.ProbabilityChanged) {
			p = formatSig(c.ProbabilityChanged) + " " + c.Direction
		}
		t.Rows = append(t.Rows, []string{c.Name, arrow(c.Before.ROI, c.After.ROI, formatSig),
			formatInterval(c.ROIChange, formatSig) + " (" + signedPct(c.RelativeChange) + ")", p,
			arrow(c.Before.MROI, c.After.MROI, formatSig), arrow(c.Before.Contribution, c.After.Contribution, formatCompact)})
	}
	return t
}

func diffCauseTable(d *Diff) table {
	t := table{Head: []string{"channel", "cause", "ROI change", "detail"}, Align: "llrl"}
	for _, c := range d.Channels {
		for _, k := range c.Causes {
			detail := k.Message
			if len(k.Tests) > 0 {
				detail += ": " + strings.Join(k.Tests, ", ")
			}
			t.Rows = append(t.Rows, []string{c.Name, k.Cause, formatInterval(k.ROIChange, formatSig), detail})
		}
	}
	return t
}

func diffTestTable(d *Diff) table {
	t := table{Head: []string{"test", "channel", "window", "measured iROAS", "ROI before → after", "toward", "contradicts"}, Align: "lllrrll"}
	for _, e := range d.TestsAdded {
		toward := notAvailable
		if e.Toward != nil {
			toward = map[bool]string{true: "yes", false: "no"}[*e.Toward]
		}
		id := e.TestID
		if !e.Used {
			id += " (not used)"
		}
		t.Rows = append(t.Rows, []string{id, e.Channel, e.Start.String() + " – " + e.End.String(),
			formatInterval(e.MeasuredIROAS, formatSig), arrow(e.ROIBefore, e.ROIAfter, formatSig), toward, strings.Join(e.Contradicts, ", ")})
	}
	for _, id := range d.TestsRemoved {
		t.Notes = append(t.Notes, note{id, "", "in the old run, not in the new one"})
	}
	return t
}

func diffSpendTable(d *Diff) table {
	t := table{Head: []string{"channel", "before", "after", "added"}, Align: "lrrr"}
	for _, c := range d.SpendAdded.Channels {
		t.Rows = append(t.Rows, []string{c.Name, formatCompact(c.Before), formatCompact(c.After), formatCompact(c.Added)})
	}
	if len(t.Rows) > 0 {
		t.Rows = append(t.Rows, []string{"total", "", "", formatCompact(d.SpendAdded.Total)})
	}
	return t
}

func diffFlagTable(d *Diff) table {
	t := table{Head: []string{"channel", "flag", "", "message"}, Align: "llll"}
	for _, f := range d.FlagsAppeared {
		t.Rows = append(t.Rows, []string{f.Channel, f.Code, "appeared", f.Message})
	}
	for _, f := range d.FlagsGone {
		t.Rows = append(t.Rows, []string{f.Channel, f.Code, "gone", f.Message})
	}
	return t
}

func diffBudgetTable(d *Diff) table {
	t := table{Head: []string{"channel", "current before → after", "recommended before → after", "share change"}, Align: "lrrr"}
	for _, b := range d.BudgetChanges {
		t.Rows = append(t.Rows, []string{b.Name, formatCompact(b.CurrentBefore) + " → " + formatCompact(b.CurrentAfter),
			formatCompact(b.RecommendedBefore) + " → " + formatCompact(b.RecommendedAfter), fmt.Sprintf("%+.1f pts", 100*b.ShareChange)})
	}
	return t
}

func diffInputTable(d *Diff) table {
	t := table{Head: []string{"input or key", "before", "after"}, Align: "lrr"}
	for _, in := range d.InputsChanged {
		t.Rows = append(t.Rows, []string{in.Key, fmt.Sprintf("%d rows", in.RowsBefore), fmt.Sprintf("%d rows (sha256 %.12s)", in.RowsAfter, in.SHA256)})
	}
	for _, c := range d.ConfigChanged {
		t.Rows = append(t.Rows, []string{c.Key, fmt.Sprint(c.Before), fmt.Sprint(c.After)})
	}
	return t
}
