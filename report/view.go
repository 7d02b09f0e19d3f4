package report

import (
	"fmt"
	"strings"
)

// The renderers speak ROI for a revenue KPI and cost per incremental KPI
// for a count KPI; these helpers pick the number and the words once.

func (r *Report) isCount() bool { return r.KPIType == KPICount }

// effName is the headline efficiency metric's name.
func (r *Report) effName() string {
	if r.isCount() {
		return "CPIK"
	}
	return "ROI"
}

func (r *Report) marginalName() string {
	if r.isCount() {
		return "mCPIK"
	}
	return "mROI"
}

func (r *Report) mtaEffName() string {
	if r.isCount() {
		return "MTA CPA"
	}
	return "MTA ROAS"
}

// efficiency is ROI, or CPIK (spend / contribution) for a count KPI.
func (r *Report) efficiency(spend float64, e ChannelEstimates) Interval {
	if !r.isCount() {
		return e.ROI
	}
	if e.CPIK != nil {
		return *e.CPIK
	}
	return e.Contribution.Per(spend)
}

// marginalEff is mROI, or the marginal cost per incremental KPI 1/mROI.
func (r *Report) marginalEff(m Interval) Interval {
	if !r.isCount() {
		return m
	}
	return m.Per(1)
}

// iroasEff turns a test's iROAS into the report's metric.
func (r *Report) iroasEff(iv Interval) Interval {
	if !r.isCount() {
		return iv
	}
	return iv.Per(1)
}

// mtaEff is MTA ROAS, or spend per attributed KPI for a count KPI.
func (r *Report) mtaEff(m *MTAEstimates) float64 {
	if !r.isCount() {
		return m.ROAS
	}
	return Interval{Mean: m.ROAS}.Per(1).Mean
}

// levelText is "90%".
func (r *Report) levelText() string {
	if !(r.Interval > 0 && r.Interval < 1) {
		return "credible"
	}
	return formatShortPct(r.Interval)
}

func (r *Report) title() string {
	if r.Title != "" {
		return r.Title
	}
	if r.KPI != "" {
		return "triad report: " + r.KPI
	}
	return "triad report"
}

// periodText is "2022-01-03 – 2024-12-23 (156 weekly periods)".
func (r *Report) periodText() string {
	p := r.Period
	if p.Periods == 0 && p.Start == 0 && p.End == 0 {
		return notAvailable
	}
	grain := p.Grain
	switch grain {
	case "week":
		grain = "weekly"
	case "day":
		grain = "daily"
	}
	s := fmt.Sprintf("%s – %s (%d %s periods", p.Start, p.End, p.Periods, grain)
	if len(p.Geos) > 0 {
		s += fmt.Sprintf(", %d geos", len(p.Geos))
	}
	return s + ")"
}

func (f *Fit) fitText() string {
	s := fmt.Sprintf("R² %s, MAPE %s, NRMSE %s", formatShort(f.R2), formatShortPct(f.MAPE), formatShort(f.NRMSE))
	if h := f.Holdout; h != nil {
		s += fmt.Sprintf("; holdout (%d periods) R² %s, MAPE %s", h.Periods, formatShort(h.R2), formatShortPct(h.MAPE))
	}
	return s
}

func (f *Fit) convergenceText() string {
	var parts []string
	if f.Method == "laplace" {
		parts = append(parts, "MAP + Laplace approximation")
	} else {
		parts = append(parts, "R̂ max "+formatRHat(f.RHatMax), "bulk ESS min "+formatSig(f.ESSBulkMin))
		parts = append(parts, fmt.Sprintf("%d divergences", f.Divergences))
	}
	parts = append(parts, fmt.Sprintf("%d chains × %d draws", f.Chains, f.Draws), formatSig(f.Seconds)+" s")
	return strings.Join(parts, ", ")
}

func flagCodes(fs []Flag) string {
	codes := make([]string, len(fs))
	for i, f := range fs {
		codes[i] = f.Code
	}
	return strings.Join(codes, ", ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func formatPtr(p *float64) string {
	if p == nil {
		return notAvailable
	}
	return formatSig(*p)
}

func intervalPtr(p *Interval, f func(float64) string) string {
	if p == nil {
		return notAvailable
	}
	return formatInterval(*p, f)
}

// colorOf is a channel's colour, the same in every chart.
func (r *Report) colorOf(name string) string {
	for j, ch := range r.Channels {
		if ch.Name == name {
			return channelColor(j)
		}
	}
	return "#888888"
}

// shorten cuts a label to n runes with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
