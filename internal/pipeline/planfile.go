package pipeline

import (
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// readPlan reads a forecast plan: the panel's date column, every channel's
// spend column and optionally control columns, for the periods right after
// the panel. Controls the plan leaves out are held at their panel mean over
// the fitted periods.
func readPlan(path string, in *Inputs) (mmm.Plan, error) {
	cfg, p := in.Config, in.Panel
	cols := []tabular.Column{{Name: cfg.Model.Date, Kind: tabular.Date}}
	for _, ch := range cfg.Model.Channels {
		cols = append(cols, tabular.Column{Name: ch.Spend, Kind: tabular.Float})
	}
	for _, c := range cfg.Model.Controls {
		cols = append(cols, tabular.Column{Name: c, Kind: tabular.Float, Optional: true})
	}
	t, err := tabular.Read(path, cols)
	if err != nil {
		return mmm.Plan{}, err
	}
	n := t.Len()
	if n == 0 {
		return mmm.Plan{}, &tabular.CellError{File: path, Msg: "the plan has no rows"}
	}
	dates := t.Dates(cfg.Model.Date)
	last := p.Dates[len(p.Dates)-1]
	for i, d := range dates {
		if !t.Valid(cfg.Model.Date, i) {
			return mmm.Plan{}, t.Errorf(i, cfg.Model.Date, "missing date")
		}
		want := last.AddDays((i + 1) * p.StepDays)
		if d != want {
			return mmm.Plan{}, t.Errorf(i, cfg.Model.Date, "date %s: the plan must continue the panel period by period (want %s, the panel ends with the period starting %s)", d, want, last)
		}
	}
	plan := mmm.Plan{Spend: make([][]float64, len(cfg.Model.Channels))}
	for c, ch := range cfg.Model.Channels {
		v := t.Floats(ch.Spend)
		for i, x := range v {
			switch {
			case !t.Valid(ch.Spend, i):
				return mmm.Plan{}, t.Errorf(i, ch.Spend, "missing spend")
			case x < 0:
				return mmm.Plan{}, t.Errorf(i, ch.Spend, "negative spend %g", x)
			}
		}
		plan.Spend[c] = v
	}
	anyControl := false
	for _, c := range cfg.Model.Controls {
		anyControl = anyControl || t.Has(c)
	}
	if anyControl {
		fitted := len(p.Dates) - cfg.Model.Holdout
		for j, c := range cfg.Model.Controls {
			if !t.Has(c) {
				plan.Controls = append(plan.Controls, constant(n, mean(p.Controls[j][:fitted])))
				continue
			}
			for i := range n {
				if !t.Valid(c, i) {
					return mmm.Plan{}, t.Errorf(i, c, "missing control value (leave the column out to hold it at its mean)")
				}
			}
			plan.Controls = append(plan.Controls, t.Floats(c))
		}
	}
	return plan, nil
}

func constant(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	return stat.Mean(v)
}
