package report

import (
	"html"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// svgDoc builds one inline SVG element. Every string that may come from
// user data passes through esc; coordinates are written with one decimal
// so the output is compact and identical across platforms.
type svgDoc struct {
	b    strings.Builder
	w, h float64
}

func newSVG(w, h float64, label string) *svgDoc {
	s := &svgDoc{w: w, h: h}
	s.b.Grow(16 << 10)
	s.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 `)
	s.num(w)
	s.b.WriteByte(' ')
	s.num(h)
	s.b.WriteString(`" width="`)
	s.num(w)
	s.b.WriteString(`" height="`)
	s.num(h)
	s.b.WriteString(`" role="img" aria-label="`)
	s.b.WriteString(esc(label))
	s.b.WriteString(`"><title>`)
	s.b.WriteString(esc(label))
	s.b.WriteString(`</title>`)
	return s
}

// String closes the element and returns it.
func (s *svgDoc) String() string {
	s.b.WriteString("</svg>")
	return s.b.String()
}

func esc(s string) string { return html.EscapeString(s) }

func (s *svgDoc) num(x float64) {
	if !stat.Finite(x) {
		x = 0
	}
	s.b.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
}

// attr writes name="x".
func (s *svgDoc) attr(name string, x float64) {
	s.b.WriteByte(' ')
	s.b.WriteString(name)
	s.b.WriteString(`="`)
	s.num(x)
	s.b.WriteByte('"')
}

// style carries presentation attributes, written verbatim: callers pass
// only constants built in this package, never user data.
type style string

func (s *svgDoc) open(tag string, st style) {
	s.b.WriteByte('<')
	s.b.WriteString(tag)
	if st != "" {
		s.b.WriteByte(' ')
		s.b.WriteString(string(st))
	}
}

// end closes an element, with a tooltip when tip is not empty.
func (s *svgDoc) end(tag, tip string) {
	if tip == "" {
		s.b.WriteString("/>")
		return
	}
	s.b.WriteString("><title>")
	s.b.WriteString(esc(tip))
	s.b.WriteString("</title></")
	s.b.WriteString(tag)
	s.b.WriteByte('>')
}

func (s *svgDoc) line(x1, y1, x2, y2 float64, st style) {
	s.open("line", st)
	s.attr("x1", x1)
	s.attr("y1", y1)
	s.attr("x2", x2)
	s.attr("y2", y2)
	s.end("line", "")
}

func (s *svgDoc) rect(x, y, w, h float64, st style, tip string) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	s.open("rect", st)
	s.attr("x", x)
	s.attr("y", y)
	s.attr("width", w)
	s.attr("height", h)
	s.end("rect", tip)
}

func (s *svgDoc) circle(cx, cy, r float64, st style, tip string) {
	s.open("circle", st)
	s.attr("cx", cx)
	s.attr("cy", cy)
	s.attr("r", r)
	s.end("circle", tip)
}

// diamond draws a small rhombus centred on (cx, cy).
func (s *svgDoc) diamond(cx, cy, r float64, st style, tip string) {
	s.polygon([]float64{cx, cx + r, cx, cx - r}, []float64{cy - r, cy, cy + r, cy}, st, tip)
}

func (s *svgDoc) points(xs, ys []float64) {
	s.b.WriteString(` points="`)
	for i := range xs {
		if i > 0 {
			s.b.WriteByte(' ')
		}
		s.num(xs[i])
		s.b.WriteByte(',')
		s.num(ys[i])
	}
	s.b.WriteByte('"')
}

// polyline draws a line through the points, broken where a y is not
// finite (an unknown value is a gap, not a zero).
func (s *svgDoc) polyline(xs, ys []float64, st style, tip string) {
	start := 0
	for i := 0; i <= len(xs); i++ {
		if i < len(xs) && stat.Finite(ys[i]) && stat.Finite(xs[i]) {
			continue
		}
		if i-start >= 2 {
			s.open("polyline", st)
			s.points(xs[start:i], ys[start:i])
			s.end("polyline", tip)
		}
		start = i + 1
	}
}

func (s *svgDoc) polygon(xs, ys []float64, st style, tip string) {
	for i := range xs {
		if !stat.Finite(xs[i]) || !stat.Finite(ys[i]) {
			return
		}
	}
	s.open("polygon", st)
	s.points(xs, ys)
	s.end("polygon", tip)
}

// band fills the area between lo and hi over xs, split where a value is
// not finite.
func (s *svgDoc) band(xs, lo, hi []float64, st style, tip string) {
	start := 0
	for i := 0; i <= len(xs); i++ {
		if i < len(xs) && stat.Finite(xs[i]) && stat.Finite(lo[i]) && stat.Finite(hi[i]) {
			continue
		}
		if i-start >= 2 {
			px := make([]float64, 0, 2*(i-start))
			py := make([]float64, 0, 2*(i-start))
			for j := start; j < i; j++ {
				px = append(px, xs[j])
				py = append(py, hi[j])
			}
			for j := i - 1; j >= start; j-- {
				px = append(px, xs[j])
				py = append(py, lo[j])
			}
			s.polygon(px, py, st, tip)
		}
		start = i + 1
	}
}

// text writes a label; anchor is start, middle or end.
func (s *svgDoc) text(x, y float64, label, anchor string, st style) {
	s.open("text", st)
	s.attr("x", x)
	s.attr("y", y)
	if anchor != "" && anchor != "start" {
		s.b.WriteString(` text-anchor="`)
		s.b.WriteString(anchor)
		s.b.WriteByte('"')
	}
	s.b.WriteByte('>')
	s.b.WriteString(esc(label))
	s.b.WriteString("</text>")
}
