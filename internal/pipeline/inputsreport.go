package pipeline

import (
	"slices"

	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// addInputs puts into r what the inputs keys add: ROI in revenue beside
// the cost per KPI, treatment effects against their baselines, the factor
// levels.
func addInputs(r *report.Report, in *Inputs, f *fitted, level float64) {
	ex := in.Extras
	if ex == nil {
		return
	}
	if ex.rpk != nil {
		r.RevenuePerKPI = in.revenuePerKPI()
		for c := range r.Channels {
			spend := stat.Sum(in.Panel.Spend[c])
			r.Channels[c].MMM.RevenueROI = revenueROI(f.alone, c, ex.rpk, spend, level)
			if cal := r.Channels[c].Calibrated; cal != nil && f.calibrated != nil {
				cal.RevenueROI = revenueROI(f.calibrated, c, ex.rpk, spend, level)
			}
		}
	}
	for c, fr := range ex.freq {
		if fr != nil {
			addOptimalFrequency(&r.Channels[c].MMM, f.alone, c, level)
			if f.calibrated != nil {
				addOptimalFrequency(r.Channels[c].Calibrated, f.calibrated, c, level)
			}
		}
	}
	total := stat.Sum(in.Panel.KPI)
	for j, o := range in.Config.Model.Organic {
		c := in.paidChannels() + j
		ch := r.Channels[c]
		ro := report.Organic{Name: o.Name, Column: o.Column, Units: stat.Sum(in.Panel.Impressions[c]),
			Contribution: ch.MMM.Contribution, Share: shareOf(ch.MMM.Contribution, total)}
		if ch.Calibrated != nil {
			cc, cs := ch.Calibrated.Contribution, shareOf(ch.Calibrated.Contribution, total)
			ro.CalibratedContribution, ro.CalibratedShare = &cc, &cs
		}
		r.Organic = append(r.Organic, ro)
	}
	final := f.final()
	names := f.data.ControlNames
	gp, geo := final.(*mmm.GeoPosterior)
	if geo {
		names = gp.Model().ControlNames()
	}
	draws := make([]float64, final.Draws())
	for j, t := range in.Config.Model.Treatments {
		k := slices.Index(names, t.Name)
		base := t.BaselineValue(in.treatmentRange(j, geo))
		if k < 0 || final.ControlEffectDraws(draws, k, base) != nil {
			continue
		}
		r.Treatments = append(r.Treatments, report.Treatment{Name: t.Name, Column: t.Column, Baseline: base,
			Contribution: riv(stat.Summarize(draws, level))})
	}
	r.Factors = in.factors()
}

// revenuePerKPI says how a count KPI becomes revenue; nil without
// model.revenue_per_kpi.
func (in *Inputs) revenuePerKPI() *report.RevenuePerKPI {
	if in.Extras == nil || in.Extras.rpk == nil {
		return nil
	}
	return &report.RevenuePerKPI{Column: in.Config.Model.RevenuePerKPI.Column, Mean: weightedMean(in.Extras.rpk, in.Panel.KPI)}
}

// factors lists the factor columns and their levels.
func (in *Inputs) factors() []report.Factor {
	if in.Extras == nil {
		return nil
	}
	var out []report.Factor
	for _, fc := range in.Extras.factors {
		out = append(out, report.Factor{Column: fc.column, Reference: fc.reference, Levels: slices.Clone(fc.levels)})
	}
	if in.fitsGeo() {
		// The geo model codes a factor over every geo-period.
		out = out[:0]
		for _, fc := range in.Extras.geoFactors {
			out = append(out, report.Factor{Column: fc.column, Reference: fc.reference, Levels: slices.Clone(fc.levels)})
		}
	}
	return out
}

// revenueROI is channel c's incremental revenue over spend, per draw the
// sum over periods of its contribution times that period's revenue per
// KPI; nil for a channel without spend.
func revenueROI(p posterior, c int, rpk []float64, spend, level float64) *report.Interval {
	if !(spend > 0) {
		return nil
	}
	per := p.PeriodContributions(c)
	roi := make([]float64, len(per))
	for d, row := range per {
		v := 0.0
		for t, x := range row {
			v += x * rpk[t]
		}
		roi[d] = v / spend
	}
	iv := riv(stat.Summarize(roi, level))
	return &iv
}

// weightedMean is Σ v·w / Σ w, or the plain mean when the weights sum to 0.
func weightedMean(v, w []float64) float64 {
	num, den := 0.0, 0.0
	for t := range v {
		num += v[t] * w[t]
		den += w[t]
	}
	if den == 0 {
		return stat.Sum(v) / float64(len(v))
	}
	return num / den
}

// shareOf is iv as a share of total.
func shareOf(iv report.Interval, total float64) report.Interval {
	return report.Interval{Mean: iv.Mean / total, Lo: iv.Lo / total, Hi: iv.Hi / total}
}

// revenueTestsToKPI converts tests measured in revenue into the model's
// count KPI with the revenue per KPI of their window (KPI-weighted).
func (in *Inputs) revenueTestsToKPI(tests []lift.Test) {
	rpk := in.Extras.rpk
	for k := range tests {
		t := &tests[k]
		if !t.InRevenue || rpk == nil {
			continue
		}
		p := in.Panel
		num, den := 0.0, 0.0
		for i, d := range p.Dates {
			if d.AddDays(p.StepDays-1) >= t.Start && d <= t.End {
				num += rpk[i] * p.KPI[i]
				den += p.KPI[i]
			}
		}
		r := weightedMean(rpk, p.KPI)
		if den > 0 {
			r = num / den
		}
		t.Incremental /= r
		t.SE /= r
		t.InRevenue = false
	}
}
