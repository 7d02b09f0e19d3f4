package mmm

import (
	"errors"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// GeoData is a geo panel in original units: every geo has every period.
type GeoData struct {
	Dates    []civil.Date // period start dates, regular
	StepDays int
	Geos     []string
	// Population is each geo's size (people, households, or its mean KPI
	// when no population is known): the model works per capita.
	Population []float64
	// PopulationByPeriod, when set, is each geo's population per period
	// ([geo][t]): the KPI and spend of period t are divided by it, so a
	// geo that grows is compared per head of that period. Population is
	// then the geo's size for the noise scale and for turning per-capita
	// effects into KPI (see GeoModel). Nil: Population in every period.
	PopulationByPeriod [][]float64
	KPI                [][]float64 // [geo][t]
	Channels           []string
	Spend              [][][]float64 // [channel][geo][t]
	// Units[c], when not nil, drives channel c's adstock and saturation
	// ([geo][t]: impressions, or an organic channel's sends or mentions)
	// while ROI still divides by spend, as Data.Units nationally; it is
	// divided by population as spend is. A channel with units and no spend
	// in the fitted periods is organic: its coordinate is its share of the
	// KPI (ChannelSpec.Contribution is its prior), and it has no ROI.
	Units [][][]float64
	// Carry[c][g], when not nil, is channel c's drive in geo g in the
	// periods just before Dates[0], oldest first (Data.Carry per geo: the
	// rows before a fit window), of which the last MaxLag feed the
	// carryover of the first periods. Each series is divided by the geo's
	// population of the first period.
	Carry        [][][]float64
	ControlNames []string
	Controls     [][][]float64 // [control][geo][t]; a national control repeats its series in every geo
}

// GeoLiftObs is a lift test in geo-model terms: the LiftObs of the test,
// computed against the treated geos' summed spend, and the treated geos.
// The model predicts
//
//	lift(θ) = Scope · Σ_{g ∈ Geos} pop_g·ȳ·β_gc · Σ_t Measure_t · [S_g(x_hi)_t − S_g(x_lo)_t]
//
// with the same moved share in every treated geo, so the test informs the
// treated geos' effects and, through pooling, the channel's. Nil Geos means
// every geo (a national test; Scope is then its scope share).
type GeoLiftObs struct {
	LiftObs
	Geos []int // indices into GeoData.Geos
}

// GeoSpec is the structure and priors of a geo model. Spec holds what the
// national model has too (channels, baseline, likelihood, holdout, KPI
// type, baseline priors, LiftTau); its Lifts must be empty: geo tests go in
// Lifts here.
type GeoSpec struct {
	Spec
	Lifts []GeoLiftObs
	// Shocks adds a shared deviation δ_t per fitted period to every geo:
	// a common shock (a holiday that moved, a competitor's launch) that
	// trend and seasonality miss. The default spec turns it on.
	Shocks bool

	// Priors, on the scaled per-capita KPI (1 = the national mean per
	// capita). Zero values take the defaults.
	Shock         Normal    // δ_t; its Mu must be 0
	GeoIntercept  Normal    // τ_g
	Eta           LogNormal // η_c, the SD of log β_gc across geos
	NoiseExponent Normal    // ρ in σ_g = σ·(pop_g/mean pop)^(−ρ)
}

var (
	// Common weekly shocks of a few percent; a fixed scale, not a learnt
	// one: with no shocks in the data a learnt scale collapses towards 0
	// and makes a funnel with the 150-odd deviations.
	defaultShock = Normal{Mu: 0, Sigma: 0.05}
	// Per-capita levels of regions commonly differ by tens of percent.
	defaultGeoIntercept = Normal{Mu: 0, Sigma: 0.5}
	// Geo effects typically within ±20–40% of the channel's (median
	// η = 0.2, 90% in [0.09, 0.45]). A LogNormal, not a half-normal: its
	// left tail stops η from reaching the neck of the funnel that η and
	// the non-centred z_gc make, where NUTS needs tiny steps.
	defaultEta = LogNormal{Mu: math.Log(0.2), Sigma: 0.5}
	// Counts: per-capita noise falls as 1/sqrt(size); 0 (no scaling) and 1
	// are both within two SDs.
	defaultNoiseExponent = Normal{Mu: 0.5, Sigma: 0.25}
)

// DefaultGeoSpec returns the default structure for d: DefaultSpec's
// national parts on the geos' summed calendar, shared shocks on.
func DefaultGeoSpec(d GeoData) GeoSpec {
	nat := Data{Dates: d.Dates, StepDays: d.StepDays, Channels: d.Channels}
	if len(d.KPI) > 0 {
		nat.KPI = d.KPI[0]
	}
	return GeoSpec{Spec: DefaultSpec(nat), Shocks: true}
}

func (s GeoSpec) withDefaults() GeoSpec {
	s.Spec = s.Spec.withDefaults()
	s.Shock = orDefault(s.Shock, defaultShock)
	s.GeoIntercept = orDefault(s.GeoIntercept, defaultGeoIntercept)
	s.Eta = orDefault(s.Eta, defaultEta)
	s.NoiseExponent = orDefault(s.NoiseExponent, defaultNoiseExponent)
	return s
}

// SumGeos returns d summed over geos as a national panel (controls are
// population-weighted means), for the national fit of the same data.
func (d GeoData) SumGeos() Data {
	n := len(d.Dates)
	out := Data{Dates: d.Dates, StepDays: d.StepDays, KPI: make([]float64, n), Channels: d.Channels, ControlNames: d.ControlNames}
	pop := 0.0
	for g := range d.Geos {
		pop += d.Population[g]
		for t, v := range d.KPI[g] {
			out.KPI[t] += v
		}
	}
	for c := range d.Channels {
		s := make([]float64, n)
		for g := range d.Geos {
			for t, v := range d.Spend[c][g] {
				s[t] += v
			}
		}
		out.Spend = append(out.Spend, s)
	}
	for j := range d.ControlNames {
		s := make([]float64, n)
		for g := range d.Geos {
			w := d.Population[g] / pop
			for t, v := range d.Controls[j][g] {
				s[t] += w * v
			}
		}
		out.Controls = append(out.Controls, s)
	}
	return out
}

func validateGeoData(d GeoData) error {
	G := len(d.Geos)
	if G == 0 {
		return errors.New("mmm: no geos")
	}
	if len(d.Population) != G || len(d.KPI) != G {
		return fmt.Errorf("mmm: %d geos with %d populations and %d KPI series", G, len(d.Population), len(d.KPI))
	}
	seen := map[string]bool{}
	for g, name := range d.Geos {
		if seen[name] {
			return fmt.Errorf("mmm: geo %q appears twice", name)
		}
		seen[name] = true
		if p := d.Population[g]; !(p > 0) || !stat.Finite(p) {
			return fmt.Errorf("mmm: geo %q has population %g, want > 0", name, p)
		}
	}
	if err := validatePopulationByPeriod(d); err != nil {
		return err
	}
	if err := validateGeoUnits(d); err != nil {
		return err
	}
	if err := validateGeoCarry(d); err != nil {
		return err
	}
	if len(d.Spend) != len(d.Channels) || len(d.Controls) != len(d.ControlNames) {
		return fmt.Errorf("mmm: %d spend panels for %d channels, %d control panels for %d controls",
			len(d.Spend), len(d.Channels), len(d.Controls), len(d.ControlNames))
	}
	for _, p := range append(append([][][]float64(nil), d.Spend...), d.Controls...) {
		if len(p) != G {
			return fmt.Errorf("mmm: a spend or control panel has %d geos, want %d", len(p), G)
		}
	}
	// Each geo must be a valid national panel on its own.
	for g, name := range d.Geos {
		nd := Data{Dates: d.Dates, StepDays: d.StepDays, KPI: d.KPI[g], Channels: d.Channels, ControlNames: d.ControlNames}
		for c := range d.Channels {
			nd.Spend = append(nd.Spend, d.Spend[c][g])
		}
		for j := range d.ControlNames {
			nd.Controls = append(nd.Controls, d.Controls[j][g])
		}
		if err := validateData(nd); err != nil {
			return fmt.Errorf("geo %q: %w", name, err)
		}
	}
	return nil
}

func validateGeoSpec(d GeoData, s GeoSpec) error {
	nat := Data{Dates: d.Dates, StepDays: d.StepDays, KPI: d.KPI[0], Channels: d.Channels}
	if err := validateSpec(nat, s.Spec); err != nil {
		return err
	}
	if len(s.Spec.Lifts) > 0 {
		return errors.New("mmm: a geo spec takes its lift tests in GeoSpec.Lifts, not Spec.Lifts")
	}
	switch {
	case !s.Shock.valid() || s.Shock.Mu != 0:
		return fmt.Errorf("mmm: invalid shock prior %+v (want mean 0)", s.Shock)
	case !s.GeoIntercept.valid():
		return fmt.Errorf("mmm: invalid geo intercept prior %+v", s.GeoIntercept)
	case !s.Eta.valid():
		return fmt.Errorf("mmm: invalid eta prior %+v", s.Eta)
	case !s.NoiseExponent.valid():
		return fmt.Errorf("mmm: invalid noise exponent prior %+v", s.NoiseExponent)
	}
	return nil
}

func validatePopulationByPeriod(d GeoData) error {
	if d.PopulationByPeriod == nil {
		return nil
	}
	if len(d.PopulationByPeriod) != len(d.Geos) {
		return fmt.Errorf("mmm: population by period for %d geos, want %d", len(d.PopulationByPeriod), len(d.Geos))
	}
	for g, row := range d.PopulationByPeriod {
		if len(row) != len(d.Dates) {
			return fmt.Errorf("mmm: geo %q has population for %d periods, want %d", d.Geos[g], len(row), len(d.Dates))
		}
		for t, p := range row {
			if !(p > 0) || !stat.Finite(p) {
				return fmt.Errorf("mmm: geo %q has population %g on %s, want > 0", d.Geos[g], p, d.Dates[t])
			}
		}
	}
	return nil
}

// popAt is geo g's population in period t.
func (d GeoData) popAt(g, t int) float64 {
	if d.PopulationByPeriod != nil {
		return d.PopulationByPeriod[g][t]
	}
	return d.Population[g]
}
