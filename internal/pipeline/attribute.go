package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/compare"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// attribute measures, by refitting the new run's inputs, how much of each
// channel's ROI change the new data and the new lift tests caused. Refit
// A is the new data with the old run's tests (those of the new test file
// whose ids the old report lists); refit B, made only when some new test
// falls inside the old panel's period, is the new panel cut to that
// period with every test inside it. With both, each cause's share is the
// average of its two orders (the Shapley split of two factors):
// data = ½[(A − old) + (new − B)], tests = ½[(B − old) + (new − A)];
// with A alone, data = A − old and tests = new − A. At most two fits.
func attribute(ctx context.Context, before, after *compare.Run, d *report.Diff, opts Options) error {
	if after.Manifest == nil {
		d.Notes = append(d.Notes, "no refits: the new run has no manifest.json to refit from")
		return nil
	}
	if d.Fit != fitCalibrated || !hasCause(d, report.CauseNewData) || !hasCause(d, report.CauseNewTests) {
		d.Notes = append(d.Notes, "no refits needed: the change has a single cause")
		return nil
	}
	start := time.Now()
	cfg, err := config.LoadValues(after.Manifest.Config, map[string]string{"data.mta": ""})
	if err != nil {
		return err
	}
	in, err := Load(cfg)
	if err != nil {
		return err
	}
	old := map[string]bool{}
	for _, e := range before.Report.Experiments {
		old[e.TestID] = true
	}
	a := d.Attribution
	if a == nil {
		a = &report.Attribution{Method: cfg.Sampler.Method.String()}
		d.Attribution = a
	}
	opts.info("refit 1 of at most 2: the new data with last quarter's tests")
	roiA, err := refitROI(ctx, withTests(in, func(t lift.Test) bool { return old[t.ID] }), opts)
	if err != nil {
		return fmt.Errorf("refit of the new data with the old tests: %w", err)
	}
	a.Refits = append(a.Refits, "new data + old tests")
	var roiB map[string][]float64
	if inB, ok := oldPeriod(in, before.Report.Period, old); ok {
		opts.info("refit 2 of 2: last quarter's data with the new tests")
		if roiB, err = refitROI(ctx, inB, opts); err != nil {
			return fmt.Errorf("refit of the old data with the new tests: %w", err)
		}
		a.Refits = append(a.Refits, "old data + new tests")
	} else {
		d.Notes = append(d.Notes, "one refit: no new test falls inside the old period, so the old data cannot be refitted with them")
	}
	split(d, before.Fits[d.Fit], after.Fits[d.Fit], roiA, roiB)
	a.Seconds = time.Since(start).Seconds()
	return nil
}

func hasCause(d *report.Diff, cause string) bool {
	for _, c := range d.Channels {
		for _, k := range c.Causes {
			if k.Cause == cause {
				return true
			}
		}
	}
	return false
}

// withTests returns a copy of in keeping the tests keep accepts.
func withTests(in *Inputs, keep func(lift.Test) bool) *Inputs {
	out := *in
	out.Tests = nil
	for _, t := range in.Tests {
		if keep(t) {
			out.Tests = append(out.Tests, t)
		}
	}
	return &out
}

// oldPeriod returns in cut to the old run's period with the tests inside
// it, when at least one of them is new; a geo panel or extra inputs are
// not cut.
func oldPeriod(in *Inputs, p report.Period, old map[string]bool) (*Inputs, bool) {
	if in.Panel.Geos != nil {
		return nil, false
	}
	cut, lo, hi, ok := cutPanel(in.Panel, p.Start, p.End)
	if !ok {
		return nil, false
	}
	inside := func(t lift.Test) bool { return t.Start >= p.Start && t.MeasureEnd() <= p.End }
	out := withTests(in, inside)
	fresh := false
	for _, t := range out.Tests {
		fresh = fresh || !old[t.ID]
	}
	out.Panel = cut
	if in.Extras != nil {
		out.Extras = in.Extras.cut(lo, hi)
	}
	return out, fresh
}

// cutPanel returns the periods lo..hi-1 of p, those that start within
// [from, to].
func cutPanel(p *panel.Panel, from, to civil.Date) (q *panel.Panel, lo, hi int, ok bool) {
	lo, hi = -1, -1
	for t, d := range p.Dates {
		if d >= from && d <= to {
			if lo < 0 {
				lo = t
			}
			hi = t + 1
		}
	}
	if lo < 0 || hi-lo < 2 {
		return nil, 0, 0, false
	}
	c := *p
	q = &c
	q.Calendar = civil.Calendar{Dates: p.Dates[lo:hi], StepDays: p.StepDays}
	q.KPI = p.KPI[lo:hi]
	q.Spend, q.Impressions, q.Controls = cutRows(p.Spend, lo, hi), cutRows(p.Impressions, lo, hi), cutRows(p.Controls, lo, hi)
	return q, lo, hi, true
}

// cutRows returns periods lo..hi-1 of each series (nil stays nil).
func cutRows(x [][]float64, lo, hi int) [][]float64 {
	if x == nil {
		return nil
	}
	out := make([][]float64, len(x))
	for i, v := range x {
		if v != nil {
			out[i] = v[lo:hi]
		}
	}
	return out
}

// cut returns the extras of periods lo..hi-1.
func (ex *extras) cut(lo, hi int) *extras {
	out := &extras{organic: cutRows(ex.organic, lo, hi), treatments: cutRows(ex.treatments, lo, hi)}
	if ex.rpk != nil {
		out.rpk = ex.rpk[lo:hi]
	}
	for _, f := range ex.factors {
		f.values = f.values[lo:hi]
		out.factors = append(out.factors, f)
	}
	return out
}

// refitROI fits in (the calibrated model when it has tests) and returns
// each channel's ROI draws under posterior.parquet's column name.
func refitROI(ctx context.Context, in *Inputs, opts Options) (map[string][]float64, error) {
	quiet := opts
	quiet.Progress = nil
	f, err := fitModels(ctx, in, quiet, false)
	if err != nil {
		return nil, err
	}
	p := f.final()
	out := map[string][]float64{}
	for c, name := range in.Panel.Channels {
		out["roi_total["+name+"]"] = p.ChannelDraws(c).ROI
	}
	return out, nil
}

// split fills each channel's new_data and new_tests causes from the ROI
// draws of the old and new runs and of refits A and B (B may be nil).
func split(d *report.Diff, old, cur compare.Draws, a, b map[string][]float64) {
	for i := range d.Channels {
		c := &d.Channels[i]
		col := "roi_total[" + c.Name + "]"
		data, tests := compare.Paired(a[col], old[col], -1), compare.Paired(cur[col], a[col], -1)
		if b != nil {
			data = compare.Paired(data, compare.Paired(cur[col], b[col], -1), 1)
			tests = compare.Paired(tests, compare.Paired(b[col], old[col], -1), 1)
			data, tests = scale(data, 0.5), scale(tests, 0.5)
		}
		for k := range c.Causes {
			switch c.Causes[k].Cause {
			case report.CauseNewData:
				c.Causes[k].ROIChange = summarize(data, d.Interval)
			case report.CauseNewTests:
				c.Causes[k].ROIChange = summarize(tests, d.Interval)
			}
		}
	}
}

func scale(x []float64, a float64) []float64 {
	for i := range x {
		x[i] *= a
	}
	return x
}

func summarize(x []float64, level float64) report.Interval {
	if len(x) == 0 {
		return report.Unknown
	}
	return riv(stat.Summarize(x, level))
}
