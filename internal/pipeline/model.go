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
	s.Likelihood, s.KPIType, s.MediaPrior = m.Likelihood, m.KPIType, m.MediaPrior
	if m.RevenuePerKPI.IsSet() {
		// The KPI is a count that revenue per KPI turns into revenue.
		s.KPIType = mmm.Count
	}
	for c, ch := range m.Channels {
		cs := &s.Channels[c]
		if ch.MaxLag > 0 {
			cs.MaxLag = ch.MaxLag
		}
		if ch.ROIPrior != nil {
			cs.ROI = *ch.ROIPrior
		}
		var err error
		if cs.Adstock, cs.Saturation, err = components(ch); err != nil {
			return s, &config.Error{Problems: []string{fmt.Sprintf("model.channels[%d]: %v", c, err)}}
		}
	}
	if err := organicSpec(m, &s); err != nil {
		return s, &config.Error{Problems: []string{err.Error()}}
	}
	return s, nil
}

// components returns the channel's adstock and saturation of the kinds
// it names, with the priors it sets for their parameters.
func components(ch config.Channel) (mmm.Adstock, mmm.Saturation, error) {
	ad, sat := ch.Adstock.New(), ch.Saturation.New()
	if ad == nil || sat == nil {
		return nil, nil, fmt.Errorf("unknown adstock %q or saturation %q", ch.Adstock, ch.Saturation)
	}
	var err error
	for _, p := range ad.Params() {
		if q, ok := ch.Priors[p.Name+"_prior"]; ok {
			if ad, err = ad.WithPrior(p.Name, q); err != nil {
				return nil, nil, err
			}
		}
	}
	for _, p := range sat.Params() {
		if q, ok := ch.Priors[p.Name+"_prior"]; ok {
			if sat, err = sat.WithPrior(p.Name, q); err != nil {
				return nil, nil, err
			}
		}
	}
	return ad, sat, nil
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
			DenseMetric:  s.Metric == "dense",
			Progress:     progress,
		},
	}
}
