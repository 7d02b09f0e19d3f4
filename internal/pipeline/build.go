package pipeline

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/budget"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// buildReport assembles the report from the inputs, the fits and the analysis.
func buildReport(in *Inputs, f *fitted, a *analysis, version string) *report.Report {
	cfg := in.Config
	p := in.Panel
	final := f.final()
	r := &report.Report{
		SchemaVersion:   report.SchemaVersion,
		Generator:       "triad " + version,
		Title:           fmt.Sprintf("triad: %s", p.KPIName),
		KPI:             p.KPIName,
		KPIType:         cfg.Model.KPIType.String(),
		Interval:        a.level,
		CalibrationMode: f.mode.String(),
		Period: report.Period{
			Start: p.Dates[0], End: p.End(), Grain: p.Grain(), Periods: len(p.Dates),
		},
		Fit: fitSection(f.alone, a.fitAlone, cfg.Sampler.Draws, f.aloneSecs),
	}
	if f.calibrated != nil {
		fc := fitSection(f.calibrated, *a.fitCal, cfg.Sampler.Draws, f.calSecs)
		r.FitCalibrated = &fc
	}

	h := a.rec.Header
	r.Header = report.Header{
		TotalKPI:          h.TotalKPI,
		TotalSpend:        sum2(p.Spend),
		MediaContribution: riv(h.MediaContribution),
		BaselineShare:     rivOrUnknown(h.BaselineShare),
		MTAAttributed:     h.MTAAttributed,
		OverClaim:         rivOrUnknown(h.OverClaim),
	}
	mroiAlone := make([]report.Interval, len(p.Channels))
	mroiCal := make([]report.Interval, len(p.Channels))
	for c := range p.Channels {
		mroiAlone[c] = riv(a.alone[c].MROI)
		if a.calibrated != nil {
			mroiCal[c] = riv(a.calibrated[c].MROI)
		}
	}
	r.Channels = reconciledChannels(a.rec, in.Offline, mroiAlone, mroiCal)
	addInputs(r, in, f, a.level)
	r.Experiments = reconciledExperiments(a.rec, in.Findings)
	for k := range r.Experiments {
		for _, t := range in.Tests {
			if t.ID == r.Experiments[k].TestID {
				r.Experiments[k].Geos = t.Geos
			}
		}
	}
	r.TestNext = suggestions(a.rec)
	suggestGeos(r.TestNext, a.rec, p, f.final(), a.level, cfg.Sampler.Seed)
	r.Summary = report.Prose(r, cfg.Model.KPIType == mmm.Count)
	if a.plan != nil {
		r.Budget = budgetSection(p.Channels, a.current, a.plan, objectiveLabel(cfg.Budget.Objective, cfg.Budget.Quantile))
		r.Summary += " " + report.BudgetSentence(r.Budget, a.level, cfg.Model.KPIType == mmm.Count)
		if t := a.target; t != nil {
			r.Budget.TargetROI = targetROISection(p.Channels, a.current, t.ROI, t.Total, &t.Plan)
		}
	}
	if in.MTA != nil {
		for _, u := range in.MTA.Unmapped {
			r.Unmapped = append(r.Unmapped, report.UnmappedChannel{Name: u.Name, Rows: u.Rows, Attributed: u.Attributed})
		}
	}
	r.Warnings = append(r.Warnings, in.Warnings...)
	r.Warnings = append(r.Warnings, in.priorWarnings(f.priorNotes)...)
	r.Priors = priorSection(f.national, f.nationalCal, f.priors, a.level)
	if f.priors != nil {
		for c := range r.Channels {
			r.Channels[c].Flags = append(r.Channels[c].Flags, f.priors.channel[c]...)
		}
		f.priors.markDriven(r.Budget)
	}
	r.Geos, r.GeoNote = geoSection(in, f, a)
	r.Charts = charts(in, final, a, r.Budget)
	return r
}

func fitSection(p posterior, fm mmm.FitMetrics, draws int, secs float64) report.Fit {
	d := p.Diagnostics()
	out := report.Fit{
		R2: fm.InSample.R2, MAPE: fm.InSample.MAPE, NRMSE: fm.InSample.NRMSE,
		RHatMax: d.RHatMax, ESSBulkMin: d.ESSBulkMin, ESSTailMin: d.ESSTailMin, EBFMIMin: d.EBFMIMin,
		Divergences: d.Divergences, TreeDepthHits: d.TreeDepthHits,
		Chains: p.Chains(), Draws: draws, Seconds: math.Round(secs*100) / 100,
		Method: p.Method(), Warnings: d.Warnings,
	}
	if p.Method() == mmm.Laplace.String() {
		out.Draws = p.Draws()
		out.RHatMax, out.ESSBulkMin, out.ESSTailMin, out.EBFMIMin = math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	if fm.Holdout != nil {
		out.Holdout = &report.Holdout{R2: fm.Holdout.R2, MAPE: fm.Holdout.MAPE, NRMSE: fm.Holdout.NRMSE, Periods: fm.Holdout.N}
	}
	return out
}

// objectiveLabel names the plan's objective as the report shows it:
// "mean" or "quantile(0.2)".
func objectiveLabel(o config.BudgetObjective, q float64) string {
	if o == config.QuantileObjective {
		return fmt.Sprintf("quantile(%g)", q)
	}
	return o.String()
}

func budgetSection(names []string, current []float64, plan *budget.Plan, objective string) *report.Budget {
	b := &report.Budget{
		Total:          plan.Total,
		Objective:      objective,
		ExpectedGain:   riv(plan.ExpectedGain),
		CurrentKPI:     riv(plan.CurrentKPI),
		RecommendedKPI: riv(plan.RecommendedKPI),
	}
	for c, name := range names {
		b.Channels = append(b.Channels, report.BudgetChannel{
			Name:            name,
			Current:         current[c],
			Recommended:     plan.Recommended[c],
			Min:             plan.Bounds[c].Min,
			Max:             plan.Bounds[c].Max,
			Locked:          plan.Bounds[c].Locked,
			MROICurrent:     riv(plan.MROICurrent[c]),
			MROIRecommended: riv(plan.MROIRecommended[c]),
		})
	}
	return b
}

// targetROISection is the target-ROI plan as the report and budget.json
// hold it, inside the budget section.
func targetROISection(names []string, current []float64, target, total float64, plan *budget.Plan) *report.TargetROI {
	b := budgetSection(names, current, plan, "target_roi")
	return &report.TargetROI{Target: target, Total: total, Channels: b.Channels, ExpectedGain: b.ExpectedGain}
}

// charts collects the series the report draws.
func charts(in *Inputs, final posterior, a *analysis, b *report.Budget) report.Charts {
	d := a.decomp
	ch := report.Charts{
		Dates: d.Dates, Actual: d.Actual, HoldoutStart: d.HoldoutStart,
		Baseline: d.Baseline, Controls: d.Controls,
	}
	for _, iv := range d.Fitted {
		ch.Fitted = append(ch.Fitted, riv(iv))
	}
	for c, name := range d.Channels {
		ch.Media = append(ch.Media, report.NamedSeries{Name: name, Values: d.Media[c]})
	}
	// Curves come from the same cached response the budget plan used, so
	// the chart's points and the plan agree exactly.
	resp := final.SpendResponse()
	draws := make([]float64, resp.Draws())
	for c, name := range in.Panel.Channels {
		cur := resp.Current(c)
		curve := report.Curve{Channel: name, CurrentSpend: cur}
		for i := range 21 {
			s := cur * float64(i) / 10
			resp.Contribution(draws, c, s)
			iv := stat.Summarize(draws, a.level)
			curve.Points = append(curve.Points, report.CurvePoint{Spend: s, Mean: iv.Mean, Lo: iv.Lo, Hi: iv.Hi})
		}
		if b != nil {
			rec := b.Channels[c].Recommended
			curve.RecommendedSpend = &rec
		}
		if !in.isOrganic(c) { // no spend, no curve in spend
			ch.ResponseCurves = append(ch.ResponseCurves, curve)
		}
		aw := report.AdstockWeights{Channel: name}
		for _, iv := range final.AdstockWeights(c, a.level) {
			aw.Weights = append(aw.Weights, riv(iv))
		}
		ch.Adstock = append(ch.Adstock, aw)
	}
	return ch
}

func sum2(v [][]float64) float64 {
	s := 0.0
	for _, x := range v {
		s += stat.Sum(x)
	}
	return s
}
