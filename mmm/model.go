package mmm

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// Model is the log posterior of an MMM on unconstrained coordinates. Its
// own LogProbGrad uses one set of scratch buffers and is not safe for
// concurrent use; NewTarget gives each chain its own.
type Model struct {
	data Data
	spec Spec

	n, nFit int     // periods; periods in the likelihood
	yBar    float64 // mean KPI over the fitted periods
	y       []float64

	// base holds the columns of the baseline design after the intercept:
	// trend, Fourier pairs, standardised controls, each of length n.
	base      [][]float64
	baseNames []string
	baseKind  []baseKind
	baseMean  []float64 // Fourier: the mean removed by centring
	baseOrder []int     // Fourier: harmonic k (negative for cosine); control: index
	trendMid  float64   // centre of the trend column, in periods
	ctrlMean  []float64
	ctrlSD    []float64

	ch     []channel
	lifts  []liftTerm
	iSigma int
	dim    int
	names  []string

	s *scratch
}

type baseKind int

const (
	baseTrend baseKind = iota
	baseFourier
	baseWeekday
	baseControl
)

// channel is the fixed data and parameter layout of one channel.
type channel struct {
	name     string
	spec     ChannelSpec
	x        []float64 // spend / scale
	scale    float64   // mean spend over fitted periods with spend
	spendFit float64   // spend over the fitted periods, original units
	// level is the channel's mean over the fitted periods on the scaled KPI
	// per unit of ROI: spendFit/(ȳ·nFit).
	level float64
	expo  []float64 // geometric adstock exponents l

	// Indices into the unconstrained vector; −1 when the channel's
	// adstock or saturation has no such parameter.
	iROI, iAlpha, iTheta, iShape, iScale, iSat1, iSat2 int
	lifts                                              []int
	need                                               int // periods whose saturation is needed
}

// NewModel checks d and s against each other and builds the model.
func NewModel(d Data, s Spec) (*Model, error) {
	s = s.withDefaults()
	n := len(d.KPI)
	if err := validateData(d); err != nil {
		return nil, err
	}
	if len(s.Channels) != len(d.Channels) {
		return nil, fmt.Errorf("mmm: spec has %d channels, data %d", len(s.Channels), len(d.Channels))
	}
	if s.Holdout < 0 {
		return nil, fmt.Errorf("mmm: holdout %d periods, want >= 0", s.Holdout)
	}
	nFit := n - s.Holdout
	if nFit < 8 {
		return nil, fmt.Errorf("mmm: %d periods left to fit after a holdout of %d, want at least 8", nFit, s.Holdout)
	}
	if s.FourierOrder < 0 || s.FourierOrder > 10 {
		return nil, fmt.Errorf("mmm: Fourier order %d, want 0..10", s.FourierOrder)
	}
	if s.Likelihood != NormalLikelihood && s.Likelihood != StudentTLikelihood {
		return nil, fmt.Errorf("mmm: unknown likelihood %v", s.Likelihood)
	}
	if s.Weekday && (d.StepDays != 1 || nFit < 14) {
		return nil, fmt.Errorf("mmm: day-of-week effects need daily data with at least 14 fitted days (step %d days, %d periods)", d.StepDays, nFit)
	}
	if !(s.StudentNu > 0) || math.IsInf(s.StudentNu, 0) {
		return nil, fmt.Errorf("mmm: Student-t degrees of freedom %g, want > 0", s.StudentNu)
	}
	if s.KPIType != Revenue && s.KPIType != Count {
		return nil, fmt.Errorf("mmm: unknown KPI type %v", s.KPIType)
	}
	if !(s.LiftTau >= 0) || math.IsInf(s.LiftTau, 0) {
		return nil, fmt.Errorf("mmm: lift mismatch allowance %g, want >= 0", s.LiftTau)
	}
	for _, p := range []struct {
		name string
		ok   bool
	}{
		{"intercept", s.Intercept.valid()}, {"trend", s.TrendSlope.valid()}, {"Fourier", s.Fourier.valid()},
		{"control", s.Control.valid()}, {"sigma", s.Sigma.valid()},
	} {
		if !p.ok {
			return nil, fmt.Errorf("mmm: invalid %s prior", p.name)
		}
	}

	m := &Model{data: d, spec: s, n: n, nFit: nFit}
	sum := 0.0
	for _, v := range d.KPI[:nFit] {
		sum += v
	}
	m.yBar = sum / float64(nFit)
	if !(m.yBar > 0) {
		return nil, fmt.Errorf("mmm: mean KPI over the fitted periods is %g; the model needs a positive mean", m.yBar)
	}
	m.y = make([]float64, n)
	for t, v := range d.KPI {
		m.y[t] = v / m.yBar
	}

	// Coordinate 0 is the mean of μ over the fitted periods, not the
	// intercept: the data pin the level of the KPI tightly while baseline and
	// media trade off along it, and with the intercept as a coordinate that
	// ridge (intercept up, every ROI down) forces NUTS to tiny steps. The
	// shift intercept = level − Σ_c ROI_c·spend_c/(ȳ·n) has unit Jacobian, so
	// the posterior is unchanged; the intercept keeps its prior.
	names := []string{"level"}
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
			return nil, fmt.Errorf("mmm: control %q is constant over the fitted periods", name)
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
	names = append(names, m.baseNames...)

	spendAll := 0.0
	for c := range d.Channels {
		for _, v := range d.Spend[c][:nFit] {
			spendAll += v
		}
	}
	roi := defaultROIPrior(s.KPIType, sum, spendAll)
	idx := len(names)
	m.ch = make([]channel, len(d.Channels))
	for c, name := range d.Channels {
		cs := s.Channels[c].withDefaults(roi, d.StepDays)
		ch := &m.ch[c]
		ch.name, ch.spec = name, cs
		if err := validateChannelSpec(name, cs, n); err != nil {
			return nil, err
		}
		nz, tot := 0, 0.0
		for _, v := range d.Spend[c][:nFit] {
			if v > 0 {
				nz++
				tot += v
			}
		}
		if nz == 0 {
			return nil, fmt.Errorf("mmm: channel %q has no spend in the fitted periods", name)
		}
		ch.scale = tot / float64(nz)
		ch.spendFit = tot
		ch.level = tot / (m.yBar * float64(nFit))
		ch.x = make([]float64, n)
		for t, v := range d.Spend[c] {
			ch.x[t] = v / ch.scale
		}
		ch.expo = make([]float64, cs.MaxLag+1)
		for l := range ch.expo {
			ch.expo[l] = float64(l)
		}
		ch.iROI, ch.iAlpha, ch.iTheta, ch.iShape, ch.iScale, ch.iSat2 = idx, -1, -1, -1, -1, -1
		names = append(names, "roi["+name+"]")
		idx++
		switch cs.Adstock {
		case WeibullAdstock:
			ch.iShape, ch.iScale = idx, idx+1
			names = append(names, "shape["+name+"]", "scale["+name+"]")
			idx += 2
		case DelayedAdstock:
			ch.iAlpha, ch.iTheta = idx, idx+1
			names = append(names, "alpha["+name+"]", "theta["+name+"]")
			idx += 2
		default:
			ch.iAlpha = idx
			names = append(names, "alpha["+name+"]")
			idx++
		}
		ch.iSat1 = idx
		if cs.Saturation == HillSaturation {
			ch.iSat2 = idx + 1
			names = append(names, "hill_c["+name+"]", "slope["+name+"]")
			idx += 2
		} else {
			names = append(names, "lambda["+name+"]")
			idx++
		}
		ch.need = nFit
	}
	m.iSigma = idx
	names = append(names, "sigma")
	m.dim = idx + 1
	m.names = names

	for k, o := range s.Lifts {
		lt, err := m.newLiftTerm(k, o)
		if err != nil {
			return nil, err
		}
		m.lifts = append(m.lifts, lt)
		ch := &m.ch[o.Channel]
		ch.lifts = append(ch.lifts, k)
		ch.need = max(ch.need, o.Start+len(o.Measure))
	}
	m.s = m.newScratch()
	return m, nil
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

func validateData(d Data) error {
	n := len(d.KPI)
	if n == 0 {
		return errors.New("mmm: no periods")
	}
	if len(d.Dates) != n {
		return fmt.Errorf("mmm: %d dates for %d KPI values", len(d.Dates), n)
	}
	if d.StepDays <= 0 {
		return fmt.Errorf("mmm: step of %d days, want > 0", d.StepDays)
	}
	for t := 1; t < n; t++ {
		if int(d.Dates[t]-d.Dates[t-1]) != d.StepDays {
			return fmt.Errorf("mmm: dates are not regular: %v follows %v, want a step of %d days", d.Dates[t], d.Dates[t-1], d.StepDays)
		}
	}
	for t, v := range d.KPI {
		if !finite(v) {
			return fmt.Errorf("mmm: KPI in period %d (%v) is %g", t+1, d.Dates[t], v)
		}
	}
	if len(d.Channels) == 0 {
		return errors.New("mmm: no media channels")
	}
	if len(d.Spend) != len(d.Channels) {
		return fmt.Errorf("mmm: %d spend series for %d channels", len(d.Spend), len(d.Channels))
	}
	seen := map[string]bool{}
	for c, name := range d.Channels {
		if seen[name] {
			return fmt.Errorf("mmm: channel %q appears twice", name)
		}
		seen[name] = true
		if len(d.Spend[c]) != n {
			return fmt.Errorf("mmm: channel %q has %d spend values for %d periods", name, len(d.Spend[c]), n)
		}
		for t, v := range d.Spend[c] {
			if !finite(v) || v < 0 {
				return fmt.Errorf("mmm: channel %q spend in period %d (%v) is %g, want finite and >= 0", name, t+1, d.Dates[t], v)
			}
		}
	}
	if len(d.Controls) != len(d.ControlNames) {
		return fmt.Errorf("mmm: %d control series for %d control names", len(d.Controls), len(d.ControlNames))
	}
	for j, name := range d.ControlNames {
		if len(d.Controls[j]) != n {
			return fmt.Errorf("mmm: control %q has %d values for %d periods", name, len(d.Controls[j]), n)
		}
		for t, v := range d.Controls[j] {
			if !finite(v) {
				return fmt.Errorf("mmm: control %q in period %d (%v) is %g", name, t+1, d.Dates[t], v)
			}
		}
	}
	return nil
}

func validateChannelSpec(name string, c ChannelSpec, n int) error {
	switch {
	case c.Adstock != GeometricAdstock && c.Adstock != DelayedAdstock && c.Adstock != WeibullAdstock:
		return fmt.Errorf("mmm: channel %q: unknown adstock %v", name, c.Adstock)
	case c.Saturation != HillSaturation && c.Saturation != LogisticSaturation:
		return fmt.Errorf("mmm: channel %q: unknown saturation %v", name, c.Saturation)
	case c.MaxLag < 0 || c.MaxLag >= n:
		return fmt.Errorf("mmm: channel %q: max lag %d, want 0..%d", name, c.MaxLag, n-1)
	case c.Adstock != GeometricAdstock && c.MaxLag == 0:
		return fmt.Errorf("mmm: channel %q: %v adstock needs a max lag > 0", name, c.Adstock)
	case !c.ROI.valid():
		return fmt.Errorf("mmm: channel %q: invalid ROI prior %+v", name, c.ROI)
	case !c.Alpha.valid():
		return fmt.Errorf("mmm: channel %q: invalid alpha prior %+v", name, c.Alpha)
	case !c.Theta.valid():
		return fmt.Errorf("mmm: channel %q: invalid theta prior %+v", name, c.Theta)
	case !c.Shape.valid():
		return fmt.Errorf("mmm: channel %q: invalid Weibull shape prior %+v", name, c.Shape)
	case !c.Scale.valid():
		return fmt.Errorf("mmm: channel %q: invalid Weibull scale prior %+v", name, c.Scale)
	case !c.K.valid():
		return fmt.Errorf("mmm: channel %q: invalid K prior %+v", name, c.K)
	case !c.Slope.valid():
		return fmt.Errorf("mmm: channel %q: invalid slope prior %+v", name, c.Slope)
	case !c.Lambda.valid():
		return fmt.Errorf("mmm: channel %q: invalid lambda prior %+v", name, c.Lambda)
	}
	return nil
}

// Dim returns the number of unconstrained parameters.
func (m *Model) Dim() int { return m.dim }

// ParamNames returns the names of the parameters in coordinate order, for
// example "intercept", "roi[tv]", "alpha[tv]", "sigma". ParamDraws takes
// these names and returns constrained values.
func (m *Model) ParamNames() []string { return append([]string(nil), m.names...) }

// Channels returns the channel names.
func (m *Model) Channels() []string { return append([]string(nil), m.data.Channels...) }

// Spec returns the spec with its defaults filled in.
func (m *Model) Spec() Spec {
	s := m.spec
	s.Channels = make([]ChannelSpec, len(m.ch))
	for c := range m.ch {
		s.Channels[c] = m.ch[c].spec
	}
	return s
}

// LogProbGrad returns the log posterior at x, up to a constant, and writes
// its gradient into grad. It returns −Inf where the density vanishes.
func (m *Model) LogProbGrad(grad, x []float64) float64 { return m.logProbGrad(m.s, grad, x) }

// NewTarget returns a view of m with its own scratch buffers, for one chain.
func (m *Model) NewTarget() sampler.Target { return &target{m: m, s: m.newScratch()} }

type target struct {
	m *Model
	s *scratch
}

func (t *target) Dim() int                              { return t.m.dim }
func (t *target) LogProbGrad(grad, x []float64) float64 { return t.m.logProbGrad(t.s, grad, x) }
