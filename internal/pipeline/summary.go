package pipeline

import (
	"path/filepath"
	"slices"

	"github.com/triad-mmm/triad/mta"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// DataSummary describes the inputs for `triad validate` and
// data_summary.txt: what a user checks before spending time on a fit.
// report.DataSummary.Text writes its words.
func (in *Inputs) DataSummary() *report.DataSummary {
	p := in.Panel
	s := &report.DataSummary{
		Panel:    filepath.Base(p.Source),
		Period:   report.Period{Start: p.Dates[0], End: p.End(), Grain: p.Grain(), Periods: len(p.Dates)},
		KPI:      p.KPIName,
		KPITotal: stat.Sum(p.KPI),
		Controls: p.ControlNames,
		HasTests: in.Config.Data.LiftTests != "",
		Warnings: len(in.Warnings),
	}
	for c, name := range p.Channels {
		s.Channels = append(s.Channels, in.dataChannel(c, name))
	}
	if in.Config.Model.Window.IsSet() {
		s.Window = &report.DataWindow{Before: in.window.before, After: in.window.after}
	}
	if ex := in.Extras; ex != nil {
		s.RevenuePerKPI = in.revenuePerKPI()
		s.Factors = in.factors()
		for j, t := range in.Config.Model.Treatments {
			lo, hi := slices.Min(ex.treatments[j]), slices.Max(ex.treatments[j])
			s.Treatments = append(s.Treatments, report.DataTreatment{Name: t.Name, Column: t.Column,
				Baseline: t.BaselineValue(lo, hi), Min: lo, Max: hi})
		}
	}
	if s.HasTests {
		s.Calibration = in.Config.CalibrationMode().String()
		for _, t := range in.Tests {
			s.Tests = append(s.Tests, report.DataTest{ID: t.ID, Channel: t.Channel, Start: t.Start, End: t.End,
				Spend: t.Spend, Incremental: t.Incremental, SE: t.SE, SESource: t.SESource.String(), Include: t.Include})
		}
	}
	if a := in.MTA; a != nil {
		s.MTA = dataMTA(filepath.Base(in.Config.Data.MTA), a)
	}
	return s
}

// dataChannel is channel c's spend, MTA visibility and drive.
func (in *Inputs) dataChannel(c int, name string) report.DataChannel {
	p := in.Panel
	dc := report.DataChannel{Name: name, Spend: stat.Sum(p.Spend[c]), Offline: in.Offline[c]}
	if in.MTA != nil {
		dc.Attributed = stat.Sum(in.MTA.Attributed[c])
	}
	if c < len(p.Impressions) && p.Impressions[c] != nil {
		in.reachData(c, &dc)
		dc.HasUnits, dc.Units = true, stat.Sum(p.Impressions[c])
		if in.isOrganic(c) {
			dc.Organic, dc.UnitsColumn = true, in.Config.Model.Organic[c-in.paidChannels()].Column
		} else {
			dc.UnitsColumn = in.Config.Model.Channels[c].Impressions
		}
	}
	return dc
}

func dataMTA(file string, a *mta.Aggregate) *report.DataMTA {
	d := &report.DataMTA{File: file, Rows: a.Rows, Campaigns: a.Campaigns,
		OutsideRows: a.OutsideRows, OutsideAttributed: a.OutsideAttributed}
	for _, v := range a.Attributed {
		if stat.Sum(v) != 0 {
			d.Mapped++
		}
	}
	for _, u := range a.Unmapped {
		d.Unmapped = append(d.Unmapped, report.DataUnmapped{Name: u.Name, Rows: u.Rows, Attributed: u.Attributed})
	}
	return d
}
