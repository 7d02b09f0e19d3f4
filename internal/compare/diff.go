package compare

import (
	"fmt"
	"math"
	"slices"

	"github.com/triad-mmm/triad/report"
)

// Diff compares the run after with the run before it. The fit compared is
// the calibrated one when both runs have it, else the MMM alone. Causes
// are named but not measured (their roi_change is null where more than
// one cause is possible); Attribute measures them from refits.
func Diff(before, after *Run) *report.Diff {
	ra, rb := after.Report, before.Report
	d := &report.Diff{
		SchemaVersion: report.DiffSchemaVersion,
		Generator:     ra.Generator,
		KPI:           ra.KPI, KPIType: ra.KPIType, Interval: ra.Interval,
		Before: ref(before), After: ref(after),
		Fit: fitOf(before, after),
	}
	d.PeriodsAdded, d.PeriodsDropped = periodsAdded(rb.Period, ra.Period)
	d.SpendAdded = spendAdded(rb, ra)
	d.TestsAdded, d.TestsRemoved = testsAdded(rb, ra, d.Fit)
	d.FlagsAppeared, d.FlagsGone = flagChanges(rb, ra)
	d.BudgetChanges = budgetChanges(rb.Budget, ra.Budget)
	d.InputsChanged = inputsChanged(before, after)
	d.ConfigChanged = configChanged(before, after)
	d.Channels = channelChanges(before, after, d)
	if before.Fits == nil || after.Fits == nil {
		d.Notes = append(d.Notes, "a run has no posterior.parquet (made by an older triad): probability_changed and roi_change are null")
	}
	if d.Fit == fitAlone && (rb.FitCalibrated != nil || ra.FitCalibrated != nil) {
		d.Notes = append(d.Notes, "only one run is calibrated by lift tests: the MMM alone is compared")
	}
	return d
}

const (
	fitAlone      = "mmm"
	fitCalibrated = "calibrated"
)

func fitOf(before, after *Run) string {
	if before.Report.FitCalibrated != nil && after.Report.FitCalibrated != nil {
		return fitCalibrated
	}
	return fitAlone
}

func ref(r *Run) report.RunRef {
	out := report.RunRef{Dir: r.Dir, Period: r.Report.Period, Version: r.Report.Generator}
	if m := r.Manifest; m != nil {
		out.Version, out.Seed = m.Version, m.Seed
	}
	return out
}

// periodsAdded counts the periods of after beyond before's end and the
// periods of before missing at after's start, in before's periods.
func periodsAdded(b, a report.Period) (added, dropped int) {
	if b.Periods == 0 || a.Periods == 0 {
		return a.Periods - b.Periods, 0
	}
	days := float64(b.End-b.Start+1) / float64(b.Periods)
	added = int(math.Round(float64(a.End-b.End) / days))
	dropped = int(math.Round(float64(a.Start-b.Start) / days))
	return added, dropped
}

func spendAdded(b, a *report.Report) report.SpendAdded {
	var out report.SpendAdded
	old := map[string]float64{}
	for _, c := range b.Channels {
		old[c.Name] = c.Spend
	}
	for _, c := range a.Channels {
		s := report.ChannelSpend{Name: c.Name, Before: old[c.Name], After: c.Spend, Added: c.Spend - old[c.Name]}
		out.Channels = append(out.Channels, s)
		out.Total += s.Added
	}
	return out
}

// estimates returns the estimates of fit for channel c.
func estimates(c report.Channel, fit string) report.ChannelEstimates {
	if fit == fitCalibrated && c.Calibrated != nil {
		return *c.Calibrated
	}
	return c.MMM
}

func channelChanges(before, after *Run, d *report.Diff) []report.ChannelChange {
	old := map[string]report.Channel{}
	for _, c := range before.Report.Channels {
		old[c.Name] = c
	}
	var out []report.ChannelChange
	for _, c := range after.Report.Channels {
		o, ok := old[c.Name]
		if !ok {
			d.Notes = append(d.Notes, fmt.Sprintf("channel %s is new: nothing to compare it with", c.Name))
			continue
		}
		cc := report.ChannelChange{Name: c.Name, Before: estimates(o, d.Fit), After: estimates(c, d.Fit)}
		col := "roi_total[" + c.Name + "]"
		cc.ROIChange, cc.ProbabilityChanged, cc.Direction = change(before.Fits[d.Fit][col], after.Fits[d.Fit][col], d.Interval)
		if !cc.ROIChange.Known() {
			cc.ROIChange.Mean = cc.After.ROI.Mean - cc.Before.ROI.Mean
		}
		cc.RelativeChange = cc.ROIChange.Mean / cc.Before.ROI.Mean
		cc.Causes = causes(c.Name, cc.ROIChange, d)
		out = append(out, cc)
	}
	for _, c := range before.Report.Channels {
		if !slices.ContainsFunc(after.Report.Channels, func(x report.Channel) bool { return x.Name == c.Name }) {
			d.Notes = append(d.Notes, fmt.Sprintf("channel %s is gone from the new run", c.Name))
		}
	}
	return out
}

// causes names the candidate causes of a channel's change: the added
// periods, the new tests on the channel, a changed configuration. A sole
// cause carries the whole change.
func causes(channel string, total report.Interval, d *report.Diff) []report.Cause {
	var out []report.Cause
	if d.PeriodsAdded != 0 || d.PeriodsDropped != 0 || dataChanged(d) {
		out = append(out, report.Cause{Cause: report.CauseNewData, ROIChange: report.Unknown,
			Message: fmt.Sprintf("%d periods added, %d dropped", d.PeriodsAdded, d.PeriodsDropped)})
	}
	if len(d.TestsAdded) > 0 || len(d.TestsRemoved) > 0 {
		c := report.Cause{Cause: report.CauseNewTests, ROIChange: report.Unknown}
		for _, t := range d.TestsAdded {
			if t.Channel == channel {
				c.Tests = append(c.Tests, t.TestID)
			}
		}
		c.Message = fmt.Sprintf("%d tests on this channel among %d added, %d removed", len(c.Tests), len(d.TestsAdded), len(d.TestsRemoved))
		out = append(out, c)
	}
	if len(d.ConfigChanged) > 0 {
		out = append(out, report.Cause{Cause: report.CauseConfig, ROIChange: report.Unknown,
			Message: fmt.Sprintf("%d configuration keys changed", len(d.ConfigChanged))})
	}
	if len(out) == 1 {
		out[0].ROIChange = total
	}
	return out
}

// dataChanged reports whether the panel's content differs although its
// period may not (restated history).
func dataChanged(d *report.Diff) bool {
	for _, in := range d.InputsChanged {
		if in.Key == "data.panel" {
			return true
		}
	}
	return false
}
