package mmm

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/civil"
)

// Plan is a scenario for the periods after the panel.
type Plan struct {
	Spend [][]float64 // [channel][h], original units; all channels, same horizon
	// Controls is [control][h]; nil holds every control at its mean over the
	// fitted periods.
	Controls [][]float64
}

// Forecast is the expected KPI under a Plan. The baseline is extrapolated
// (trend by period index, seasonality by date) and media include the
// carryover of the panel's last periods. Intervals cover parameter
// uncertainty, not the noise of a single period.
type Forecast struct {
	Dates         []civil.Date
	KPI           []Interval // expected KPI per period
	Media         []Interval // all channels per period
	Baseline      []float64  // baseline and controls per period, posterior mean
	Total         Interval   // KPI over the horizon
	MediaTotal    Interval
	Channels      []string
	ChannelTotals []Interval // each channel over the horizon
}

// Forecast predicts the KPI of the periods after the panel under plan.
func (p *Posterior) Forecast(plan Plan, level float64) (Forecast, error) {
	m := p.m
	if len(plan.Spend) != len(m.ch) {
		return Forecast{}, fmt.Errorf("mmm: plan has %d spend series for %d channels", len(plan.Spend), len(m.ch))
	}
	h := len(plan.Spend[0])
	if h == 0 {
		return Forecast{}, fmt.Errorf("mmm: plan has no periods")
	}
	for c, s := range plan.Spend {
		if len(s) != h {
			return Forecast{}, fmt.Errorf("mmm: plan spend of %q has %d periods, want %d", m.ch[c].name, len(s), h)
		}
		for i, v := range s {
			if !finite(v) || v < 0 {
				return Forecast{}, fmt.Errorf("mmm: plan spend of %q in period %d is %g", m.ch[c].name, i+1, v)
			}
		}
	}
	nctl := len(m.data.ControlNames)
	if plan.Controls != nil {
		if len(plan.Controls) != nctl {
			return Forecast{}, fmt.Errorf("mmm: plan has %d control series for %d controls", len(plan.Controls), nctl)
		}
		for j, s := range plan.Controls {
			if len(s) != h {
				return Forecast{}, fmt.Errorf("mmm: plan control %q has %d periods, want %d", m.data.ControlNames[j], len(s), h)
			}
			for _, v := range s {
				if !finite(v) {
					return Forecast{}, fmt.Errorf("mmm: plan control %q has a non-finite value", m.data.ControlNames[j])
				}
			}
		}
	}
	n := m.n
	f := Forecast{Dates: make([]civil.Date, h), Channels: m.Channels(), Baseline: make([]float64, h)}
	last := m.data.Dates[n-1]
	for i := range f.Dates {
		f.Dates[i] = last.AddDays((i + 1) * m.data.StepDays)
	}
	// Baseline design of the future periods.
	cols := make([][]float64, len(m.base))
	for i := range cols {
		cols[i] = make([]float64, h)
		for k := range h {
			cols[i][k] = m.baseAt(i, n+k, f.Dates[k], func(j int) float64 {
				if plan.Controls == nil {
					return m.ctrlMean[j]
				}
				return plan.Controls[j][k]
			})
		}
	}
	xs := make([][]float64, len(m.ch))
	for c := range m.ch {
		xs[c] = make([]float64, n+h)
		copy(xs[c], m.ch[c].x)
		for k, v := range plan.Spend[c] {
			xs[c][n+k] = v / m.ch[c].scale
		}
	}
	nd := p.Draws()
	kpi, media := make([][]float64, nd), make([][]float64, nd)
	base := make([][]float64, nd)
	chTot := make([][]float64, len(m.ch))
	for c := range chTot {
		chTot[c] = make([]float64, nd)
	}
	p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
		buf := make([]float64, n+h)
		for d := lo; d < hi; d++ {
			x := p.x[d]
			icpt := x[0]
			for c := range m.ch {
				icpt -= math.Exp(x[m.ch[c].iROI]) * m.ch[c].level
			}
			b, md := make([]float64, h), make([]float64, h)
			for k := range h {
				v := icpt
				for i, col := range cols {
					v += x[1+i] * col[k]
				}
				b[k] = m.yBar * v
			}
			for c := range m.ch {
				p.media(ev, buf, c, d, xs[c])
				s := 0.0
				for k := range h {
					md[k] += buf[n+k]
					s += buf[n+k]
				}
				chTot[c][d] = s
			}
			base[d], media[d] = b, md
			row := make([]float64, h)
			for k := range h {
				row[k] = b[k] + md[k]
			}
			kpi[d] = row
		}
	})
	col := make([]float64, nd)
	colM := make([]float64, nd)
	tot, totM := make([]float64, nd), make([]float64, nd)
	f.KPI, f.Media = make([]Interval, h), make([]Interval, h)
	for k := range h {
		sb := 0.0
		for d := range nd {
			col[d], colM[d] = kpi[d][k], media[d][k]
			tot[d] += kpi[d][k]
			totM[d] += media[d][k]
			sb += base[d][k]
		}
		f.KPI[k], f.Media[k] = Summarize(col, level), Summarize(colM, level)
		f.Baseline[k] = sb / float64(nd)
	}
	f.Total, f.MediaTotal = Summarize(tot, level), Summarize(totM, level)
	f.ChannelTotals = make([]Interval, len(m.ch))
	for c := range m.ch {
		f.ChannelTotals[c] = Summarize(chTot[c], level)
	}
	return f, nil
}
