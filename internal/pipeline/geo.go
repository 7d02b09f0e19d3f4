package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// posterior is a fit as the pipeline reads it: a national model's
// *mmm.Posterior, or a geo model's *mmm.GeoPosterior, whose national
// views are sums over geos.
type posterior interface {
	ChannelSummary(level float64) []mmm.ChannelSummary
	ChannelDraws(c int) mmm.ChannelDraws
	DrawNames() []string
	DrawIndex() (chain, draw []int)
	ParamDraws(name string) []float64
	Fit(level float64) mmm.FitMetrics
	Decomposition(level float64) mmm.Decomposition
	PeriodContributions(c int) [][]float64
	ControlEffectDraws(dst []float64, j int, base float64) error
	LiftDraws(obs mmm.LiftObs) []float64
	AdstockWeights(c int, level float64) []mmm.Interval
	SpendResponse() *mmm.SpendResponse
	Diagnostics() sampler.Diagnostics
	Chains() int
	Method() string
	Draws() int
}

// liftDraws is test k's predicted lift under p: on its treated geos for a
// geo fit, else as a national test.
func (f *fitted) liftDraws(p posterior, k int) []float64 {
	if gp, ok := p.(*mmm.GeoPosterior); ok {
		return gp.GeoLiftDraws(f.geoObs[k])
	}
	return p.LiftDraws(f.obs[k])
}

// geoData hands a geo panel to the geo model. A population that varies by
// period divides each period's KPI and spend (PopulationByPeriod); the
// geo's size is its mean.
//
// Channels from paid on are organic: their units drive them
// (GeoData.Units), and with no spend the model gives them a share of the
// KPI and no ROI.
func geoData(p *panel.Panel, paid int) mmm.GeoData {
	gp := p.Geos
	G := gp.Len()
	d := mmm.GeoData{Dates: p.Dates, StepDays: p.StepDays, Geos: gp.Names, KPI: gp.KPI,
		Channels: p.Channels, ControlNames: p.ControlNames}
	varies := false
	for g := range G {
		d.Population = append(d.Population, gp.MeanPopulation(g))
		varies = varies || slices.ContainsFunc(gp.Population[g], func(v float64) bool { return v != gp.Population[g][0] })
	}
	if varies {
		d.PopulationByPeriod = gp.Population
	}
	for c := range p.Channels {
		s := make([][]float64, G)
		for g := range G {
			s[g] = gp.Spend[g][c]
		}
		d.Spend = append(d.Spend, s)
	}
	for c := paid; c < len(p.Channels); c++ {
		for len(d.Units) < c {
			d.Units = append(d.Units, nil)
		}
		u := make([][]float64, G)
		for g := range G {
			u[g] = gp.Impressions[g][c]
		}
		d.Units = append(d.Units, u)
	}
	for j := range p.ControlNames {
		s := make([][]float64, G)
		for g := range G {
			s[g] = gp.Controls[g][j]
		}
		d.Controls = append(d.Controls, s)
	}
	return d
}

// geoObservation is test t in geo-model terms. A geo test is evaluated on
// its treated geos: its moved share comes from their summed spend and its
// scope is those geos (1). A national test covers every geo with its scope
// share.
func geoObservation(t lift.Test, p *panel.Panel, paid int, national mmm.LiftObs, nationalOK bool) (mmm.GeoLiftObs, []string, error) {
	if len(t.Geos) == 0 {
		if !nationalOK {
			return mmm.GeoLiftObs{}, nil, fmt.Errorf("lift test %s cannot be predicted", t.ID)
		}
		return mmm.GeoLiftObs{LiftObs: national}, nil, nil
	}
	cal, geos, err := treatedCalendar(t, p, paid)
	if err != nil {
		return mmm.GeoLiftObs{}, nil, err
	}
	c, _ := cal.Channel(t.Channel)
	tt := t
	tt.ScopeShare = 1
	o, warns, err := calibrate.Observation(tt, cal, c)
	if err != nil {
		return mmm.GeoLiftObs{}, warns, err
	}
	return mmm.GeoLiftObs{LiftObs: o, Geos: geos}, warns, nil
}

// treatedCalendar is the calendar of t's treated geos: their summed
// spend per channel, with their indices in the panel's geo order.
//
// An organic channel's (from paid on) "spend" is its units, as in
// organicCalendar.
func treatedCalendar(t lift.Test, p *panel.Panel, paid int) (calibrate.Calendar, []int, error) {
	gp := p.Geos
	var geos []int
	for _, name := range t.Geos {
		g, ok := gp.Index(name)
		if !ok {
			return calibrate.Calendar{}, nil, fmt.Errorf("lift test %s: unknown geo %q", t.ID, name)
		}
		geos = append(geos, g)
	}
	cal := calibrate.Calendar{Calendar: p.Calendar, Channels: p.Channels}
	for c := range p.Channels {
		s := make([]float64, p.Len())
		for _, g := range geos {
			src := gp.Spend[g][c]
			if c >= paid {
				src = gp.Impressions[g][c]
			}
			for k, v := range src {
				s[k] += v
			}
		}
		cal.Spend = append(cal.Spend, s)
	}
	return cal, geos, nil
}

// fitGeo fits the geo model alone and, with tests and calibration on,
// calibrated by them, concurrently, into f. base is the national spec of
// the config (priors, components, baseline).
func (f *fitted) fitGeo(ctx context.Context, in *Inputs, opts Options, base mmm.Spec, both bool) error {
	cfg := in.Config
	gd := geoData(in.Panel, in.paidChannels())
	gd.Carry = in.GeoCarry
	in.geoControlData(&gd)
	gs := mmm.GeoSpec{Spec: base, Shocks: true}
	alone, err := mmm.NewGeoModel(gd, gs)
	if err != nil {
		return &InputError{Err: fmt.Errorf("%s: %w", filepath.Base(in.Panel.Source), err)}
	}
	f.geo = true
	f.geoObs = make([]mmm.GeoLiftObs, len(in.Tests))
	for k, t := range in.Tests {
		o, warns, err := geoObservation(t, in.Panel, in.paidChannels(), f.obs[k], f.obsOK[k])
		for _, w := range warns {
			opts.warn(w)
		}
		f.geoObs[k] = o
		if err != nil && f.obsOK[k] {
			opts.warn(fmt.Sprintf("lift test %s cannot be predicted by the geo model: %v", t.ID, err))
		}
		f.obsOK[k] = err == nil
	}
	var calFit fitter
	if f.mode != config.CalibrationNone && len(in.Tests) > 0 {
		cs, err := f.calibratedGeoSpec(in, gs)
		if err != nil {
			return err
		}
		cal, err := mmm.NewGeoModel(gd, cs)
		if err != nil {
			return &InputError{Err: fmt.Errorf("%s: %w", filepath.Base(cfg.Data.LiftTests), err)}
		}
		calFit = geoFitter(cal)
		// The report's prior section reads the calibrated priors from a
		// national model with the same spec.
		if nm, err := mmm.NewModel(f.data, cs.Spec); err == nil {
			f.nationalCal = nm
		}
	}
	opts.info(fmt.Sprintf("geo model: %d geos × %d periods, %d parameters", len(gd.Geos), len(gd.Dates), alone.Dim()))
	return f.run(ctx, in, opts, geoFitter(alone), calFit, both)
}

func geoFitter(m *mmm.GeoModel) fitter {
	return func(ctx context.Context, fc mmm.FitConfig) (posterior, error) {
		p, err := mmm.GeoFit(ctx, m, fc)
		if err != nil {
			return nil, err
		}
		return p, nil
	}
}

// calibratedGeoSpec returns gs with the lift tests in f's mode: as
// likelihood terms on their treated geos (counterfactual) or as ROI priors
// (roi_prior), a geo test's from its treated geos' spend.
func (f *fitted) calibratedGeoSpec(in *Inputs, gs mmm.GeoSpec) (mmm.GeoSpec, error) {
	cfg := in.Config
	gs.Channels = slices.Clone(gs.Channels)
	switch f.mode {
	case config.Counterfactual:
		for k, t := range in.Tests {
			if t.Include && f.obsOK[k] {
				gs.Lifts = append(gs.Lifts, f.geoObs[k])
			}
		}
		gs.LiftTau = cfg.Calibration.Tau
	case config.ROIPrior:
		byChannel := map[int][]mmm.LogNormal{}
		for _, t := range in.Tests {
			if !t.Include {
				continue
			}
			if c, ok := in.Panel.Channel(t.Channel); ok && in.isOrganic(c) {
				if len(t.Geos) > 0 {
					return gs, &InputError{Err: fmt.Errorf("%s: lift test %s: a test of organic channel %s on its treated geos cannot become a prior on its share (roi_prior reads organic tests nationally); use calibration.mode: counterfactual",
						filepath.Base(cfg.Data.LiftTests), t.ID, t.Channel)}
				}
				continue // organicPriors, below
			}
			cal, tt := in.calendar(), t
			if len(t.Geos) > 0 {
				var err error
				if cal, _, err = treatedCalendar(t, in.Panel, in.paidChannels()); err != nil {
					return gs, asInput(err)
				}
				tt.ScopeShare = 1
			}
			priors, notes, err := calibrate.ROIPriors([]lift.Test{tt}, cal, func(c int) []float64 {
				return priorAdstock(f.spec.Channels[c])
			}, calibrate.PriorOptions{HalfLifeWeeks: cfg.Calibration.HalfLifeWeeks, AsOf: in.calendar().End()})
			if err != nil {
				return gs, asInput(err)
			}
			for c, p := range priors {
				byChannel[c] = append(byChannel[c], p)
			}
			f.priorNotes = append(f.priorNotes, notes...)
		}
		for c, ps := range byChannel {
			gs.Channels[c].ROI = calibrate.CombineLogNormal(ps)
		}
		f.priorNotes = append(f.priorNotes, in.organicPriors(f.spec, &gs.Spec, cfg.Calibration.HalfLifeWeeks)...)
	}
	return gs, nil
}

// geoFactors is each geo's incrementality factor per channel from the
// geo fit's per-geo contributions, for the calibrated MTA export; nil for
// a national fit or an MTA export without geos.
func geoFactors(in *Inputs, final posterior, level float64) map[string][]float64 {
	gp, ok := final.(*mmm.GeoPosterior)
	if !ok || in.MTA == nil {
		return nil
	}
	geos := gp.GeoSummary(level)
	return in.MTA.GeoFactors(func(geo string, c int) (float64, bool) {
		g, ok := in.Panel.Geos.Index(geo)
		if !ok || g >= len(geos) || c >= len(geos[g].Channels) {
			return 0, false
		}
		return geos[g].Channels[c].Contribution.Mean, true
	})
}

// geoNames returns the panel's geos, nil for a national panel.
func geoNames(in *Inputs) []string {
	if in.Panel.Geos == nil {
		return nil
	}
	return in.Panel.Geos.Names
}
