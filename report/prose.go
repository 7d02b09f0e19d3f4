package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Prose writes the report's opening paragraph in plain words from its
// channels, experiments and test suggestions: which channels are worth more
// or less than MTA says, what the tests changed and what to test next.
// count says the KPI is a count (the figure is then the cost per
// incremental KPI, not the ROI). It depends only on r, so it is
// deterministic.
func Prose(r *Report, count bool) string {
	w := proseWriter{r: r, count: count}
	var b []string
	b = append(b, w.mtaSentences()...)
	b = append(b, w.testSentences()...)
	if s := w.nextSentence(); s != "" {
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

type proseWriter struct {
	r     *Report
	count bool
}

type named struct {
	name string
	iv   Interval
}

// mtaGroups sorts the channels MTA sees by what their incrementality
// factor says.
func (w proseWriter) mtaGroups() (over, under, likelyOver, likelyUnder, fair []named) {
	for _, ch := range w.r.Channels {
		if ch.MTA == nil || !ch.MTA.IncrementalityFactor.Known() {
			continue
		}
		iv := ch.MTA.IncrementalityFactor
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
	slices.SortStableFunc(over, func(a, b named) int { return cmp.Compare(a.iv.Mean, b.iv.Mean) })
	slices.SortStableFunc(under, func(a, b named) int { return cmp.Compare(b.iv.Mean, a.iv.Mean) })
	return over, under, likelyOver, likelyUnder, fair
}

func (w proseWriter) mtaSentences() []string {
	over, under, likelyOver, likelyUnder, fair := w.mtaGroups()
	if len(over)+len(under)+len(likelyOver)+len(likelyUnder)+len(fair) == 0 {
		return []string{"MTA covers none of the channels, so only the MMM and the lift tests are compared."}
	}
	ifList := func(v []named) string {
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprintf("%s (incrementality factor %s; %s interval %s–%s)", x.name, proseNum(x.iv.Mean), prosePct(w.r.Interval), proseNum(x.iv.Lo), proseNum(x.iv.Hi))
		}
		return andList(parts)
	}
	// lead puts "MTA " before the first clause's verb.
	var clauses []string
	lead := func(verb string) string {
		if len(clauses) == 0 {
			return "MTA " + verb
		}
		return verb
	}
	if len(over) > 0 {
		clauses = append(clauses, lead("over-credits ")+ifList(over)+", which "+isAre(len(over))+" worth less than MTA says")
	}
	if len(under) > 0 {
		clauses = append(clauses, lead("under-credits ")+ifList(under)+", which "+isAre(len(under))+" worth more")
	}
	if len(likelyOver) > 0 {
		clauses = append(clauses, lead("probably over-credits ")+ifList(likelyOver)+" (the interval still includes 1)")
	}
	if len(likelyUnder) > 0 {
		clauses = append(clauses, lead("probably under-credits ")+ifList(likelyUnder)+" (the interval still includes 1)")
	}
	if len(fair) > 0 {
		names := make([]string, len(fair))
		for i, x := range fair {
			names[i] = x.name
		}
		clauses = append(clauses, lead("is about right for ")+andList(names))
	}
	ref := "the calibrated model"
	if w.r.Channels[0].Calibrated == nil {
		ref = "the MMM"
	}
	s := []string{"Measured against " + ref + ", " + andList(clauses) + "."}
	if oc := w.r.Header.OverClaim; oc.Known() {
		s = append(s, fmt.Sprintf("In total MTA attributes %s× the contribution of the channels it sees.", proseNum(oc.Mean)))
	}
	return s
}

type change struct {
	name     string
	from, to Interval
	rel      float64
}

// changes sorts the channels with a test that entered the fit into those
// whose estimate the tests moved (largest move first) and those they
// confirmed.
func (w proseWriter) changes(used map[string]bool) (moved []change, confirmed []string) {
	for _, c := range w.r.Channels {
		if !used[c.Name] || c.Calibrated == nil {
			continue
		}
		from, to := c.MMM.ROI, c.Calibrated.ROI
		if w.count {
			if c.MMM.CPIK == nil || c.Calibrated.CPIK == nil {
				continue
			}
			from, to = *c.MMM.CPIK, *c.Calibrated.CPIK
		}
		if !from.Known() || !to.Known() {
			continue
		}
		rel := math.Abs(to.Mean-from.Mean) / math.Max(math.Abs(from.Mean), 1e-300)
		// A test changed the answer when it moved the estimate by 10% or
		// narrowed its interval by a quarter; otherwise it confirmed it.
		narrowed := (to.Hi - to.Lo) <= 0.75*(from.Hi-from.Lo)
		if rel >= 0.1 || narrowed {
			moved = append(moved, change{c.Name, from, to, rel})
		} else {
			confirmed = append(confirmed, c.Name)
		}
	}
	slices.SortStableFunc(moved, func(a, b change) int { return cmp.Compare(b.rel, a.rel) })
	return moved, confirmed
}

func (w proseWriter) testSentences() []string {
	used := map[string]bool{}
	n := 0
	for _, e := range w.r.Experiments {
		if e.Used {
			used[e.Channel] = true
			n++
		}
	}
	if len(used) == 0 || w.r.Channels[0].Calibrated == nil {
		return []string{"No lift test entered the fit, so the ROI estimates rest on the MMM alone."}
	}
	moved, confirmed := w.changes(used)
	what := w.measure()
	var parts []string
	for i, c := range moved {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more", len(moved)-3))
			break
		}
		whose := "'s"
		if i == 0 {
			whose = "'s " + what
		}
		parts = append(parts, fmt.Sprintf("%s%s from %s to %s", c.name, whose, proseInterval(c.from), proseInterval(c.to)))
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
	if d := w.disagreements(); d != "" {
		s = append(s, d)
	}
	return s
}

// disagreements names the tests whose measurement the MMM alone could not
// explain (|z| > 2).
func (w proseWriter) disagreements() string {
	var dis []string
	for _, e := range w.r.Experiments {
		if e.Z != nil && hasFlag(e.Flags, FlagExperimentDisagrees) {
			dis = append(dis, fmt.Sprintf("%s on %s (z = %.1f)", e.TestID, e.Channel, *e.Z))
		}
	}
	if len(dis) > 3 {
		dis = append(dis[:3], fmt.Sprintf("%d more", len(dis)-3))
	}
	switch len(dis) {
	case 0:
		return ""
	case 1:
		return "Test " + dis[0] + " disagreed with the MMM alone."
	}
	return "Tests " + andList(dis) + " disagreed with the MMM alone."
}

func (w proseWriter) nextSentence() string {
	next := w.r.TestNext
	if len(next) == 0 {
		return ""
	}
	top := next[0]
	why := ""
	if i := strings.Index(top.Reason, ";"); i > 0 {
		why = " (" + top.Reason[:i] + ")"
	}
	s := "Test next: " + top.Channel + why
	if top.Weeks > 0 && top.ROI.Mean != 0 {
		cool := ""
		if top.CooldownWeeks > 0 {
			cool = fmt.Sprintf(" plus %d %s of cooldown", top.CooldownWeeks, plural(top.CooldownWeeks, "week"))
		}
		rel := top.ExpectedSE / math.Abs(top.ROI.Mean)
		if top.Reaches {
			s += fmt.Sprintf("; a %s geo holdout for %d weeks%s should measure its %s to about ±%s", prosePct(top.HoldoutShare), top.Weeks, cool, w.measure(), prosePct(rel))
		} else {
			s += fmt.Sprintf("; even a %s geo holdout for %d weeks%s would measure its %s only to about ±%s", prosePct(top.HoldoutShare), top.Weeks, cool, w.measure(), prosePct(rel))
		}
	}
	if len(next) > 1 {
		s += ", then " + next[1].Channel
	}
	return s + "."
}

// measure names the per-channel figure the report speaks of: ROI for a
// revenue KPI, the cost per incremental KPI for a count.
func (w proseWriter) measure() string {
	if !w.count {
		return "ROI"
	}
	if w.r.KPI == "" {
		return "cost per incremental KPI"
	}
	return "cost per incremental KPI (" + w.r.KPI + ")"
}

func hasFlag(fs []Flag, code string) bool {
	return slices.ContainsFunc(fs, func(f Flag) bool { return f.Code == code })
}
