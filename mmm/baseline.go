package mmm

import (
	"fmt"
	"math"
	"time"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

type baseKind int

const (
	baseTrend baseKind = iota
	baseFourier
	baseWeekday
	baseControl
)

// buildBaseline adds the columns of the baseline design after the level:
// trend, Fourier pairs, weekday indicators and standardised controls.
func (m *Model) buildBaseline() error {
	d, s, n, nFit := m.data, m.spec, m.n, m.nFit
	if s.Trend {
		// Centred on the fitted periods so that the intercept is the mean
		// baseline level and does not trade off against the slope.
		m.trendMid = float64(nFit-1) / 2
		col := make([]float64, n)
		for t := range col {
			col[t] = (float64(t) - m.trendMid) / float64(nFit)
		}
		m.addBase("trend", baseTrend, col)
	}
	for k := 1; k <= s.FourierOrder; k++ {
		sn, cs := make([]float64, n), make([]float64, n)
		for t, dt := range d.Dates {
			sn[t], cs[t] = math.Sincos(2 * math.Pi * float64(k) * dt.DayOfYearFraction())
		}
		// Centred on the fitted periods, like every baseline column, so
		// that the intercept is the mean baseline level.
		m.addBase(fmt.Sprintf("fourier_sin_%d", k), baseFourier, sn)
		m.centreLast(k)
		m.addBase(fmt.Sprintf("fourier_cos_%d", k), baseFourier, cs)
		m.centreLast(-k)
	}
	if s.Weekday {
		// Six indicators, Monday the reference day, centred like the other
		// columns; baseOrder holds the weekday.
		for wd := time.Tuesday; wd <= time.Saturday+1; wd++ {
			day := wd % 7
			col := make([]float64, n)
			for t, dt := range d.Dates {
				if dt.Weekday() == day {
					col[t] = 1
				}
			}
			m.addBase("weekday["+day.String()[:3]+"]", baseWeekday, col)
			m.centreLast(int(day))
		}
	}
	for j, name := range d.ControlNames {
		mean, sd := stat.MeanSD(d.Controls[j][:nFit])
		if !(sd > 1e-12*math.Max(1, math.Abs(mean))) {
			return fmt.Errorf("mmm: control %q is constant over the fitted periods", name)
		}
		col := make([]float64, n)
		for t, v := range d.Controls[j] {
			col[t] = (v - mean) / sd
		}
		m.ctrlMean = append(m.ctrlMean, mean)
		m.ctrlSD = append(m.ctrlSD, sd)
		m.addBase("gamma["+name+"]", baseControl, col)
		m.baseOrder[len(m.baseOrder)-1] = j
	}
	return nil
}

func (m *Model) addBase(name string, k baseKind, col []float64) {
	m.base = append(m.base, col)
	m.baseNames = append(m.baseNames, name)
	m.baseKind = append(m.baseKind, k)
	m.baseMean = append(m.baseMean, 0)
	m.baseOrder = append(m.baseOrder, 0)
}

// centreLast subtracts from the last base column its mean over the fitted
// periods and records the mean and the harmonic k.
func (m *Model) centreLast(k int) {
	i := len(m.base) - 1
	col := m.base[i]
	mean := 0.0
	for _, v := range col[:m.nFit] {
		mean += v
	}
	mean /= float64(m.nFit)
	for t := range col {
		col[t] -= mean
	}
	m.baseMean[i], m.baseOrder[i] = mean, k
}

// baseAt returns base column i at period t (which may lie beyond the panel)
// with date d; ctrl gives the raw value of control j there.
func (m *Model) baseAt(i, t int, d civil.Date, ctrl func(j int) float64) float64 {
	switch m.baseKind[i] {
	case baseTrend:
		return (float64(t) - m.trendMid) / float64(m.nFit)
	case baseFourier:
		k := m.baseOrder[i]
		f := 2 * math.Pi * math.Abs(float64(k)) * d.DayOfYearFraction()
		if k < 0 {
			return math.Cos(f) - m.baseMean[i]
		}
		return math.Sin(f) - m.baseMean[i]
	case baseWeekday:
		if d.Weekday() == time.Weekday(m.baseOrder[i]) {
			return 1 - m.baseMean[i]
		}
		return -m.baseMean[i]
	default:
		j := m.baseOrder[i]
		return (ctrl(j) - m.ctrlMean[j]) / m.ctrlSD[j]
	}
}
