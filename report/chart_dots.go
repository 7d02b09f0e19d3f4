package report

import (
	"math"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// dotRow is one estimate in a dot-and-whisker chart.
type dotRow struct {
	label string // method, test id, …
	iv    Interval
	color string
	kind  string // dot | diamond
}

// dotGroup is a channel's rows.
type dotGroup struct {
	name string
	rows []dotRow
}

// dotChart draws groups of horizontal dot-and-whisker rows on one shared
// x axis with reference lines, for comparisons such as ROI by method.
func dotChart(title, xTitle string, groups []dotGroup, refs []float64, refLabels []string, items []legendItem) string {
	const rowH, gap = 15.0, 12.0
	var maxMean, lo, hi float64
	nrows := 0
	for _, g := range groups {
		for _, d := range g.rows {
			nrows++
			if stat.Finite(d.iv.Mean) {
				maxMean = math.Max(maxMean, math.Abs(d.iv.Mean))
				lo, hi = minMax(lo, hi, d.iv.Mean, d.iv.Lo, d.iv.Hi)
			}
		}
	}
	if nrows == 0 || maxMean == 0 {
		return ""
	}
	for _, v := range refs {
		lo, hi = minMax(lo, hi, v)
	}
	// A wide interval would squash every other row: cap the axis and mark
	// the cut whiskers with an arrow.
	limit := 2.5 * maxMean
	hi = math.Min(hi, math.Max(limit, refMax(refs)))
	lo = math.Max(lo, -limit)
	plotH := float64(nrows)*rowH + float64(len(groups))*gap
	top := 46.0
	h := top + plotH + 44
	s := newSVG(chartWidth, h, title)
	f := newFrame(s, 0, 0, chartWidth, h, margins{left: 150, right: 24, top: top, bottom: 44})
	f.setX(lo, hi, 8, formatTick)
	f.y = linear{0, 1, f.top, f.top + f.h}
	for _, t := range f.xTicks {
		x := f.x.at(t)
		s.line(x, f.top, x, f.top+f.h, stGrid)
	}
	f.yTicks = nil
	f.axes(xTitle, "")
	for i, v := range refs {
		x := f.x.at(v)
		st := stRef
		if i == 0 {
			st = stRefSolid
		}
		s.line(x, f.top, x, f.top+f.h, st)
		if i < len(refLabels) && refLabels[i] != "" {
			s.text(x+3, f.top+10, refLabels[i], "start", style(`class="note"`))
		}
	}
	y := f.top + gap/2
	for gi, g := range groups {
		gh := float64(len(g.rows)) * rowH
		if gi%2 == 1 {
			s.rect(f.left-146, y-gap/2, f.w+146, gh+gap, style(`fill="#f7f7f7"`), "")
		}
		s.text(f.left-10, y+gh/2+4, shorten(g.name, 20), "end", style(`class="label"`))
		for _, d := range g.rows {
			cy := y + rowH/2
			drawWhisker(s, f, cy, d)
			y += rowH
		}
		y += gap
	}
	legend(s, 150, 18, chartWidth, items)
	return s.String()
}

func refMax(refs []float64) float64 {
	m := 0.0
	for _, v := range refs {
		m = math.Max(m, v)
	}
	return m
}

// drawWhisker draws one row: a line from Lo to Hi (arrow-ended when cut by
// the axis) and a marker at the mean, with a tooltip carrying the numbers.
func drawWhisker(s *svgDoc, f *frame, cy float64, d dotRow) {
	if !d.iv.Known() {
		return
	}
	c := color(d.color)
	tip := d.label + ": " + formatInterval(d.iv, formatSig)
	lineSt := style(`stroke="` + c + `" stroke-width="2"`)
	if stat.Finite(d.iv.Lo) || stat.Finite(d.iv.Hi) || math.IsInf(d.iv.Hi, 1) {
		lo, hi := d.iv.Lo, d.iv.Hi
		if !stat.Finite(lo) && !math.IsInf(lo, 0) {
			lo = d.iv.Mean
		}
		if !stat.Finite(hi) && !math.IsInf(hi, 0) {
			hi = d.iv.Mean
		}
		x0, x1 := f.x.at(f.x.clampTo(lo)), f.x.at(f.x.clampTo(hi))
		s.line(x0, cy, x1, cy, lineSt)
		if hi > f.x.d1 {
			s.polygon([]float64{x1, x1 - 6, x1 - 6}, []float64{cy, cy - 4, cy + 4}, style(`fill="`+c+`"`), "")
		}
		if lo < f.x.d0 {
			s.polygon([]float64{x0, x0 + 6, x0 + 6}, []float64{cy, cy - 4, cy + 4}, style(`fill="`+c+`"`), "")
		}
	}
	x := f.x.at(f.x.clampTo(d.iv.Mean))
	st := style(`fill="` + c + `" stroke="#fff" stroke-width="1"`)
	if d.kind == "diamond" {
		s.diamond(x, cy, 5.5, st, tip)
	} else {
		s.circle(x, cy, 4.5, st, tip)
	}
}

// roiChart compares each channel's efficiency by method: MMM alone,
// calibrated MMM, each experiment and MTA.
func roiChart(r *Report) string {
	eff := r.effName()
	var groups []dotGroup
	for _, c := range r.Channels {
		g := dotGroup{name: c.Name}
		g.rows = append(g.rows, dotRow{"MMM alone", r.efficiency(c.Spend, c.MMM), colMMM, "dot"})
		if c.Calibrated != nil {
			g.rows = append(g.rows, dotRow{"calibrated MMM", r.efficiency(c.Spend, *c.Calibrated), colCalibrated, "dot"})
		}
		for _, e := range r.Experiments {
			if e.Channel == c.Name {
				g.rows = append(g.rows, dotRow{"experiment " + e.TestID, r.iroasEff(e.MeasuredIROAS), colExperiment, "diamond"})
			}
		}
		if c.MTA != nil {
			g.rows = append(g.rows, dotRow{r.mtaEffName(), Point(r.mtaEff(c.MTA)), colMTA, "diamond"})
		}
		groups = append(groups, g)
	}
	items := []legendItem{{"MMM alone", "dot", colMMM}, {"calibrated MMM", "dot", colCalibrated}, {"lift test (measured " + r.testMetricName() + ")", "diamond", colExperiment}, {r.mtaEffName(), "diamond", colMTA}}
	var refs []float64
	var labels []string
	xTitle := eff + " (incremental " + r.KPI + " per unit of spend)"
	if r.isCount() {
		xTitle = eff + " (spend per incremental " + r.KPI + ")"
	} else {
		refs, labels = []float64{1}, []string{"break-even"}
	}
	return dotChart(eff+" by method and channel", strings.TrimSpace(xTitle), groups, refs, labels, items)
}

// ifChart shows each channel's incrementality factor with its interval,
// and the per-test factors.
func ifChart(r *Report) string {
	var groups []dotGroup
	for _, c := range r.Channels {
		if c.MTA == nil {
			continue
		}
		g := dotGroup{name: c.Name, rows: []dotRow{{"IF over the period", c.MTA.IncrementalityFactor, colCalibrated, "dot"}}}
		for _, e := range r.Experiments {
			if e.Channel == c.Name && e.IncrementalityFactor != nil {
				g.rows = append(g.rows, dotRow{"IF in test " + e.TestID, *e.IncrementalityFactor, colExperiment, "diamond"})
			}
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return ""
	}
	items := []legendItem{{"calibrated MMM / MTA over the period", "dot", colCalibrated}, {"lift test / MTA in the test window", "diamond", colExperiment}}
	return dotChart("Incrementality factor by channel", "incrementality factor (causal contribution / MTA attributed); below 1 MTA over-credits",
		groups, []float64{1, 0.5, 2}, []string{"IF = 1", "0.5", "2"}, items)
}
