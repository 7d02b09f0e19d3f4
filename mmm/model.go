package mmm

import (
	"fmt"

	"github.com/triad-mmm/triad/sampler"
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
	lifts  []liftTerm  // one per channel of each test
	groups []liftGroup // combined-channel tests
	iSigma int
	dim    int
	names  []string

	s *scratch
}

// channel is the fixed data and parameter layout of one channel.
type channel struct {
	name string
	spec ChannelSpec // defaults filled in
	// organic channels have units and no spend: their "ROI" coordinate is
	// the contribution's share of the KPI, spendFit the KPI's total.
	organic  bool
	x        []float64 // spend / scale
	pre      []float64 // carry before the first period / scale (Data.Carry)
	scale    float64   // mean spend over fitted periods with spend
	spendFit float64   // spend over the fitted periods, original units
	// level is the channel's mean over the fitted periods on the scaled KPI
	// per unit of ROI: spendFit/(ȳ·nFit).
	level float64
	// rf channels (Data.Frequency) saturate frequency before the adstock:
	// x is then reach / scale and f the frequency over its mean fScale.
	rf     bool
	f      []float64
	fScale float64
	preF   []float64 // frequency of the carry periods (pre) / fScale

	coords
}

// coords is where a channel's parameters sit in the coordinate vector, as
// the national and the geo model lay them out: iROI, then the adstock's
// block of nAd from iAd and the saturation's block of nSat from iSat.
type coords struct {
	iROI, iAd, nAd, iSat, nSat int
	lifts                      []int
	need                       int // periods whose saturation is needed
}

// adU and satU return the channel's blocks of the vector x.
func (ch *coords) adU(x []float64) []float64  { return x[ch.iAd : ch.iAd+ch.nAd] }
func (ch *coords) satU(x []float64) []float64 { return x[ch.iSat : ch.iSat+ch.nSat] }

// NewModel checks d and s against each other and builds the model.
func NewModel(d Data, s Spec) (*Model, error) {
	s = s.withDefaults()
	if err := validateData(d); err != nil {
		return nil, err
	}
	if err := validateSpec(d, s); err != nil {
		return nil, err
	}
	n := len(d.KPI)
	nFit := n - s.Holdout
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
	if err := m.buildBaseline(); err != nil {
		return nil, err
	}
	m.names = append([]string{"level"}, m.baseNames...)
	if err := m.buildChannels(sum); err != nil {
		return nil, err
	}
	m.iSigma = len(m.names)
	m.names = append(m.names, "sigma")
	m.dim = len(m.names)

	for k, o := range s.Lifts {
		if err := m.addLift(k, o); err != nil {
			return nil, err
		}
	}
	m.s = m.newScratch()
	return m, nil
}

// buildChannels scales each channel's spend and lays out its coordinates
// after the baseline's: ROI, then the adstock's, then the saturation's.
// kpiSum is the KPI over the fitted periods.
func (m *Model) buildChannels(kpiSum float64) error {
	d, nFit := m.data, m.nFit
	spendAll := 0.0
	for c := range d.Channels {
		for _, v := range d.Spend[c][:nFit] {
			spendAll += v
		}
	}
	roi := defaultROIPrior(m.spec.MediaPrior, kpiSum, spendAll)
	m.ch = make([]channel, len(d.Channels))
	for c, name := range d.Channels {
		cs := m.spec.Channels[c].withDefaults(roi, d.StepDays)
		ch := &m.ch[c]
		ch.name, ch.spec = name, cs
		if err := validateChannelSpec(name, cs, m.n); err != nil {
			return err
		}
		drive := m.drive(c)
		nz, tot := 0, 0.0
		for _, v := range drive[:nFit] {
			if v > 0 {
				nz++
				tot += v
			}
		}
		if nz == 0 {
			return fmt.Errorf("mmm: channel %q has no spend in the fitted periods", name)
		}
		money := 0.0
		for _, v := range d.Spend[c][:nFit] {
			money += v
		}
		coord := "roi["
		if ch.organic = money == 0; ch.organic {
			// The coordinate is the share of the KPI: contribution = share ×
			// KPI, as contribution = ROI × spend for paid media.
			money, coord = kpiSum, "share["
			ch.spec.ROI = cs.Contribution
		}
		ch.scale = tot / float64(nz)
		ch.spendFit = money
		ch.level = money / (m.yBar * float64(nFit))
		ch.x = make([]float64, m.n)
		for t, v := range drive {
			ch.x[t] = v / ch.scale
		}
		ch.pre = m.scaledCarry(c, cs.MaxLag, ch.scale)
		if err := m.setupRF(c, ch); err != nil {
			return err
		}
		ch.iROI = len(m.names)
		m.names = append(m.names, coord+name+"]")
		ch.iAd, ch.nAd = len(m.names), len(cs.Adstock.Coords())
		for _, p := range cs.Adstock.Coords() {
			m.names = append(m.names, p+"["+name+"]")
		}
		ch.iSat, ch.nSat = len(m.names), len(cs.Saturation.Coords())
		for _, p := range cs.Saturation.Coords() {
			m.names = append(m.names, p+"["+name+"]")
		}
		ch.need = nFit
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

// Spec returns the spec with its defaults filled in (components report
// their default priors through Params).
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
