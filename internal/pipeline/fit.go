package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// fitted holds the MMM alone and, when lift tests are used, the MMM
// calibrated by them.
type fitted struct {
	data       mmm.Data
	alone      posterior
	calibrated posterior              // nil without calibration
	mode       config.CalibrationMode // never CalibrationAuto
	// spec is the structure of the MMM alone with every default filled
	// in, as the manifest records it.
	spec      mmm.Spec
	aloneSecs float64
	calSecs   float64
	// obs are the model terms of every test (included or not), so both
	// fits can predict every test; used[k] says whether test k entered
	// the calibrated fit.
	obs    []mmm.LiftObs
	geo    bool             // the fits are of the geo model
	geoObs []mmm.GeoLiftObs // with geo: every test on its treated geos
	// national is the MMM alone on the national panel (with geo, the
	// geos summed): its priors are the geo model's too.
	national *mmm.Model
	// nationalCal is the calibrated one (nil without calibration); with
	// geo, a national model with the calibrated geo model's priors.
	nationalCal *mmm.Model
	obsOK       []bool
	priorNotes  []calibrate.PriorNote
	// priors are the prior–data checks and the prior sensitivity.
	priors *priorChecks
}

// final is the fit the report's answer rests on.
func (f *fitted) final() posterior {
	if f.calibrated != nil {
		return f.calibrated
	}
	return f.alone
}

// calendar is the panel as calibration sees it: the panel's own time axis
// and spend, shared, not copied.
func (in *Inputs) calendar() calibrate.Calendar {
	p := in.Panel
	return calibrate.Calendar{Calendar: p.Calendar, Channels: p.Channels, Spend: p.Spend}
}

// fitModels fits the MMM without the lift tests and, when tests are given
// and calibration is on, with them. The two fits run concurrently; each is
// deterministic for its seed, so running them together changes no result.
// With both false only the final fit is made (the calibrated one when there
// is one): what planning and forecasting need.
func fitModels(ctx context.Context, in *Inputs, opts Options, both bool) (*fitted, error) {
	cfg := in.Config
	f := &fitted{data: in.modelData(), mode: cfg.CalibrationMode()}
	base, err := modelSpec(cfg, f.data)
	if err != nil {
		return nil, err
	}
	aloneModel, err := mmm.NewModel(f.data, base)
	if err != nil {
		// The model rejects data it cannot identify (a channel that never
		// spends, a constant control): a problem of the input.
		return nil, &InputError{Err: fmt.Errorf("%s: %w", filepath.Base(in.Panel.Source), err)}
	}

	f.spec, f.national = aloneModel.Spec(), aloneModel
	var calModel *mmm.Model
	cal := in.organicCalendar(in.calendar())
	in.checkCarryover(aloneModel.Spec(), opts)
	obs, ok, warns := calibrate.Observations(in.Tests, cal)
	for _, w := range warns {
		opts.warn(w)
	}
	f.obs, f.obsOK = obs, ok
	if cfg.GeoModel() == config.GeoModelGeo {
		if err := f.fitGeo(ctx, in, opts, base, both); err != nil {
			return nil, err
		}
		if f.priors, err = checkPriors(ctx, in, f, opts); err != nil {
			return nil, err
		}
		return f, nil
	}
	if f.mode != config.CalibrationNone && len(in.Tests) > 0 {
		spec, err := f.calibratedSpec(in, base, aloneModel.Spec())
		if err != nil {
			return nil, err
		}
		if calModel, err = mmm.NewModel(f.data, spec); err != nil {
			return nil, &InputError{Err: fmt.Errorf("%s: %w", filepath.Base(in.Config.Data.LiftTests), err)}
		}
	}
	var calFit fitter
	if calModel != nil {
		calFit, f.nationalCal = nationalFitter(calModel), calModel
	}
	if err := f.run(ctx, in, opts, nationalFitter(aloneModel), calFit, both); err != nil {
		return nil, err
	}
	if f.priors, err = checkPriors(ctx, in, f, opts); err != nil {
		return nil, err
	}
	return f, nil
}

// fitter fits one model.
type fitter func(context.Context, mmm.FitConfig) (posterior, error)

func nationalFitter(m *mmm.Model) fitter {
	return func(ctx context.Context, fc mmm.FitConfig) (posterior, error) {
		p, err := mmm.Fit(ctx, m, fc)
		if err != nil {
			return nil, err // not a typed nil in the interface
		}
		return p, nil
	}
}

// calibratedSpec returns base with the lift tests in f's mode: as
// likelihood terms (counterfactual) or as ROI priors from the channels'
// prior carryover under filled, the alone model's spec (roi_prior).
func (f *fitted) calibratedSpec(in *Inputs, base, filled mmm.Spec) (mmm.Spec, error) {
	cfg := in.Config
	spec := base
	spec.Channels = slices.Clone(base.Channels)
	switch f.mode {
	case config.Counterfactual:
		spec.Lifts = calibrate.Lifts(in.Tests, f.obs, f.obsOK)
		spec.LiftTau = cfg.Calibration.Tau
	case config.ROIPrior:
		base := make([]mmm.LogNormal, len(filled.Channels))
		for c, cs := range filled.Channels {
			base[c] = cs.ROI
		}
		priors, notes, err := calibrate.ROIPriors(in.paidTests(func(w string) { in.Warnings = append(in.Warnings, w) }), in.calendar(), func(c int) []float64 {
			return priorAdstock(filled.Channels[c])
		}, calibrate.PriorOptions{HalfLifeWeeks: cfg.Calibration.HalfLifeWeeks, Base: base})
		if err != nil {
			return spec, asInput(err)
		}
		for c, p := range priors {
			spec.Channels[c].ROI = p
		}
		f.priorNotes = append(notes, in.organicPriors(filled, &spec, cfg.Calibration.HalfLifeWeeks)...)
	}
	return spec, nil
}

// run fits alone (when both or there is no calibrated model) and cal
// (when not nil) concurrently into f.
func (f *fitted) run(ctx context.Context, in *Inputs, opts Options, alone, cal fitter, both bool) error {
	cfg := in.Config
	var wg sync.WaitGroup
	var errAlone, errCal error
	run := func(fit fitter, label string, dst *posterior, secs *float64, errp *error) {
		defer wg.Done()
		start := time.Now()
		var prog sampler.Progress
		if opts.Progress != nil {
			if p := opts.Progress(label); p != nil {
				prog = p
			}
		}
		*dst, *errp = fit(ctx, fitConfig(cfg, prog))
		*secs = time.Since(start).Seconds()
	}
	opts.info("fitting the MMM (" + describeMethod(cfg.Sampler) + ")")
	if both || cal == nil {
		wg.Add(1)
		go run(alone, "mmm alone", &f.alone, &f.aloneSecs, &errAlone)
	}
	if cal != nil {
		opts.info(fmt.Sprintf("fitting the MMM calibrated by %d lift tests (%s) alongside", countIncluded(in), f.mode))
		wg.Add(1)
		go run(cal, "calibrated", &f.calibrated, &f.calSecs, &errCal)
	}
	wg.Wait()
	if errAlone != nil {
		return fmt.Errorf("fitting the MMM: %w", errAlone)
	}
	if errCal != nil {
		return fmt.Errorf("fitting the calibrated MMM: %w", errCal)
	}
	// Each warning says which fit it is about, as the report's list does.
	for i, p := range []posterior{f.alone, f.calibrated} {
		if p == nil {
			continue
		}
		for _, w := range p.Diagnostics().Warnings {
			opts.warn([]string{"MMM alone: ", "calibrated MMM: "}[i] + w)
		}
	}
	return nil
}

func countIncluded(in *Inputs) int {
	n := 0
	for _, t := range in.Tests {
		if t.Include {
			n++
		}
	}
	return n
}

// checkCarryover flags tests shorter than their channel's carryover under
// the prior adstock: such a test misses part of the effect it moved, which
// roi_prior mode must correct for and counterfactual mode models.
func (in *Inputs) checkCarryover(spec mmm.Spec, opts Options) {
	cal := in.calendar()
	for _, t := range in.Tests {
		c, ok := cal.Channel(t.Channel)
		if !ok {
			continue
		}
		l := calibrate.CarryoverPeriods(priorAdstock(spec.Channels[c]))
		if f, ok := lift.CheckCarryover(t, float64(l), in.Panel.StepDays); ok {
			f.Source = in.Config.Data.LiftTests
			in.Findings = append(in.Findings, f)
			opts.warn(f.String())
		}
	}
}

// describeMethod says how the posterior is computed, for the log: NUTS
// runs chains of warmup and draws, Laplace draws from a Gaussian at the
// mode and has neither chains nor warmup.
func describeMethod(s config.Sampler) string {
	if s.Method == mmm.Laplace {
		return fmt.Sprintf("laplace: mode and Gaussian approximation, %d draws", s.Draws)
	}
	return fmt.Sprintf("%s, %d chains × %d warmup + %d draws", s.Method, s.Chains, s.Warmup, s.Draws)
}
