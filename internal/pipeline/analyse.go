package pipeline

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/triad-mmm/triad/budget"
	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
)

// analysis is everything computed from the fits.
type analysis struct {
	level      float64
	alone      []mmm.ChannelSummary
	calibrated []mmm.ChannelSummary // nil without a calibrated fit
	rec        *calibrate.Result
	current    []float64 // spend per channel over the period
	plan       *budget.Plan
	target     *targetPlan // nil unless budget.target_roi > 0
	decomp     mmm.Decomposition
	fitAlone   mmm.FitMetrics
	fitCal     *mmm.FitMetrics
	// geoIF[geo][c] is channel c's incrementality factor in a geo (NaN where
	// it has none): the geo's calibrated contribution over its MTA
	// attribution. Nil until the fit gives per-geo contributions.
	geoIF map[string][]float64
	// geo holds a geo fit's national and per-geo decompositions and fit
	// metrics (zero for a national fit); geoDecomp is its Geos.
	geo       mmm.GeoBreakdown
	geoDecomp []mmm.Decomposition
}

// geoFactor returns channel c's factor in geo, when the fit has one.
func (a *analysis) geoFactor(geo string, c int) (float64, bool) {
	f, ok := a.geoIF[geo]
	if !ok || c >= len(f) || math.IsNaN(f[c]) || math.IsInf(f[c], 0) {
		return 0, false
	}
	return f[c], true
}

type targetPlan struct {
	ROI   float64
	Total float64
	Plan  budget.Plan
}

func analyse(in *Inputs, f *fitted, opts Options) (*analysis, error) {
	cfg := in.Config
	a := &analysis{level: cfg.Report.Interval}
	final := f.final()
	a.alone = f.alone.ChannelSummary(a.level)
	a.fitAlone = f.alone.Fit(a.level)
	if f.calibrated != nil {
		a.calibrated = f.calibrated.ChannelSummary(a.level)
		fm := f.calibrated.Fit(a.level)
		a.fitCal = &fm
	}
	a.decomp = final.Decomposition(a.level)
	a.geoIF = geoFactors(in, final, a.level)
	if gp, ok := final.(*mmm.GeoPosterior); ok {
		a.geo = gp.Breakdown(a.level)
		a.geoDecomp = a.geo.Geos
	}

	rec, err := reconcile(in, f, a)
	if err != nil {
		return nil, err
	}
	a.rec = rec

	opts.info("planning the budget")
	resp := final.SpendResponse()
	prob, err := budgetProblem(cfg, resp)
	if err != nil {
		return nil, err
	}
	f.priors.lockDriven(cfg, &prob)
	a.current = prob.Current
	plan, err := budget.Optimize(resp, prob, a.level)
	switch {
	case err == nil:
		a.plan = &plan
	case errors.Is(err, budget.ErrInfeasible):
		return nil, inputErrorf("budget: %v", err)
	default:
		opts.warn(fmt.Sprintf("budget plan not computed: %v", err))
	}
	if t := cfg.Budget.TargetROI; t > 0 {
		total, tp, err := budget.MaxBudgetForTargetROI(resp, prob, t, a.level)
		if err != nil {
			opts.warn(fmt.Sprintf("target-ROI budget not computed: %v", err))
		} else {
			a.target = &targetPlan{ROI: t, Total: total, Plan: tp}
		}
	}
	return a, nil
}

// reconcile gathers the draws reconciliation compares.
func reconcile(in *Inputs, f *fitted, a *analysis) (*calibrate.Result, error) {
	p := in.Panel
	final := f.final()
	finalSummary := a.alone
	if a.calibrated != nil {
		finalSummary = a.calibrated
	}
	kpiType := in.Config.Model.KPIType
	ri := calibrate.Input{
		Level:         a.level,
		KPIName:       p.KPIName,
		KPIType:       kpiType,
		Calendar:      in.calendar(),
		KPI:           p.KPI,
		HalfLifeWeeks: in.Config.Calibration.HalfLifeWeeks,
		ResidualSD:    residualSD(a.decomp),
		Adstock: func(c int) []float64 {
			ws := final.AdstockWeights(c, a.level)
			w := make([]float64, len(ws))
			for l, iv := range ws {
				w[l] = iv.Mean
			}
			return w
		},
	}
	for c := range p.Channels {
		cd := calibrate.ChannelDraws{
			MMM:  f.alone.PeriodContributions(c),
			RHat: finalSummary[c].RHat,
			ESS:  finalSummary[c].ESSBulk,
		}
		if f.calibrated != nil {
			cd.Calibrated = f.calibrated.PeriodContributions(c)
		}
		if in.MTA != nil && !in.isOffline(c) {
			cd.MTA = in.MTA.Attributed[c]
		}
		ri.Channels = append(ri.Channels, cd)
	}
	for k, t := range in.Tests {
		td := calibrate.TestDraws{Test: t}
		if f.obsOK[k] {
			td.MMM = f.liftDraws(f.alone, k)
			if f.calibrated != nil {
				td.Calibrated = f.liftDraws(f.calibrated, k)
			}
		}
		ri.Tests = append(ri.Tests, td)
	}
	return calibrate.Reconcile(ri)
}

// residualSD is the RMSE of the posterior mean fit over the fitted periods:
// the per-period noise a suggested test has to see through.
func residualSD(d mmm.Decomposition) float64 {
	n := len(d.Actual)
	if d.HoldoutStart >= 0 {
		n = d.HoldoutStart
	}
	ss := 0.0
	for t := range n {
		e := d.Actual[t] - d.Fitted[t].Mean
		ss += e * e
	}
	if n == 0 {
		return math.NaN()
	}
	return math.Sqrt(ss / float64(n))
}

// budgetProblem builds the optimiser's problem from the budget section:
// default bounds ±budget.bounds around current spend, overridden per
// channel; a locked channel keeps its current spend.
func budgetProblem(cfg *config.Config, resp *mmm.SpendResponse) (budget.Problem, error) {
	n := resp.Channels()
	cur := make([]float64, n)
	for c := range cur {
		cur[c] = resp.Current(c)
	}
	bounds := budget.DefaultBounds(cur, cfg.Budget.Bounds)
	for _, bc := range cfg.Budget.Channels {
		c := slices.IndexFunc(cfg.Model.Channels, func(ch config.Channel) bool { return ch.Name == bc.Name })
		if c < 0 {
			return budget.Problem{}, &config.Error{Problems: []string{fmt.Sprintf("budget.channels: unknown channel %q", bc.Name)}}
		}
		if bc.Min != nil {
			bounds[c].Min = *bc.Min
		}
		if bc.Max != nil {
			bounds[c].Max = *bc.Max
		}
		bounds[c].Locked = bc.Locked
	}
	var obj budget.Objective = budget.Mean{}
	if cfg.Budget.Objective == config.QuantileObjective {
		obj = budget.Quantile{Q: cfg.Budget.Quantile}
	}
	return budget.Problem{Current: cur, Total: cfg.Budget.Total, Bounds: bounds, Objective: obj}, nil
}
