package mmm

import (
	"math"

	"github.com/triad-mmm/triad/civil"
)

// Data is the panel the model is fitted to, in original units.
type Data struct {
	Dates        []civil.Date // period start dates, regular
	StepDays     int          // 7 weekly, 1 daily
	KPI          []float64
	Channels     []string
	Spend        [][]float64 // [channel][t]
	ControlNames []string
	Controls     [][]float64 // [control][t]
	// Units[c], when not nil, drives channel c's adstock and saturation
	// (impressions, clicks, GRPs; an organic channel's sends or mentions)
	// while Spend[c] stays what its ROI divides by. A channel with units
	// and no spend in the fitted periods is organic: it has a contribution
	// (prior: ChannelSpec.Contribution), not an ROI. Nil or shorter than
	// Channels: spend drives every channel without an entry.
	Units [][]float64
	// Carry[c] holds channel c's drive (spend, or units when Units has
	// them) in the periods just before Dates[0], oldest first: a fit
	// window's earlier rows, which feed the carryover of its first
	// periods and are not fitted. Nil: nothing before the panel.
	Carry [][]float64
	// Frequency[c], when not nil, makes channel c a reach and frequency
	// channel (Meridian's R&F media): Units[c] is then its reach and
	// Frequency[c] the average frequency per reached person, per period.
	// Its Saturation is a curve in frequency applied before the adstock,
	// x_t = reach_t·S(frequency_t), and its effect is linear in the
	// adstocked x (reach_frequency.go). Nil or shorter than Channels:
	// channels without an entry are ordinary media.
	Frequency [][]float64
	// CarryFrequency[c] is an R&F channel's frequency in the periods of
	// Carry[c] (its reach there), of the same length.
	CarryFrequency [][]float64
}

// Likelihood is the observation model of the scaled KPI.
type Likelihood int

const (
	NormalLikelihood Likelihood = iota
	StudentTLikelihood
)

var likelihoods = spellings{"normal", "student_t"}

func (l Likelihood) String() string { return likelihoods.name("Likelihood", int(l)) }

// ParseLikelihood reads "normal" or "student_t"; "" means normal. The
// error quotes s and lists the valid names.
func ParseLikelihood(s string) (Likelihood, error) {
	i, err := likelihoods.parse(s)
	return Likelihood(i), err
}

// UnmarshalText parses text with ParseLikelihood.
func (l *Likelihood) UnmarshalText(text []byte) (err error) {
	*l, err = ParseLikelihood(string(text))
	return err
}

// KPIType says what the KPI measures; it changes the wording of reports,
// not the model.
type KPIType int

const (
	// Revenue: ROI is KPI currency per currency unit of spend.
	Revenue KPIType = iota
	// Count (orders, sign-ups, an awareness score): "ROI" is KPI units per
	// currency unit, the inverse of the cost per incremental KPI.
	Count
)

var kpiTypes = spellings{"revenue", "count"}

func (k KPIType) String() string { return kpiTypes.name("KPIType", int(k)) }

// ParseKPIType reads "revenue" or "count"; "" means revenue. The error
// quotes s and lists the valid names.
func ParseKPIType(s string) (KPIType, error) {
	i, err := kpiTypes.parse(s)
	return KPIType(i), err
}

// UnmarshalText parses text with ParseKPIType.
func (k *KPIType) UnmarshalText(text []byte) (err error) {
	*k, err = ParseKPIType(string(text))
	return err
}

// ChannelSpec is the structure and the priors of one channel: its media
// transform is Saturation(Adstock(spend)), and ROI, from which the
// coefficient follows, is the model's own parameter. Nil components and
// zero values take the defaults: geometric adstock and Hill saturation,
// each with its default priors, DefaultMaxLag and the default ROI prior.
type ChannelSpec struct {
	Adstock    Adstock
	MaxLag     int // periods of carryover after the period of spend
	Saturation Saturation
	ROI        LogNormal // ROI over the fitted periods
	// Contribution is the prior of an organic channel's contribution as a
	// share of the KPI over the fitted periods (see Data.Units); zero takes
	// DefaultOrganicShare.
	Contribution LogNormal
}

// DefaultOrganicShare is the default prior of an organic channel's share of
// the KPI: median 5%, 90% of the mass between 1% and 26%.
var DefaultOrganicShare = LogNormal{Mu: math.Log(0.05), Sigma: 1}

// Spec is the model structure and its priors. Build one with DefaultSpec and
// change what you need.
type Spec struct {
	Channels     []ChannelSpec // same order as Data.Channels
	FourierOrder int           // yearly Fourier pairs; 0 disables seasonality
	Trend        bool
	// Weekday adds day-of-week effects (Tuesday..Sunday against Monday);
	// daily data only.
	Weekday    bool
	Likelihood Likelihood
	StudentNu  float64 // degrees of freedom of the Student-t likelihood
	Holdout    int     // last periods kept out of the likelihood
	KPIType    KPIType
	// MediaPrior is the family of the ROI prior of channels that state
	// none (ChannelSpec.ROI zero).
	MediaPrior MediaPrior
	Lifts      []LiftObs
	LiftTau    float64 // mismatch allowance added in quadrature to lift SEs, KPI units

	// Priors of the baseline, on the scaled KPI (1 = mean KPI). Zero values
	// take the defaults.
	Intercept     Normal
	TrendSlope    Normal // change over the fitted periods
	Fourier       Normal
	Control       Normal // effect of one standard deviation of a control
	WeekdayEffect Normal // one weekday against Monday
	Sigma         HalfNormal
}

// Default priors. They are stated on the scaled problem, so they mean the
// same for any currency or KPI size; the ROI prior of ROIMediaPrior is the
// exception, stated in KPI per unit of spend.
var (
	// Meridian's default: median ROI 1.22, 90% of the mass in [0.28, 5.3].
	defaultROI = LogNormal{Mu: 0.2, Sigma: 0.9}
	// The baseline level is the KPI minus media: on the scaled KPI it is
	// near 1 minus the media share.
	defaultIntercept = Normal{Mu: 0.8, Sigma: 0.5}
	defaultTrend     = Normal{Mu: 0, Sigma: 0.5}
	defaultFourier   = Normal{Mu: 0, Sigma: 0.3}
	defaultControl   = Normal{Mu: 0, Sigma: 0.3}
	// Retail days differ by tens of percent; 0.3 leaves room for more.
	defaultWeekday = Normal{Mu: 0, Sigma: 0.3}
	// Noise of 3–10% of the mean KPI is typical; 0.3 leaves room for poor fits.
	defaultSigma = HalfNormal{Sigma: 0.3}
)

// DefaultStudentNu is the degrees of freedom of the Student-t likelihood
// when the spec leaves it zero: tails heavy enough for a few outlying
// periods, variance still finite.
const DefaultStudentNu = 5.0

// DefaultMaxLag returns the default carryover length: 8 weeks for weekly
// data, 21 days for daily data.
func DefaultMaxLag(stepDays int) int {
	if stepDays >= 7 {
		return 8
	}
	return 21
}

// DefaultSpec returns the default structure for d: geometric adstock and
// Hill saturation for every channel, a linear trend, two Fourier pairs when
// the panel covers at least a year, day-of-week effects for daily data of
// at least two weeks, a Normal likelihood and default priors.
func DefaultSpec(d Data) Spec {
	s := Spec{Trend: true, StudentNu: DefaultStudentNu}
	step := d.StepDays
	if step <= 0 {
		step = 7
	}
	if len(d.KPI)*step >= 365 {
		s.FourierOrder = 2
	}
	s.Weekday = step == 1 && len(d.KPI) >= 14
	s.Channels = make([]ChannelSpec, len(d.Channels))
	for c := range s.Channels {
		s.Channels[c] = ChannelSpec{Adstock: GeometricAdstock{}, MaxLag: DefaultMaxLag(step), Saturation: HillSaturation{}}
	}
	return s
}

func (c ChannelSpec) withDefaults(roi LogNormal, stepDays int) ChannelSpec {
	if c.Adstock == nil {
		c.Adstock = GeometricAdstock{}
	}
	if c.Saturation == nil {
		c.Saturation = HillSaturation{}
	}
	if c.MaxLag == 0 {
		c.MaxLag = DefaultMaxLag(stepDays)
	}
	if c.ROI == (LogNormal{}) {
		c.ROI = roi
	}
	if c.Contribution == (LogNormal{}) {
		c.Contribution = DefaultOrganicShare
	}
	return c
}

func (s Spec) withDefaults() Spec {
	if s.Intercept == (Normal{}) {
		s.Intercept = defaultIntercept
	}
	if s.TrendSlope == (Normal{}) {
		s.TrendSlope = defaultTrend
	}
	if s.Fourier == (Normal{}) {
		s.Fourier = defaultFourier
	}
	if s.Control == (Normal{}) {
		s.Control = defaultControl
	}
	if s.WeekdayEffect == (Normal{}) {
		s.WeekdayEffect = defaultWeekday
	}
	if s.Sigma == (HalfNormal{}) {
		s.Sigma = defaultSigma
	}
	if s.StudentNu == 0 {
		s.StudentNu = DefaultStudentNu
	}
	return s
}
