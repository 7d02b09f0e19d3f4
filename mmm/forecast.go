package mmm

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// Plan is a scenario for the periods after the panel.
type Plan struct {
	// Spend is [channel][h], original units; all channels, same horizon.
	// A channel driven by units buys them at its average cost per unit over
	// the fitted periods; an organic channel's entry holds its units.
	Spend [][]float64
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
	if err := m.checkPlan(plan); err != nil {
		return Forecast{}, err
	}
	n, h := m.n, len(plan.Spend[0])
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
			xs[c][n+k] = m.planDrive(c, v)
		}
	}
	fd := p.forecastDraws(cols, xs, h)
	p.summariseForecast(&f, fd, level)
	return f, nil
}

// checkPlan checks that plan covers every channel and control over one
// horizon with finite values.
func (m *Model) checkPlan(plan Plan) error {
	if len(plan.Spend) != len(m.ch) {
		return fmt.Errorf("mmm: plan has %d spend series for %d channels", len(plan.Spend), len(m.ch))
	}
	h := len(plan.Spend[0])
	if h == 0 {
		return fmt.Errorf("mmm: plan has no periods")
	}
	for c, s := range plan.Spend {
		if len(s) != h {
			return fmt.Errorf("mmm: plan spend of %q has %d periods, want %d", m.ch[c].name, len(s), h)
		}
		for i, v := range s {
			if !stat.Finite(v) || v < 0 {
				return fmt.Errorf("mmm: plan spend of %q in period %d is %g", m.ch[c].name, i+1, v)
			}
		}
	}
	if plan.Controls == nil {
		return nil
	}
	nctl := len(m.data.ControlNames)
	if len(plan.Controls) != nctl {
		return fmt.Errorf("mmm: plan has %d control series for %d controls", len(plan.Controls), nctl)
	}
	for j, s := range plan.Controls {
		if len(s) != h {
			return fmt.Errorf("mmm: plan control %q has %d periods, want %d", m.data.ControlNames[j], len(s), h)
		}
		for _, v := range s {
			if !stat.Finite(v) {
				return fmt.Errorf("mmm: plan control %q has a non-finite value", m.data.ControlNames[j])
			}
		}
	}
	return nil
}

// forecastDraws holds per draw the expected KPI, media and baseline of each
// future period, and each channel's total over the horizon.
type forecastDraws struct {
	kpi, media, base [][]float64 // [draw][h]
	chTot            [][]float64 // [channel][draw]
}

// forecastDraws evaluates every draw over the horizon of h periods, with
// the baseline design cols and the scaled spend xs (panel and plan).
func (p *Posterior) forecastDraws(cols, xs [][]float64, h int) forecastDraws {
	m := p.m
	n, nd := m.n, p.Draws()
	fd := forecastDraws{kpi: make([][]float64, nd), media: make([][]float64, nd), base: make([][]float64, nd),
		chTot: make([][]float64, len(m.ch))}
	for c := range fd.chTot {
		fd.chTot[c] = make([]float64, nd)
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
				fd.chTot[c][d] = s
			}
			fd.base[d], fd.media[d] = b, md
			row := make([]float64, h)
			for k := range h {
				row[k] = b[k] + md[k]
			}
			fd.kpi[d] = row
		}
	})
	return fd
}

// summariseForecast fills f's intervals and means from the draws.
func (p *Posterior) summariseForecast(f *Forecast, fd forecastDraws, level float64) {
	nd, h := p.Draws(), len(f.Dates)
	col := make([]float64, nd)
	colM := make([]float64, nd)
	tot, totM := make([]float64, nd), make([]float64, nd)
	f.KPI, f.Media = make([]Interval, h), make([]Interval, h)
	for k := range h {
		sb := 0.0
		for d := range nd {
			col[d], colM[d] = fd.kpi[d][k], fd.media[d][k]
			tot[d] += fd.kpi[d][k]
			totM[d] += fd.media[d][k]
			sb += fd.base[d][k]
		}
		f.KPI[k], f.Media[k] = stat.Summarize(col, level), stat.Summarize(colM, level)
		f.Baseline[k] = sb / float64(nd)
	}
	f.Total, f.MediaTotal = stat.Summarize(tot, level), stat.Summarize(totM, level)
	f.ChannelTotals = make([]Interval, len(p.m.ch))
	for c := range p.m.ch {
		f.ChannelTotals[c] = stat.Summarize(fd.chTot[c], level)
	}
}
