package mmm

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// GeoModel is the log posterior of the geo-level hierarchical MMM on
// unconstrained coordinates (see doc.go). Like Model, its own LogProbGrad
// is not safe for concurrent use; NewTarget gives each chain its own
// buffers.
type GeoModel struct {
	data GeoData
	spec GeoSpec
	// time holds the shared baseline columns (trend, Fourier, weekday),
	// built by the national model's code on the panel's calendar.
	time *Model

	G, n, nFit int
	yBar       float64   // national KPI per capita per fitted period
	pop        []float64 // population per geo
	popTot     float64
	logW       []float64 // log(pop_g / mean population)
	// popRel[g][t] is pop_gt/pop_g with PopulationByPeriod (nil without):
	// what turns a per-capita effect of period t into KPI units, relative
	// to the geo's size.
	popRel   [][]float64
	y        [][]float64
	ctrl     [][]float64 // [j] standardised, flat g·n + t
	ctrlMean []float64
	ctrlSD   []float64

	nBase                                   int // shared baseline columns, from coordinate 1
	iCtrl, iShock, nShock, iTau, iSig, iRho int

	ch    []geoChannel
	lifts []geoLiftTerm
	dim   int
	names []string

	s *geoScratch
}

// geoChannel is one channel's fixed data and coordinates.
type geoChannel struct {
	name string
	spec ChannelSpec
	// organic channels have units and no spend: their "ROI" coordinate is
	// the contribution's share of the KPI, spendFit the KPI's total.
	organic  bool
	x        [][]float64 // [g][t] per-capita drive (spend, or units) / scale
	pre      [][]float64 // [g] carry before the first period, scaled as x (GeoData.Carry)
	scale    float64     // mean per-capita spend of the geo-periods with spend
	spendFit float64     // national spend over the fitted periods
	// level is the channel's population-weighted mean over fitted
	// geo-periods on the scaled per-capita KPI per unit of ROI.
	level float64

	// iEta is η_c's coordinate and iZ the first of its G non-centred z_gc.
	iEta, iZ int
	coords
}

// NewGeoModel checks d and s against each other and builds the model.
func NewGeoModel(d GeoData, s GeoSpec) (*GeoModel, error) {
	s = s.withDefaults()
	if err := validateGeoData(d); err != nil {
		return nil, err
	}
	if err := validateGeoSpec(d, s); err != nil {
		return nil, err
	}
	G, n := len(d.Geos), len(d.Dates)
	m := &GeoModel{data: d, spec: s, G: G, n: n, nFit: n - s.Holdout, pop: d.Population}
	for _, p := range d.Population {
		m.popTot += p
	}
	kpiSum := 0.0
	m.logW = make([]float64, G)
	for g := range G {
		m.logW[g] = math.Log(d.Population[g] * float64(G) / m.popTot)
		for _, v := range d.KPI[g][:m.nFit] {
			kpiSum += v
		}
	}
	m.yBar = kpiSum / (m.popTot * float64(m.nFit))
	if !(m.yBar > 0) {
		return nil, fmt.Errorf("mmm: mean KPI per capita over the fitted periods is %g; the model needs a positive mean", m.yBar)
	}
	m.popRel = relativePopulation(d)
	m.y = make([][]float64, G)
	for g := range G {
		m.y[g] = make([]float64, n)
		for t, v := range d.KPI[g] {
			m.y[g][t] = v / (d.popAt(g, t) * m.yBar)
		}
	}
	ts := s.Spec
	ts.Lifts = nil
	m.time = &Model{data: Data{Dates: d.Dates, StepDays: d.StepDays}, spec: ts, n: n, nFit: m.nFit}
	if err := m.time.buildBaseline(); err != nil {
		return nil, err
	}
	m.nBase = len(m.time.base)
	m.names = append([]string{"level"}, m.time.baseNames...)
	if err := m.buildControls(); err != nil {
		return nil, err
	}
	m.iShock = len(m.names)
	if s.Shocks {
		m.nShock = m.nFit
		for t := range m.nFit {
			m.names = append(m.names, "shock["+d.Dates[t].String()+"]")
		}
	}
	m.iTau = len(m.names)
	for _, g := range d.Geos {
		m.names = append(m.names, "tau["+g+"]")
	}
	if err := m.buildChannels(kpiSum); err != nil {
		return nil, err
	}
	m.iSig, m.iRho = len(m.names), len(m.names)+1
	m.names = append(m.names, "sigma", "noise_exponent")
	m.dim = len(m.names)
	for k, o := range s.Lifts {
		lt, err := m.newGeoLiftTerm(k, o)
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

// buildControls standardises each control over every fitted geo-period.
func (m *GeoModel) buildControls() error {
	m.iCtrl = len(m.names)
	for j, name := range m.data.ControlNames {
		var all []float64
		for g := range m.G {
			all = append(all, m.data.Controls[j][g][:m.nFit]...)
		}
		mean, sd := stat.MeanSD(all)
		if !(sd > 1e-12*math.Max(1, math.Abs(mean))) {
			return fmt.Errorf("mmm: control %q is constant over the fitted periods", name)
		}
		col := make([]float64, m.G*m.n)
		for g := range m.G {
			for t, v := range m.data.Controls[j][g] {
				col[g*m.n+t] = (v - mean) / sd
			}
		}
		m.ctrl = append(m.ctrl, col)
		m.ctrlMean, m.ctrlSD = append(m.ctrlMean, mean), append(m.ctrlSD, sd)
		m.names = append(m.names, "gamma["+name+"]")
	}
	return nil
}

// buildChannels scales each channel's per-capita spend and lays out its
// coordinates: ROI, log η, the G geo deviations z, then the components'.
func (m *GeoModel) buildChannels(kpiSum float64) error {
	d := m.data
	spendAll := 0.0
	for c := range d.Channels {
		for g := range m.G {
			for _, v := range d.Spend[c][g][:m.nFit] {
				spendAll += v
			}
		}
	}
	roi := defaultROIPrior(m.spec.MediaPrior, kpiSum, spendAll)
	m.ch = make([]geoChannel, len(d.Channels))
	for c, name := range d.Channels {
		cs := m.spec.Channels[c].withDefaults(roi, d.StepDays)
		if err := validateChannelSpec(name, cs, m.n); err != nil {
			return err
		}
		ch := &m.ch[c]
		ch.name, ch.spec, ch.need = name, cs, m.nFit
		popNZ, tot, money := 0.0, 0.0, 0.0
		for g := range m.G {
			for t, v := range d.geoDrive(c, g)[:m.nFit] {
				if v > 0 {
					popNZ += d.popAt(g, t)
					tot += v
				}
			}
			for _, v := range d.Spend[c][g][:m.nFit] {
				money += v
			}
		}
		if tot == 0 {
			return fmt.Errorf("mmm: channel %q has no spend in the fitted periods", name)
		}
		coord := "roi["
		if ch.organic = money == 0; ch.organic {
			// The coordinate is the share of the KPI: contribution = share ×
			// KPI, as contribution = ROI × spend for paid media.
			money, coord = kpiSum, "share["
			ch.spec.ROI = cs.Contribution
		}
		ch.scale, ch.spendFit = tot/popNZ, money
		ch.level = money / (m.yBar * m.popTot * float64(m.nFit))
		ch.x = make([][]float64, m.G)
		for g := range m.G {
			ch.x[g] = make([]float64, m.n)
			for t, v := range d.geoDrive(c, g) {
				ch.x[g][t] = v / (d.popAt(g, t) * ch.scale)
			}
		}
		ch.pre = m.geoCarry(c, cs.MaxLag, ch.scale)
		ch.iROI, ch.iEta, ch.iZ = len(m.names), len(m.names)+1, len(m.names)+2
		m.names = append(m.names, coord+name+"]", "eta["+name+"]")
		for _, g := range d.Geos {
			m.names = append(m.names, "z["+name+","+g+"]")
		}
		ch.iAd, ch.nAd = len(m.names), len(cs.Adstock.Coords())
		for _, p := range cs.Adstock.Coords() {
			m.names = append(m.names, p+"["+name+"]")
		}
		ch.iSat, ch.nSat = len(m.names), len(cs.Saturation.Coords())
		for _, p := range cs.Saturation.Coords() {
			m.names = append(m.names, p+"["+name+"]")
		}
	}
	return nil
}

// Dim returns the number of unconstrained parameters.
func (m *GeoModel) Dim() int { return m.dim }

// ParamNames returns the coordinates' names, e.g. "roi[tv]",
// "z[tv,north]", "tau[north]", "shock[2024-01-01]".
func (m *GeoModel) ParamNames() []string { return append([]string(nil), m.names...) }

// Geos returns the geo names.
func (m *GeoModel) Geos() []string { return append([]string(nil), m.data.Geos...) }

// Channels returns the channel names.
func (m *GeoModel) Channels() []string { return append([]string(nil), m.data.Channels...) }

// ControlNames returns the control names, in the order of
// GeoPosterior.ControlEffectDraws's index.
func (m *GeoModel) ControlNames() []string { return append([]string(nil), m.data.ControlNames...) }

// LogProbGrad returns the log posterior at x, up to a constant, and writes
// its gradient into grad. It returns −Inf where the density vanishes.
func (m *GeoModel) LogProbGrad(grad, x []float64) float64 { return m.logProbGrad(m.s, grad, x) }

// NewTarget returns a view of m with its own scratch buffers, for one chain.
func (m *GeoModel) NewTarget() sampler.Target { return &geoTarget{m: m, s: m.newScratch()} }

type geoTarget struct {
	m *GeoModel
	s *geoScratch
}

func (t *geoTarget) Dim() int                              { return t.m.dim }
func (t *geoTarget) LogProbGrad(grad, x []float64) float64 { return t.m.logProbGrad(t.s, grad, x) }

// center is where the mode search starts.
func (m *GeoModel) center() []float64 {
	x := make([]float64, m.dim)
	x[0] = 1
	for c := range m.ch {
		ch := &m.ch[c]
		x[ch.iROI] = ch.spec.ROI.Mu
		x[ch.iEta] = m.spec.Eta.Mu
		ch.spec.Adstock.Center(ch.adU(x))
		ch.spec.Saturation.Center(ch.satU(x))
	}
	x[m.iSig] = math.Log(0.1)
	x[m.iRho] = m.spec.NoiseExponent.Mu
	return x
}

// kappaAt is geo g's KPI per unit of scaled per-capita KPI in period t.
func (m *GeoModel) kappaAt(g, t int) float64 {
	if m.popRel == nil {
		return m.pop[g] * m.yBar
	}
	return m.pop[g] * m.yBar * m.popRel[g][t]
}

// relativePopulation is pop_gt/pop_g for GeoModel.popRel.
func relativePopulation(d GeoData) [][]float64 {
	if d.PopulationByPeriod == nil {
		return nil
	}
	out := make([][]float64, len(d.Geos))
	for g, row := range d.PopulationByPeriod {
		out[g] = make([]float64, len(row))
		for t, v := range row {
			out[g][t] = v / d.Population[g]
		}
	}
	return out
}
