package report

import (
	"math"
	"time"

	"github.com/triad-mmm/triad/civil"
)

// linear maps the data interval [d0, d1] onto the pixel interval [r0, r1].
type linear struct{ d0, d1, r0, r1 float64 }

func (l linear) at(v float64) float64 {
	if l.d1 == l.d0 {
		return (l.r0 + l.r1) / 2
	}
	return l.r0 + (v-l.d0)/(l.d1-l.d0)*(l.r1-l.r0)
}

// clampTo keeps v inside the data interval, so a far outlier draws at the
// edge rather than off the chart.
func (l linear) clampTo(v float64) float64 {
	lo, hi := math.Min(l.d0, l.d1), math.Max(l.d0, l.d1)
	return math.Min(math.Max(v, lo), hi)
}

// frame is a chart's plot area inside an svgDoc.
type frame struct {
	svg              *svgDoc
	left, top, w, h  float64 // plot area in pixels
	x, y             linear
	xTicks, yTicks   []float64
	xFormat, yFormat func(float64) string
}

// margins around the plot area.
type margins struct{ left, right, top, bottom float64 }

// newFrame lays out a plot area in a w×h chart and fixes y to nice ticks
// covering [ylo, yhi]; x is set by the caller (numeric or dates).
func newFrame(s *svgDoc, ox, oy, w, h float64, m margins) *frame {
	return &frame{svg: s, left: ox + m.left, top: oy + m.top, w: w - m.left - m.right, h: h - m.top - m.bottom}
}

func (f *frame) setY(lo, hi float64, n int, format func(float64) string) {
	f.yTicks = niceTicks(lo, hi, n)
	f.y = linear{f.yTicks[0], f.yTicks[len(f.yTicks)-1], f.top + f.h, f.top}
	f.yFormat = format
}

func (f *frame) setX(lo, hi float64, n int, format func(float64) string) {
	f.xTicks = niceTicks(lo, hi, n)
	f.x = linear{f.xTicks[0], f.xTicks[len(f.xTicks)-1], f.left, f.left + f.w}
	f.xFormat = format
}

const (
	stGrid      style = `stroke="#e3e3e3" stroke-width="1"`
	stAxis      style = `stroke="#888" stroke-width="1"`
	stTickLabel style = `class="tick"`
	stAxisTitle style = `class="axis-title"`
	stRef       style = `stroke="#555" stroke-width="1" stroke-dasharray="4 3"`
	stRefSolid  style = `stroke="#555" stroke-width="1.2"`
)

// axes draws grid lines, tick labels and the axis lines.
func (f *frame) axes(xTitle, yTitle string) {
	s := f.svg
	for _, t := range f.yTicks {
		y := f.y.at(t)
		s.line(f.left, y, f.left+f.w, y, stGrid)
		s.text(f.left-6, y+4, f.yFormat(t), "end", stTickLabel)
	}
	for _, t := range f.xTicks {
		x := f.x.at(t)
		s.line(x, f.top+f.h, x, f.top+f.h+4, stAxis)
		s.text(x, f.top+f.h+17, f.xFormat(t), "middle", stTickLabel)
	}
	s.line(f.left, f.top+f.h, f.left+f.w, f.top+f.h, stAxis)
	s.line(f.left, f.top, f.left, f.top+f.h, stAxis)
	if xTitle != "" {
		s.text(f.left+f.w/2, f.top+f.h+34, xTitle, "middle", stAxisTitle)
	}
	if yTitle != "" {
		s.text(f.left, f.top-8, yTitle, "start", stAxisTitle)
	}
}

// setDateX sets x to the period index of n dates.
func (f *frame) setDateX(n int) {
	f.x = linear{0, float64(max(n-1, 1)), f.left, f.left + f.w}
}

// dateAxis labels the x axis (set by setDateX) with years, or quarters
// when the span is short.
func (f *frame) dateAxis(dates []civil.Date) {
	type tick struct {
		i     int
		label string
	}
	var years, quarters []tick
	for i, d := range dates {
		t := d.Time()
		if i == 0 && t.Month() == time.January {
			years = append(years, tick{0, t.Format("2006")})
		}
		if i > 0 {
			p := dates[i-1].Time()
			if t.Year() == p.Year() && (t.Month()-1)/3 == (p.Month()-1)/3 {
				continue
			}
			if t.Year() != p.Year() {
				years = append(years, tick{i, t.Format("2006")})
			}
		}
		quarters = append(quarters, tick{i, t.Format("Jan 2006")})
	}
	ticks := years
	if len(years) < 2 {
		ticks = quarters
	}
	s := f.svg
	for _, t := range quarters {
		x := f.x.at(float64(t.i))
		s.line(x, f.top+f.h, x, f.top+f.h+3, stAxis)
	}
	for _, t := range ticks {
		x := f.x.at(float64(t.i))
		s.line(x, f.top, x, f.top+f.h, stGrid)
		s.line(x, f.top+f.h, x, f.top+f.h+6, stAxis)
		s.text(x, f.top+f.h+18, t.label, "middle", stTickLabel)
	}
}

// yAxisOnly draws the y grid, its labels and both axis lines, for charts
// whose x axis is drawn by dateAxis.
func (f *frame) yAxisOnly(yTitle string) {
	s := f.svg
	for _, t := range f.yTicks {
		y := f.y.at(t)
		s.line(f.left, y, f.left+f.w, y, stGrid)
		s.text(f.left-6, y+4, f.yFormat(t), "end", stTickLabel)
	}
	s.line(f.left, f.top+f.h, f.left+f.w, f.top+f.h, stAxis)
	s.line(f.left, f.top, f.left, f.top+f.h, stAxis)
	if yTitle != "" {
		s.text(f.left, f.top-8, yTitle, "start", stAxisTitle)
	}
}

// legendItem is one legend entry: a swatch kind (line, band, dot,
// diamond, bar) in a colour.
type legendItem struct {
	label string
	kind  string
	color string
}

// legend writes entries in a row starting at (x, y), wrapping at maxX.
func legend(s *svgDoc, x, y, maxX float64, items []legendItem) {
	cx, cy := x, y
	for _, it := range items {
		w := 30 + 7.2*float64(len([]rune(it.label)))
		if cx+w > maxX && cx > x {
			cx, cy = x, cy+18
		}
		c := color(it.color)
		switch it.kind {
		case "line":
			s.line(cx, cy-4, cx+16, cy-4, style(`stroke="`+c+`" stroke-width="2"`))
		case "dash":
			s.line(cx, cy-4, cx+16, cy-4, style(`stroke="`+c+`" stroke-width="1.5" stroke-dasharray="4 3"`))
		case "band":
			s.rect(cx, cy-10, 16, 12, style(`fill="`+c+`" fill-opacity="0.25"`), "")
		case "dot":
			s.circle(cx+8, cy-4, 4, style(`fill="`+c+`"`), "")
		case "diamond":
			s.diamond(cx+8, cy-4, 5, style(`fill="`+c+`"`), "")
		default:
			s.rect(cx+2, cy-10, 12, 12, style(`fill="`+c+`"`), "")
		}
		s.text(cx+21, cy, it.label, "start", style(`class="legend"`))
		cx += w
	}
}

// color guards a colour string: only our palette's #rrggbb values pass.
func color(c string) string {
	if len(c) != 7 || c[0] != '#' {
		return "#888888"
	}
	for _, r := range c[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return "#888888"
		}
	}
	return c
}

// palette holds distinguishable colours for channels (Tableau 10).
var palette = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"}

func channelColor(i int) string { return palette[i%len(palette)] }

// Method colours, shared by the ROI and IF charts.
const (
	colMMM        = "#9a9a9a"
	colCalibrated = "#4e79a7"
	colExperiment = "#f28e2b"
	colMTA        = "#e15759"
	colActual     = "#222222"
	colHoldout    = "#f3efe0"
)
