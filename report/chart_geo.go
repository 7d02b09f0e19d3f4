package report

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// geoROICharts draws, per channel, each geo's ROI (CPIK for a count KPI)
// with its interval, biggest geos first, against the national estimate.
func geoROICharts(r *Report) []string {
	if len(r.Geos) == 0 {
		return nil
	}
	eff := r.effName()
	geos := r.geosBySize()
	var out []string
	for _, ch := range r.Channels {
		var groups []dotGroup
		for _, g := range geos {
			for _, c := range g.Channels {
				if c.Name != ch.Name {
					continue
				}
				e := r.efficiency(c.Spend, ChannelEstimates{ROI: c.ROI, Contribution: c.Contribution})
				groups = append(groups, dotGroup{name: g.Name, rows: []dotRow{{g.Name, e, colCalibrated, "dot"}}})
			}
		}
		if len(groups) == 0 {
			continue
		}
		est := ch.MMM
		if ch.Calibrated != nil {
			est = *ch.Calibrated
		}
		var refs []float64
		var labels []string
		if national := r.efficiency(ch.Spend, est); stat.Finite(national.Mean) {
			refs, labels = append(refs, national.Mean), append(labels, "national")
		}
		if !r.isCount() {
			refs, labels = append(refs, 1), append(labels, "break-even")
		}
		items := []legendItem{{"geo " + eff + " (" + r.levelText() + " interval)", "dot", colCalibrated}}
		if s := dotChart(eff+" of "+ch.Name+" by geo", eff, groups, refs, labels, items); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// geoFitChart draws each geo's in-sample R², biggest geos first.
func geoFitChart(r *Report) string {
	var groups []dotGroup
	for _, g := range r.geosBySize() {
		if g.Fit == nil {
			continue
		}
		groups = append(groups, dotGroup{name: g.Name, rows: []dotRow{{g.Name + " R²", Point(g.Fit.R2), colMMM, "dot"}}})
	}
	if len(groups) == 0 {
		return ""
	}
	return dotChart("Fit by geo", "R² of the fit in the geo", groups, []float64{1}, []string{"perfect fit"},
		[]legendItem{{"R²", "dot", colMMM}})
}

// geoTestChart draws each geo test's measured iROAS against what the
// models predict for exactly its geos, window and carryover.
func geoTestChart(r *Report) string {
	var groups []dotGroup
	for _, e := range r.geoExperiments() {
		name := fmt.Sprintf("%s %s (%d geos)", e.TestID, e.Channel, len(e.Geos))
		g := dotGroup{name: name, rows: []dotRow{
			{"measured " + strings.Join(e.Geos, ", "), r.iroasEff(e.MeasuredIROAS), colExperiment, "diamond"},
			{"MMM alone for its geos", r.iroasEff(e.MMMIROAS), colMMM, "dot"},
		}}
		if e.CalibratedIROAS != nil {
			g.rows = append(g.rows, dotRow{"calibrated MMM for its geos", r.iroasEff(*e.CalibratedIROAS), colCalibrated, "dot"})
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return ""
	}
	items := []legendItem{{"measured in the treated geos", "diamond", colExperiment}, {"MMM alone", "dot", colMMM}, {"calibrated MMM", "dot", colCalibrated}}
	metric := r.testMetricName()
	return dotChart("Geo tests against the model's prediction for their geos", metric, groups, nil, nil, items)
}
