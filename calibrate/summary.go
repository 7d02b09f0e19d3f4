package calibrate

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/mmm"
)

// summary writes the report's opening paragraph in plain words: which
// channels are worth more or less than MTA says, what the tests changed and
// what to test next. It depends only on the results, so it is deterministic.
func summary(in Input, r *Result) string {
	var b []string
	b = append(b, mtaSentence(in, r)...)
	b = append(b, testSentences(in, r)...)
	if s := nextSentence(in, r); s != "" {
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

type named struct {
	name string
	iv   Interval
}

func mtaSentence(in Input, r *Result) []string {
	var over, under, likelyOver, likelyUnder, fair []named
	for _, ch := range r.Channels {
		if ch.MTA == nil || ch.MTA.IF == nil {
			continue
		}
		iv := *ch.MTA.IF
		switch {
		case iv.Hi < 1:
			over = append(over, named{ch.Name, iv})
		case iv.Lo > 1:
			under = append(under, named{ch.Name, iv})
		// The interval includes 1, but a central estimate far from it is
		// still the best guess an analyst has; "about right" would hide it.
		case iv.Mean < 0.8:
			likelyOver = append(likelyOver, named{ch.Name, iv})
		case iv.Mean > 1.25:
			likelyUnder = append(likelyUnder, named{ch.Name, iv})
		default:
			fair = append(fair, named{ch.Name, iv})
		}
	}
	if len(over)+len(under)+len(likelyOver)+len(likelyUnder)+len(fair) == 0 {
		return []string{"MTA covers none of the channels, so only the MMM and the lift tests are compared."}
	}
	sortBy := func(v []named, asc bool) {
		slices.SortStableFunc(v, func(a, b named) int {
			if asc {
				return cmpFloat(a.iv.Mean, b.iv.Mean)
			}
			return cmpFloat(b.iv.Mean, a.iv.Mean)
		})
	}
	sortBy(over, true)
	sortBy(under, false)
	ifList := func(v []named) string {
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprintf("%s (incrementality factor %s; %s interval %s–%s)", x.name, num(x.iv.Mean), pct(in.Level), num(x.iv.Lo), num(x.iv.Hi))
		}
		return andList(parts)
	}
	ref := "the calibrated model"
	if r.Channels[0].Calibrated == nil {
		ref = "the MMM"
	}
	var clauses []string
	if len(over) > 0 {
		clauses = append(clauses, "MTA over-credits "+ifList(over)+", which "+isAre(len(over))+" worth less than MTA says")
	}
	if len(under) > 0 {
		verb := "under-credits "
		if len(over) == 0 {
			verb = "MTA under-credits "
		}
		clauses = append(clauses, verb+ifList(under)+", which "+isAre(len(under))+" worth more")
	}
	for _, g := range []struct {
		v    []named
		verb string
	}{{likelyOver, "probably over-credits "}, {likelyUnder, "probably under-credits "}} {
		if len(g.v) == 0 {
			continue
		}
		verb := g.verb
		if len(clauses) == 0 {
			verb = "MTA " + verb
		}
		clauses = append(clauses, verb+ifList(g.v)+" (the interval still includes 1)")
	}
	if len(fair) > 0 {
		names := make([]string, len(fair))
		for i, x := range fair {
			names[i] = x.name
		}
		verb := "is about right for "
		if len(clauses) == 0 {
			verb = "MTA is about right for "
		}
		clauses = append(clauses, verb+andList(names))
	}
	s := []string{"Measured against " + ref + ", " + andList(clauses) + "."}
	if oc := r.Header.OverClaim; oc != nil {
		s = append(s, fmt.Sprintf("In total MTA attributes %s× the contribution of the channels it sees.", num(oc.Mean)))
	}
	return s
}

func testSentences(in Input, r *Result) []string {
	used := map[string]bool{}
	for _, e := range r.Experiments {
		if e.Used {
			used[e.Channel] = true
		}
	}
	if len(used) == 0 || r.Channels[0].Calibrated == nil {
		return []string{"No lift test entered the fit, so the ROI estimates rest on the MMM alone."}
	}
	type change struct {
		name     string
		from, to Interval
		rel      float64
		moved    bool
	}
	var ch []change
	var confirmed []string
	for _, c := range r.Channels {
		if !used[c.Name] {
			continue
		}
		from, to := c.MMM.ROI, c.Calibrated.ROI
		if in.KPIType == mmm.Count {
			from, to = c.MMM.CPIK, c.Calibrated.CPIK
		}
		if from == nil || to == nil {
			continue
		}
		rel := math.Abs(to.Mean-from.Mean) / math.Max(math.Abs(from.Mean), 1e-300)
		// A test changed the answer when it moved the estimate by 10% or
		// narrowed its interval by a quarter; otherwise it confirmed it.
		narrowed := (to.Hi - to.Lo) <= 0.75*(from.Hi-from.Lo)
		if rel >= 0.1 || narrowed {
			ch = append(ch, change{c.Name, *from, *to, rel, true})
		} else {
			confirmed = append(confirmed, c.Name)
		}
	}
	slices.SortStableFunc(ch, func(a, b change) int { return cmpFloat(b.rel, a.rel) })
	what := kpiMeasure(in)
	var parts []string
	for i, c := range ch {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more", len(ch)-3))
			break
		}
		if i == 0 {
			parts = append(parts, fmt.Sprintf("%s's %s from %s to %s", c.name, what, intervalText(c.from), intervalText(c.to)))
		} else {
			parts = append(parts, fmt.Sprintf("%s's from %s to %s", c.name, intervalText(c.from), intervalText(c.to)))
		}
	}
	n := 0
	for _, e := range r.Experiments {
		if e.Used {
			n++
		}
	}
	tests := "The lift test"
	if n > 1 {
		tests = fmt.Sprintf("The %d lift tests", n)
	}
	var s []string
	switch {
	case len(parts) > 0 && len(confirmed) > 0:
		s = append(s, fmt.Sprintf("%s moved %s, and confirmed the MMM's estimate for %s.", tests, andList(parts), andList(confirmed)))
	case len(parts) > 0:
		s = append(s, fmt.Sprintf("%s moved %s.", tests, andList(parts)))
	case len(confirmed) > 0:
		s = append(s, fmt.Sprintf("%s confirmed the MMM's %s for %s.", tests, what, andList(confirmed)))
	}
	var dis []string
	for _, e := range r.Experiments {
		if e.Disagrees {
			dis = append(dis, fmt.Sprintf("%s on %s (z = %.1f)", e.TestID, e.Channel, *e.Z))
		}
	}
	if len(dis) > 3 {
		dis = append(dis[:3], fmt.Sprintf("%d more", len(dis)-3))
	}
	switch len(dis) {
	case 0:
	case 1:
		s = append(s, "Test "+dis[0]+" disagreed with the MMM alone.")
	default:
		s = append(s, "Tests "+andList(dis)+" disagreed with the MMM alone.")
	}
	return s
}

func nextSentence(in Input, r *Result) string {
	if len(r.TestNext) == 0 {
		return ""
	}
	top := r.TestNext[0]
	why := ""
	if i := strings.Index(top.Reason, ";"); i > 0 {
		why = " (" + top.Reason[:i] + ")"
	}
	what := kpiMeasure(in)
	s := "Test next: " + top.Channel + why
	if d := top.Design; d.Weeks > 0 && top.ROI.Mean != 0 {
		cool := ""
		if d.CooldownWeeks > 0 {
			cool = fmt.Sprintf(" plus %d %s of cooldown", d.CooldownWeeks, plural(d.CooldownWeeks, "week"))
		}
		rel := d.ExpectedSE / math.Abs(top.ROI.Mean)
		if d.Reaches {
			s += fmt.Sprintf("; a %s geo holdout for %d weeks%s should measure its %s to about ±%s", pct(d.HoldoutShare), d.Weeks, cool, what, pct(rel))
		} else {
			s += fmt.Sprintf("; even a %s geo holdout for %d weeks%s would measure its %s only to about ±%s", pct(d.HoldoutShare), d.Weeks, cool, what, pct(rel))
		}
	}
	if len(r.TestNext) > 1 {
		s += ", then " + r.TestNext[1].Channel
	}
	return s + "."
}

// kpiMeasure names the per-channel figure the report speaks of: ROI for a
// revenue KPI, the cost per incremental KPI for a count.
func kpiMeasure(in Input) string {
	if in.KPIType != mmm.Count {
		return "ROI"
	}
	if in.KPIName == "" {
		return "cost per incremental KPI"
	}
	return "cost per incremental KPI (" + in.KPIName + ")"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// andList joins "a", "a and b", "a, b and c".
func andList(v []string) string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return v[0]
	}
	return strings.Join(v[:len(v)-1], ", ") + " and " + v[len(v)-1]
}
