package report

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// curvesChart draws one small panel per channel: the response curve with
// its interval, current spend and the recommended spend.
func curvesChart(r *Report) string {
	var curves []Curve
	for _, c := range r.Charts.ResponseCurves {
		if len(c.Points) >= 2 {
			curves = append(curves, c)
		}
	}
	if len(curves) == 0 {
		return ""
	}
	const cols, pw, ph = 3, chartWidth / 3, 230.0
	rows := (len(curves) + cols - 1) / cols
	h := 36 + float64(rows)*ph
	s := newSVG(chartWidth, h, "Response curves by channel")
	legend(s, 60, 18, chartWidth, []legendItem{
		{"expected contribution", "line", colCalibrated}, {r.levelText() + " interval", "band", colCalibrated},
		{"current spend", "dot", colActual}, {"recommended spend", "diamond", "#59a14f"},
	})
	for k, c := range curves {
		ox, oy := float64(k%cols)*pw, 36+float64(k/cols)*ph
		f := newFrame(s, ox, oy, pw, ph, margins{left: 56, right: 14, top: 26, bottom: 40})
		xhi, yhi := c.CurrentSpend, 0.0
		if c.RecommendedSpend != nil {
			xhi = math.Max(xhi, *c.RecommendedSpend)
		}
		ylo := 0.0
		for _, p := range c.Points {
			_, xhi = minMax(xhi, xhi, p.Spend)
			ylo, yhi = minMax(ylo, yhi, p.Lo, p.Hi, p.Mean)
		}
		f.setX(0, xhi, 4, formatTick)
		f.setY(ylo, yhi, 4, formatTick)
		f.axes("spend", "")
		s.text(f.left, oy+16, shorten(c.Channel, 36), "start", style(`class="label"`))
		n := len(c.Points)
		px, pm, pl, pu := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for i, p := range c.Points {
			px[i], pm[i], pl[i], pu[i] = f.x.at(p.Spend), f.y.at(p.Mean), f.y.at(p.Lo), f.y.at(p.Hi)
		}
		s.band(px, pl, pu, style(`fill="`+colCalibrated+`" fill-opacity="0.22"`), "")
		s.polyline(px, pm, style(`fill="none" stroke="`+colCalibrated+`" stroke-width="1.8"`), c.Channel+" response curve")
		mark := func(spend float64, label, kind, col string) {
			if !stat.Finite(spend) {
				return
			}
			m := interpolate(c.Points, spend)
			x, y := f.x.at(spend), f.y.at(m)
			s.line(x, f.top+f.h, x, y, style(`stroke="`+col+`" stroke-width="1" stroke-dasharray="3 3"`))
			tip := c.Channel + " " + label + ": spend " + formatCompact(spend) + ", contribution " + formatCompact(m)
			st := style(`fill="` + col + `" stroke="#fff" stroke-width="1"`)
			if kind == "diamond" {
				s.diamond(x, y, 6, st, tip)
			} else {
				s.circle(x, y, 4.5, st, tip)
			}
		}
		mark(c.CurrentSpend, "current", "dot", colActual)
		if c.RecommendedSpend != nil {
			mark(*c.RecommendedSpend, "recommended", "diamond", "#59a14f")
		}
	}
	return s.String()
}

// interpolate reads the curve's mean at spend x, linearly between points
// (points sorted by spend) and flat beyond the ends.
func interpolate(pts []CurvePoint, x float64) float64 {
	if len(pts) == 0 {
		return math.NaN()
	}
	if x <= pts[0].Spend {
		return pts[0].Mean
	}
	for i := 1; i < len(pts); i++ {
		if x <= pts[i].Spend {
			a, b := pts[i-1], pts[i]
			if b.Spend == a.Spend {
				return b.Mean
			}
			return a.Mean + (x-a.Spend)/(b.Spend-a.Spend)*(b.Mean-a.Mean)
		}
	}
	return pts[len(pts)-1].Mean
}

// adstockChart draws each channel's carryover weights by lag.
func adstockChart(r *Report) string {
	maxLag, hi := 0, 0.0
	for _, a := range r.Charts.Adstock {
		maxLag = max(maxLag, len(a.Weights)-1)
		for _, w := range a.Weights {
			_, hi = minMax(0, hi, w.Mean, w.Hi)
		}
	}
	if maxLag < 1 {
		return ""
	}
	const h = 300
	s := newSVG(chartWidth, h, "Carryover (adstock) weights by lag")
	f := newFrame(s, 0, 0, chartWidth, h, margins{left: 64, right: 16, top: 46, bottom: 44})
	f.setX(0, float64(maxLag), min(maxLag+1, 12), formatTick)
	f.setY(0, hi, 5, formatShortPct)
	f.axes("lag (periods after the spend)", "share of the effect")
	var items []legendItem
	for _, a := range r.Charts.Adstock {
		n := len(a.Weights)
		if n == 0 {
			continue
		}
		col := r.colorOf(a.Channel)
		px, pm, pl, pu := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for i, w := range a.Weights {
			px[i], pm[i], pl[i], pu[i] = f.x.at(float64(i)), f.y.at(w.Mean), f.y.at(w.Lo), f.y.at(w.Hi)
		}
		s.band(px, pl, pu, style(`fill="`+col+`" fill-opacity="0.12"`), "")
		s.polyline(px, pm, style(`fill="none" stroke="`+col+`" stroke-width="2"`), a.Channel)
		for i, w := range a.Weights {
			if stat.Finite(w.Mean) {
				s.circle(px[i], pm[i], 3, style(`fill="`+col+`"`), a.Channel+", lag "+formatSig(float64(i))+": "+formatInterval(w, formatPct))
			}
		}
		items = append(items, legendItem{a.Channel, "line", col})
	}
	legend(s, 64, 16, chartWidth, items)
	return s.String()
}

// budgetChart draws current and recommended spend per channel as bars,
// with the allowed range as a bracket.
func budgetChart(r *Report) string {
	b := r.Budget
	if b == nil || len(b.Channels) == 0 {
		return ""
	}
	const barH, gap = 13.0, 14.0
	hi := 0.0
	for _, c := range b.Channels {
		_, hi = minMax(0, hi, c.Current, c.Recommended, c.Max)
	}
	plotH := float64(len(b.Channels)) * (2*barH + gap)
	top := 46.0
	h := top + plotH + 44
	s := newSVG(chartWidth, h, "Current and recommended spend by channel")
	f := newFrame(s, 0, 0, chartWidth, h, margins{left: 150, right: 80, top: top, bottom: 44})
	f.setX(0, hi, 7, formatTick)
	for _, t := range f.xTicks {
		x := f.x.at(t)
		s.line(x, f.top, x, f.top+f.h, stGrid)
	}
	f.axes("spend over the planning period", "")
	y := f.top + gap/2
	for _, c := range b.Channels {
		s.text(f.left-10, y+barH+4, shorten(c.Name, 20), "end", style(`class="label"`))
		x0 := f.x.at(0)
		if stat.Finite(c.Min) && stat.Finite(c.Max) && c.Max > 0 {
			xa, xb := f.x.at(f.x.clampTo(c.Min)), f.x.at(f.x.clampTo(c.Max))
			rangeSt := style(`stroke="#555" stroke-width="1.2"`)
			s.line(xa, y+barH, xb, y+barH, style(`stroke="#555" stroke-width="1" stroke-dasharray="2 2"`))
			s.line(xa, y+2, xa, y+2*barH-2, rangeSt)
			s.line(xb, y+2, xb, y+2*barH-2, rangeSt)
		}
		if stat.Finite(c.Current) {
			s.rect(x0, y, f.x.at(f.x.clampTo(c.Current))-x0, barH-1, style(`fill="`+colMMM+`"`), c.Name+" current: "+formatCompact(c.Current))
		}
		if stat.Finite(c.Recommended) {
			s.rect(x0, y+barH, f.x.at(f.x.clampTo(c.Recommended))-x0, barH-1, style(`fill="`+colCalibrated+`"`), c.Name+" recommended: "+formatCompact(c.Recommended))
			if c.Current > 0 {
				s.text(f.x.at(f.x.clampTo(math.Max(c.Recommended, c.Max)))+6, y+2*barH-2, signedPct(c.Recommended/c.Current-1), "start", style(`class="note"`))
			}
		}
		y += 2*barH + gap
	}
	legend(s, 150, 18, chartWidth, []legendItem{{"current", "bar", colMMM}, {"recommended", "bar", colCalibrated}, {"allowed range", "dash", "#555555"}})
	return s.String()
}
