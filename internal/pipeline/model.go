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
		ak, err := mmm.ParseAdstockKind(ch.Adstock)
		if err != nil {
			return s, &config.Error{Problems: []string{"model.channels." + ch.Name + ".adstock " + err.Error()}}
		}
		sk, err := mmm.ParseSaturationKind(ch.Saturation)
		if err != nil {
			return s, &config.Error{Problems: []string{"model.channels." + ch.Name + ".saturation " + err.Error()}}
		}
		cs.Adstock, cs.Saturation = ak.New(), sk.New()
		if ch.MaxLag > 0 {
			cs.MaxLag = ch.MaxLag
		}
		if ch.ROIPrior != nil {
			cs.ROI = mmm.LogNormal{Mu: ch.ROIPrior.Mu, Sigma: ch.ROIPrior.Sigma}
		}
		priors := map[string]mmm.Prior{}
		for name, p := range map[string]*config.LogNormal{"shape": ch.ShapePrior, "k": ch.KPrior, "slope": ch.SlopePrior, "lambda": ch.LambdaPrior} {
			if p != nil {
				priors[name] = mmm.LogNormal{Mu: p.Mu, Sigma: p.Sigma}
			}
		}
		for name, p := range map[string]*config.Beta{"alpha": ch.AlphaPrior, "theta": ch.ThetaPrior, "scale": ch.ScalePrior} {
			if p != nil {
				priors[name] = mmm.Beta{A: p.A, B: p.B}
			}
		}
		for _, p := range cs.Adstock.Params() {
			if q, ok := priors[p.Name]; ok {
				cs.Adstock, _ = cs.Adstock.WithPrior(p.Name, q)
			}
		}
		for _, p := range cs.Saturation.Params() {
			if q, ok := priors[p.Name]; ok {
				cs.Saturation, _ = cs.Saturation.WithPrior(p.Name, q)
			}
		}
	}
	return s, nil
}

// fitConfig turns the sampler section into the model's fit settings.
func fitConfig(cfg *config.Config, progress sampler.Progress) mmm.FitConfig {
	s := cfg.Sampler
	return mmm.FitConfig{
		Method: func() mmm.Method { k, _ := mmm.ParseMethod(s.Method); return k }(),
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
