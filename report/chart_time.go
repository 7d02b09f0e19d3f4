package report

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// seriesLen is the common length of the chart series that are present.
func seriesLen(n int, lens ...int) int {
	for _, l := range lens {
		if l > 0 {
			n = min(n, l)
		}
	}
	return n
}

func minMax(lo, hi float64, xs ...float64) (float64, float64) {
	for _, x := range xs {
		if stat.Finite(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}

const chartWidth = 960

// fitChart draws actual against fitted with the interval band and the
// holdout shaded.
func fitChart(r *Report) string {
	c := r.Charts
	n := seriesLen(len(c.Dates), len(c.Actual), len(c.Fitted))
	if n < 2 || (len(c.Actual) == 0 && len(c.Fitted) == 0) {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	xs := make([]float64, n)
	for i := range n {
		xs[i] = float64(i)
		if i < len(c.Actual) {
			lo, hi = minMax(lo, hi, c.Actual[i])
		}
		if i < len(c.Fitted) {
			lo, hi = minMax(lo, hi, c.Fitted[i].Lo, c.Fitted[i].Hi, c.Fitted[i].Mean)
		}
	}
	if math.IsInf(lo, 0) {
		return ""
	}
	s := newSVG(chartWidth, 330, "Actual "+r.KPI+" against the model's fit")
	f := newFrame(s, 0, 0, chartWidth, 330, margins{left: 64, right: 16, top: 46, bottom: 30})
	f.setY(lo, hi, 6, formatTick)
	f.setDateX(n)
	if hs := c.HoldoutStart; hs > 0 && hs < n {
		x0 := f.x.at(float64(hs) - 0.5)
		s.rect(x0, f.top, f.left+f.w-x0, f.h, style(`fill="`+colHoldout+`"`), "holdout: not used in the fit")
		s.text(x0+4, f.top+14, "holdout", "start", style(`class="note"`))
	}
	f.yAxisOnly(r.KPI)
	f.dateAxis(c.Dates[:n])
	if len(c.Fitted) >= n {
		flo, fhi, fm := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			fm[i], flo[i], fhi[i] = f.y.at(c.Fitted[i].Mean), f.y.at(c.Fitted[i].Lo), f.y.at(c.Fitted[i].Hi)
		}
		px := make([]float64, n)
		for i := range n {
			px[i] = f.x.at(xs[i])
		}
		s.band(px, flo, fhi, style(`fill="`+colCalibrated+`" fill-opacity="0.22"`), r.levelText()+" interval of the fit")
		s.polyline(px, fm, style(`fill="none" stroke="`+colCalibrated+`" stroke-width="1.6"`), "fitted (posterior mean)")
	}
	if len(c.Actual) >= n {
		px, py := make([]float64, n), make([]float64, n)
		for i := range n {
			px[i], py[i] = f.x.at(xs[i]), f.y.at(c.Actual[i])
		}
		s.polyline(px, py, style(`fill="none" stroke="`+colActual+`" stroke-width="1.3"`), "actual")
	}
	legend(s, 64, 16, chartWidth, []legendItem{
		{"actual", "line", colActual}, {"fitted", "line", colCalibrated},
		{r.levelText() + " interval", "band", colCalibrated}, {"holdout", "bar", colHoldout},
	})
	return s.String()
}

// decompositionChart stacks the fitted mean's parts over time: baseline,
// controls, then each media channel.
func decompositionChart(r *Report) string {
	c := r.Charts
	type layer struct {
		name, color string
		v           []float64
	}
	var layers []layer
	if len(c.Baseline) > 0 {
		layers = append(layers, layer{"baseline", "#d9d9d9", c.Baseline})
	}
	if len(c.Controls) > 0 {
		layers = append(layers, layer{"controls", "#bdbdbd", c.Controls})
	}
	for _, m := range c.Media {
		layers = append(layers, layer{m.Name, r.colorOf(m.Name), m.Values})
	}
	lens := make([]int, len(layers))
	for i, l := range layers {
		lens[i] = len(l.v)
	}
	n := seriesLen(len(c.Dates), lens...)
	if n < 2 || len(c.Media) == 0 {
		return ""
	}
	// Cumulative sums; an unknown value counts as zero so the stack stays
	// closed.
	cum := make([][]float64, len(layers)+1)
	cum[0] = make([]float64, n)
	lo, hi := 0.0, 0.0
	for k, l := range layers {
		cum[k+1] = make([]float64, n)
		for i := range n {
			v := 0.0
			if i < len(l.v) && stat.Finite(l.v[i]) {
				v = l.v[i]
			}
			cum[k+1][i] = cum[k][i] + v
			lo, hi = math.Min(lo, cum[k+1][i]), math.Max(hi, cum[k+1][i])
		}
	}
	const h = 340
	s := newSVG(chartWidth, h, "Decomposition of "+r.KPI+" over time")
	f := newFrame(s, 0, 0, chartWidth, h, margins{left: 64, right: 16, top: 46, bottom: 30})
	f.setY(lo, hi, 6, formatTick)
	f.setDateX(n)
	f.yAxisOnly(r.KPI)
	f.dateAxis(c.Dates[:n])
	px := make([]float64, n)
	for i := range n {
		px[i] = f.x.at(float64(i))
	}
	items := make([]legendItem, 0, len(layers)+1)
	for k, l := range layers {
		ylo, yhi := make([]float64, n), make([]float64, n)
		for i := range n {
			ylo[i], yhi[i] = f.y.at(cum[k][i]), f.y.at(cum[k+1][i])
		}
		s.band(px, ylo, yhi, style(`fill="`+color(l.color)+`" fill-opacity="0.85"`), l.name)
		items = append(items, legendItem{l.name, "bar", l.color})
	}
	if len(c.Actual) >= n {
		py := make([]float64, n)
		for i := range n {
			py[i] = f.y.at(c.Actual[i])
		}
		s.polyline(px, py, style(`fill="none" stroke="`+colActual+`" stroke-width="1"`), "actual")
		items = append(items, legendItem{"actual", "line", colActual})
	}
	legend(s, 64, 16, chartWidth, items)
	return s.String()
}
