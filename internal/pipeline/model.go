package pipeline

import (
	"fmt"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// modelData hands the panel to the model.
func modelData(p *panel.Panel) mmm.Data {
	return mmm.Data{
		Dates:        p.Dates,
		StepDays:     p.StepDays,
		KPI:          p.KPI,
		Channels:     p.Channels,
		Spend:        p.Spend,
		ControlNames: p.ControlNames,
		Controls:     p.Controls,
	}
}

// modelSpec turns the model section of the config into the MMM's spec,
// without any lift tests.
func modelSpec(cfg *config.Config, d mmm.Data) (mmm.Spec, error) {
	m := cfg.Model
	s := mmm.DefaultSpec(d)
	s.FourierOrder = m.FourierOrder
	s.Trend = m.Trend
	s.Holdout = m.Holdout
	if m.Weekday != nil {
		if *m.Weekday && d.StepDays != 1 {
			return s, &config.Error{Problems: []string{fmt.Sprintf("model.weekday: day-of-week effects need a daily panel (this one has a step of %d days)", d.StepDays)}}
		}
		s.Weekday = *m.Weekday
	}
	s.StudentNu = m.StudentNu
	var err error
	if s.Likelihood, err = mmm.ParseLikelihood(m.Likelihood); err != nil {
		return s, &config.Error{Problems: []string{"model.likelihood: " + err.Error()}}
	}
	if s.KPIType, err = mmm.ParseKPIType(m.KPIType); err != nil {
		return s, &config.Error{Problems: []string{"model.kpi_type: " + err.Error()}}
	}
	for c, ch := range m.Channels {
		cs := &s.Channels[c]
		if cs.Adstock, err = mmm.ParseAdstockKind(ch.Adstock); err != nil {
			return s, &config.Error{Problems: []string{"model.channels." + ch.Name + ".adstock: " + err.Error()}}
		}
		if cs.Saturation, err = mmm.ParseSaturationKind(ch.Saturation); err != nil {
			return s, &config.Error{Problems: []string{"model.channels." + ch.Name + ".saturation: " + err.Error()}}
		}
		if ch.MaxLag > 0 {
			cs.MaxLag = ch.MaxLag
		}
		setLogNormal(&cs.ROI, ch.ROIPrior)
		setLogNormal(&cs.Shape, ch.ShapePrior)
		setLogNormal(&cs.K, ch.KPrior)
		setLogNormal(&cs.Slope, ch.SlopePrior)
		setLogNormal(&cs.Lambda, ch.LambdaPrior)
		setBeta(&cs.Alpha, ch.AlphaPrior)
		setBeta(&cs.Theta, ch.ThetaPrior)
		setBeta(&cs.Scale, ch.ScalePrior)
	}
	return s, nil
}

// setLogNormal overrides a default prior with the config's, when given.
func setLogNormal(dst *mmm.LogNormal, p *config.LogNormal) {
	if p != nil {
		*dst = mmm.LogNormal{Mu: p.Mu, Sigma: p.Sigma}
	}
}

func setBeta(dst *mmm.Beta, p *config.Beta) {
	if p != nil {
		*dst = mmm.Beta{A: p.A, B: p.B}
	}
}

// fitConfig turns the sampler section into the model's fit settings.
func fitConfig(cfg *config.Config, progress sampler.Progress) mmm.FitConfig {
	s := cfg.Sampler
	return mmm.FitConfig{
		Method: s.Method,
		Sampler: sampler.Config{
			Chains:       s.Chains,
			Warmup:       s.Warmup,
			Draws:        s.Draws,
			Seed:         s.Seed,
			MaxTreeDepth: s.MaxTreeDepth,
			TargetAccept: s.TargetAccept,
			Progress:     progress,
		},
	}
}
