package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

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
	b := budgetSection(in.Panel.Channels, prob.Current, &plan, cfg.Budget.Objective.String(), cfg.Budget.Quantile)
	f.priors.markDriven(b)
	out := struct {
		Budget    *report.Budget `json:"budget"`
		TargetROI *targetSection `json:"target_roi,omitempty"`
	}{Budget: b}
	var tb strings.Builder
	writeBudgetTable(&tb, b, level)
	if t := cfg.Budget.TargetROI; t > 0 {
		total, tp, err := budget.MaxBudgetForTargetROI(resp, prob, t, level)
		if err != nil {
			return nil, asBudgetError(err)
		}
		ts := &targetSection{TargetROI: t, Total: total, Plan: budgetSection(in.Panel.Channels, prob.Current, &tp, "target_roi", 0)}
		out.TargetROI = ts
		fmt.Fprintf(&tb, "\nLargest budget whose marginal ROI stays at or above %g: %s\n", t, human(total))
		writeBudgetTable(&tb, ts.Plan, level)
	}
	js, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := gen.WriteFile(budgetFile, append(js, '\n')); err != nil {
		return nil, err
	}
	files, err := gen.Commit(ctx)
	if err != nil {
		return nil, err
	}
	return &TableResult{Table: tb.String(), Files: files}, nil
}

type targetSection struct {
	TargetROI float64        `json:"target_roi"`
	Total     float64        `json:"total"`
	Plan      *report.Budget `json:"plan"`
}

func asBudgetError(err error) error {
	if strings.Contains(err.Error(), "infeasible") {
		return &InputError{Err: err}
	}
	return err
}

func writeBudgetTable(w *strings.Builder, b *report.Budget, level float64) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "channel\tcurrent\trecommended\tchange\tmin\tmax\tmROI now\tmROI after\t\n")
	for _, c := range b.Channels {
		change := "locked"
		if !c.Locked {
			change = fmt.Sprintf("%+.1f%%", 100*(c.Recommended/c.Current-1))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t\n", c.Name, human(c.Current), human(c.Recommended), change,
			human(c.Min), human(c.Max), c.MROICurrent.Mean, c.MROIRecommended.Mean)
	}
	tw.Flush()
	g := b.ExpectedGain
	fmt.Fprintf(w, "total %s (%s); expected gain %s (%.0f%% interval %s to %s)\n", human(b.Total), b.Objective,
		human(g.Mean), 100*level, human(g.Lo), human(g.Hi))
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
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	pct := fmt.Sprintf("%.0f%%", 100*level)
	fmt.Fprintf(tw, "period\t%s\t%s lo\t%s hi\tmedia\tbaseline\t\n", cfg.Model.KPI, pct, pct)
	for i, d := range fc.Dates {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", d, human(fc.KPI[i].Mean), human(fc.KPI[i].Lo), human(fc.KPI[i].Hi),
			human(fc.Media[i].Mean), human(fc.Baseline[i]))
	}
	tw.Flush()
	fmt.Fprintf(&b, "total %s (%s interval %s to %s), of which media %s (%s to %s)\n",
		human(fc.Total.Mean), pct, human(fc.Total.Lo), human(fc.Total.Hi),
		human(fc.MediaTotal.Mean), human(fc.MediaTotal.Lo), human(fc.MediaTotal.Hi))
	for c, name := range fc.Channels {
		iv := fc.ChannelTotals[c]
		fmt.Fprintf(&b, "  %-16s %s (%s to %s)\n", name, human(iv.Mean), human(iv.Lo), human(iv.Hi))
	}
	return &TableResult{Table: b.String(), Files: files}, nil
}
