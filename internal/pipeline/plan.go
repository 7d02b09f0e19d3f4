package pipeline

import (
	"context"
	"errors"

	"github.com/triad-mmm/triad/budget"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// TableResult is the outcome of a command that prints one table.
type TableResult struct {
	Table string
	Files []string
}

// fitFinal fits only the model the answer rests on: calibrated when lift
// tests are used, else the MMM alone, after starting the generation that
// will hold the command's files.
func fitFinal(ctx context.Context, cfg *config.Config, opts Options, set string, files []string) (*Inputs, *outdir.Generation, *fitted, error) {
	in, err := Load(cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	gen, err := beginOutputs(cfg, set, files)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, w := range in.Warnings {
		opts.warn(w)
	}
	f, err := fitModels(ctx, in, opts, false)
	if err != nil {
		gen.Abort()
		return nil, nil, nil, err
	}
	return in, gen, f, nil
}

// Optimize fits the model and recommends a budget allocation; it writes
// budget.json to the output directory and returns a printable table.
func Optimize(ctx context.Context, cfg *config.Config, opts Options) (*TableResult, error) {
	in, gen, f, err := fitFinal(ctx, cfg, opts, "optimize", []string{budgetFile})
	if err != nil {
		return nil, err
	}
	defer gen.Abort()
	post := f.final()
	level := cfg.Report.Interval
	resp := post.SpendResponse()
	prob, err := budgetProblem(cfg, resp)
	if err != nil {
		return nil, err
	}
	f.priors.lockDriven(cfg, &prob)
	plan, err := budget.Optimize(resp, prob, level)
	if err != nil {
		return nil, asBudgetError(err)
	}
	b := budgetSection(in.Panel.Channels, prob.Current, &plan, objectiveLabel(cfg.Budget.Objective, cfg.Budget.Quantile))
	f.priors.markDriven(b)
	if t := cfg.Budget.TargetROI; t > 0 {
		total, tp, err := budget.MaxBudgetForTargetROI(resp, prob, t, level)
		if err != nil {
			return nil, asBudgetError(err)
		}
		b.TargetROI = targetROISection(in.Panel.Channels, prob.Current, t, total, &tp)
	}
	js, err := report.MarshalBudget(b)
	if err != nil {
		return nil, err
	}
	if err := gen.WriteFile(budgetFile, js); err != nil {
		return nil, err
	}
	files, err := gen.Commit(ctx)
	if err != nil {
		return nil, err
	}
	return &TableResult{Table: report.BudgetTable(b, level), Files: files}, nil
}

// asBudgetError makes an infeasible budget (bounds that cannot meet the
// total) an input error: the configuration asks for the impossible.
func asBudgetError(err error) error {
	if errors.Is(err, budget.ErrInfeasible) {
		return &InputError{Err: err}
	}
	return err
}

// Forecast fits the model and predicts the KPI for the spend plan in the
// file planPath; it writes forecast.csv and returns a printable table.
func Forecast(ctx context.Context, cfg *config.Config, planPath string, opts Options) (*TableResult, error) {
	if err := checkOverlap(cfg, outdir.Input{Key: "--plan", Path: planPath}); err != nil {
		return nil, err
	}
	in, err := Load(cfg)
	if err != nil {
		return nil, err
	}
	plan, err := readPlan(planPath, in)
	if err != nil {
		return nil, asInput(err)
	}
	gen, err := beginOutputs(cfg, "forecast", []string{forecastFile})
	if err != nil {
		return nil, err
	}
	defer gen.Abort()
	for _, w := range in.Warnings {
		opts.warn(w)
	}
	if cfg.GeoModel() == config.GeoModelGeo {
		// A national plan says nothing of how spend splits across geos:
		// forecast from the geos summed to national.
		opts.info("forecast: the plan is national, so the geos are summed into a national panel for it")
		c := *cfg
		c.Model.GeoModel = config.GeoModelSum
		in.Config = &c
	}
	f, err := fitModels(ctx, in, opts, false)
	if err != nil {
		return nil, err
	}
	level := cfg.Report.Interval
	fc, err := f.final().(*mmm.Posterior).Forecast(plan, level)
	if err != nil {
		return nil, err
	}
	path := gen.Path(forecastFile)
	t := tabular.NewTable(path, len(fc.Dates))
	t.SetDates(cfg.Model.Date, fc.Dates, nil)
	split := func(name string, ivs []mmm.Interval) {
		m, lo, hi := make([]float64, len(ivs)), make([]float64, len(ivs)), make([]float64, len(ivs))
		for i, iv := range ivs {
			m[i], lo[i], hi[i] = iv.Mean, iv.Lo, iv.Hi
		}
		t.SetFloats(name, m, nil)
		t.SetFloats(name+"_lo", lo, nil)
		t.SetFloats(name+"_hi", hi, nil)
	}
	split(cfg.Model.KPI, fc.KPI)
	split("media", fc.Media)
	t.SetFloats("baseline", fc.Baseline, nil)
	if err := tabular.Write(path, t); err != nil {
		return nil, err
	}
	files, err := gen.Commit(ctx)
	if err != nil {
		return nil, err
	}
	ft := report.Forecast{
		KPI: cfg.Model.KPI, Level: level, Dates: fc.Dates, Baseline: fc.Baseline,
		Total: riv(fc.Total), MediaTotal: riv(fc.MediaTotal), Channels: fc.Channels,
	}
	for i := range fc.Dates {
		ft.Values = append(ft.Values, riv(fc.KPI[i]))
		ft.Media = append(ft.Media, riv(fc.Media[i]))
	}
	for _, iv := range fc.ChannelTotals {
		ft.ChannelTotals = append(ft.ChannelTotals, riv(iv))
	}
	return &TableResult{Table: report.ForecastTable(ft), Files: files}, nil
}
