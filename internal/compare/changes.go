package compare

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"

	"github.com/triad-mmm/triad/report"
)

// testsAdded lists the experiments of a whose test ids b lacks, with the
// tested channel's ROI in both runs (fit fit) and whether it moved toward
// the measurement, and the ids of b's tests that a lacks.
func testsAdded(b, a *report.Report, fit string) ([]report.TestAdded, []string) {
	old := map[string]bool{}
	for _, e := range b.Experiments {
		old[e.TestID] = true
	}
	roi := func(r *report.Report, ch string) report.Interval {
		for _, c := range r.Channels {
			if c.Name == ch {
				return estimates(c, fit).ROI
			}
		}
		return report.Unknown
	}
	var added []report.TestAdded
	now := map[string]bool{}
	for _, e := range a.Experiments {
		now[e.TestID] = true
		if old[e.TestID] {
			continue
		}
		t := report.TestAdded{TestID: e.TestID, Channel: e.Channel, Start: e.Start, End: e.End,
			MeasuredIROAS: e.MeasuredIROAS, Used: e.Used, ROIBefore: roi(b, e.Channel), ROIAfter: roi(a, e.Channel)}
		if t.ROIBefore.Known() && t.ROIAfter.Known() && e.MeasuredIROAS.Known() {
			toward := math.Abs(t.ROIAfter.Mean-e.MeasuredIROAS.Mean) < math.Abs(t.ROIBefore.Mean-e.MeasuredIROAS.Mean)
			t.Toward = &toward
		}
		t.Contradicts = contradicted(e, a.Experiments, a.Interval)
		added = append(added, t)
	}
	var removed []string
	for _, e := range b.Experiments {
		if !now[e.TestID] {
			removed = append(removed, e.TestID)
		}
	}
	return added, removed
}

// contradicted lists the other tests on e's channel that ended before e
// did and whose measured iROAS differs from e's by more than two standard
// errors of the difference (each test's SE from its interval at level).
func contradicted(e report.Experiment, all []report.Experiment, level float64) []string {
	var out []string
	for _, o := range all {
		if o.TestID == e.TestID || o.Channel != e.Channel || o.End > e.End {
			continue
		}
		if z, ok := ContradictionZ(o.MeasuredIROAS, e.MeasuredIROAS, level); ok && math.Abs(z) > 2 {
			out = append(out, o.TestID)
		}
	}
	return out
}

// ContradictionZ is (b − a) / sqrt(se_a² + se_b²) for two measurements
// given as central intervals at level.
func ContradictionZ(a, b report.Interval, level float64) (float64, bool) {
	z := normalQuantile((1 + level) / 2)
	sa, sb := (a.Hi-a.Lo)/(2*z), (b.Hi-b.Lo)/(2*z)
	s := math.Hypot(sa, sb)
	if !(s > 0) || !a.Known() || !b.Known() {
		return 0, false
	}
	return (b.Mean - a.Mean) / s, true
}

// normalQuantile is the standard normal quantile.
func normalQuantile(p float64) float64 {
	return -math.Sqrt2 * math.Erfcinv(2*p)
}

func flagChanges(b, a *report.Report) (appeared, gone []report.FlagChange) {
	ib, ia := flagIndex(b), flagIndex(a)
	return missingFrom(ia, ib), missingFrom(ib, ia)
}

type flagKey struct{ channel, code string }

func flagIndex(r *report.Report) map[flagKey]string {
	m := map[flagKey]string{}
	for _, c := range r.Channels {
		for _, f := range c.Flags {
			m[flagKey{c.Name, f.Code}] = f.Message
		}
	}
	return m
}

// missingFrom lists the flags of x that y lacks, by channel and code.
func missingFrom(x, y map[flagKey]string) []report.FlagChange {
	out := []report.FlagChange{}
	for k, msg := range x {
		if _, ok := y[k]; !ok {
			out = append(out, report.FlagChange{Channel: k.channel, Code: k.code, Message: msg})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Channel < out[j].Channel || out[i].Channel == out[j].Channel && out[i].Code < out[j].Code
	})
	return out
}

func budgetChanges(b, a *report.Budget) []report.BudgetChange {
	if b == nil || a == nil {
		return nil
	}
	old := map[string]report.BudgetChannel{}
	for _, c := range b.Channels {
		old[c.Name] = c
	}
	var out []report.BudgetChange
	for _, c := range a.Channels {
		o, ok := old[c.Name]
		if !ok {
			continue
		}
		out = append(out, report.BudgetChange{Name: c.Name, CurrentBefore: o.Current, CurrentAfter: c.Current,
			RecommendedBefore: o.Recommended, RecommendedAfter: c.Recommended,
			ShareChange: c.Recommended/a.Total - o.Recommended/b.Total})
	}
	return out
}

func inputsChanged(before, after *Run) []report.InputChange {
	if before.Manifest == nil || after.Manifest == nil {
		return nil
	}
	old := map[string]int{}
	for i, in := range before.Manifest.Inputs {
		old[in.Key] = i
	}
	var out []report.InputChange
	for _, in := range after.Manifest.Inputs {
		c := report.InputChange{Key: in.Key, RowsAfter: in.Rows, SHA256: in.SHA256}
		if i, ok := old[in.Key]; ok {
			o := before.Manifest.Inputs[i]
			if o.SHA256 == in.SHA256 {
				continue
			}
			c.RowsBefore = o.Rows
		}
		out = append(out, c)
	}
	return out
}

// configChanged lists the configuration keys whose values differ, data
// paths and the output directory aside (they differ every quarter).
func configChanged(before, after *Run) []report.ConfigChange {
	if before.Manifest == nil || after.Manifest == nil {
		return nil
	}
	fb, fa := map[string]any{}, map[string]any{}
	flatten(fb, "", before.Manifest.Config)
	flatten(fa, "", after.Manifest.Config)
	var keys []string
	for k := range fa {
		keys = append(keys, k)
	}
	for k := range fb {
		if _, ok := fa[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []report.ConfigChange
	for _, k := range keys {
		if k == "data.panel" || k == "data.lift_tests" || k == "data.mta" || k == "output.dir" {
			continue
		}
		if !reflect.DeepEqual(fb[k], fa[k]) {
			out = append(out, report.ConfigChange{Key: k, Before: fb[k], After: fa[k]})
		}
	}
	return out
}

// flatten writes the leaves of a nested config map under dotted keys;
// list elements are indexed (model.channels[0].max_lag).
func flatten(dst map[string]any, prefix string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			flatten(dst, key, e)
		}
	case []any:
		for i, e := range x {
			flatten(dst, fmt.Sprintf("%s[%d]", prefix, i), e)
		}
	default:
		dst[prefix] = v
	}
}
