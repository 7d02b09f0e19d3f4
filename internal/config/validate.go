package config

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Error reports every invalid key of a configuration at once, so a user
// fixes the file in one pass.
type Error struct {
	Problems []string
}

func (e *Error) Error() string {
	if len(e.Problems) == 1 {
		return "config: " + e.Problems[0]
	}
	return "config:\n  " + strings.Join(e.Problems, "\n  ")
}

// IsError reports whether err is a configuration error.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

// CalibrationMode returns the calibration mode in force: the configured
// one, or counterfactual when lift tests are given and none otherwise.
func (c *Config) CalibrationMode() string {
	if c.Calibration.Mode != "" {
		return c.Calibration.Mode
	}
	if c.Data.LiftTests != "" {
		return "counterfactual"
	}
	return "none"
}

// Validate checks values that the YAML types cannot: required keys, enums,
// ranges and cross-references.
func (c *Config) Validate() error {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }

	if c.Data.Panel == "" {
		add("data.panel is required (the panel file: date, KPI, spend per channel)")
	}
	if c.Model.KPI == "" {
		add("model.kpi is required (the KPI column of the panel)")
	}
	if c.Model.Date == "" {
		add("model.date must name the date column")
	}
	if !oneOf(c.Model.KPIType, "revenue", "count") {
		add("model.kpi_type %q: want revenue or count", c.Model.KPIType)
	}
	if len(c.Model.Channels) == 0 {
		add("model.channels must list at least one channel {name, spend}")
	}
	seen := map[string]bool{}
	for i, ch := range c.Model.Channels {
		key := fmt.Sprintf("model.channels[%d]", i)
		if ch.Name == "" {
			add("%s.name is required", key)
		}
		if seen[ch.Name] {
			add("%s.name %q is listed twice", key, ch.Name)
		}
		seen[ch.Name] = true
		if ch.Spend == "" {
			add("%s.spend is required (the spend column of channel %q)", key, ch.Name)
		}
		if ch.Adstock != "" && !oneOf(ch.Adstock, "geometric", "delayed", "weibull") {
			add("%s.adstock %q: want geometric, delayed or weibull", key, ch.Adstock)
		}
		if ch.Saturation != "" && !oneOf(ch.Saturation, "hill", "logistic") {
			add("%s.saturation %q: want hill or logistic", key, ch.Saturation)
		}
		if ch.MaxLag < 0 {
			add("%s.max_lag %d must be >= 0", key, ch.MaxLag)
		}
		for _, p := range []struct {
			name string
			p    *LogNormal
		}{{"roi_prior", ch.ROIPrior}, {"shape_prior", ch.ShapePrior}, {"k_prior", ch.KPrior},
			{"slope_prior", ch.SlopePrior}, {"lambda_prior", ch.LambdaPrior}} {
			if p.p != nil && !(p.p.Sigma > 0 && finite(p.p.Sigma) && finite(p.p.Mu)) {
				add("%s.%s: sigma must be > 0 and mu finite", key, p.name)
			}
		}
		for _, p := range []struct {
			name string
			p    *Beta
		}{{"alpha_prior", ch.AlphaPrior}, {"theta_prior", ch.ThetaPrior}, {"scale_prior", ch.ScalePrior}} {
			if p.p != nil && !(p.p.A > 0 && p.p.B > 0 && finite(p.p.A) && finite(p.p.B)) {
				add("%s.%s: a and b must be > 0", key, p.name)
			}
		}
	}
	if c.Model.FourierOrder < 0 || c.Model.FourierOrder > 10 {
		add("model.fourier_order %d: want 0..10", c.Model.FourierOrder)
	}
	if !oneOf(c.Model.Likelihood, "normal", "student_t") {
		add("model.likelihood %q: want normal or student_t", c.Model.Likelihood)
	}
	if c.Model.Likelihood == "student_t" && !(c.Model.StudentNu > 0) {
		add("model.student_nu must be > 0")
	}
	if c.Model.Holdout < 0 {
		add("model.holdout %d must be >= 0", c.Model.Holdout)
	}

	s := c.Sampler
	if !oneOf(s.Method, "nuts", "laplace") {
		add("sampler.method %q: want nuts or laplace", s.Method)
	}
	if s.Chains < 1 || s.Chains > 64 {
		add("sampler.chains %d: want 1..64", s.Chains)
	}
	if s.Draws < 10 {
		add("sampler.draws %d: want at least 10", s.Draws)
	}
	if s.Method == "nuts" && s.Warmup < 10 {
		add("sampler.warmup %d: want at least 10", s.Warmup)
	}
	if s.MaxTreeDepth < 1 || s.MaxTreeDepth > 15 {
		add("sampler.max_tree_depth %d: want 1..15", s.MaxTreeDepth)
	}
	if !(s.TargetAccept > 0.5 && s.TargetAccept < 1) {
		add("sampler.target_accept %g: want a value in (0.5, 1)", s.TargetAccept)
	}

	cal := c.Calibration
	if cal.Mode != "" && !oneOf(cal.Mode, "counterfactual", "roi_prior", "none") {
		add("calibration.mode %q: want counterfactual, roi_prior or none", cal.Mode)
	}
	if cal.Mode != "" && cal.Mode != "none" && c.Data.LiftTests == "" {
		add("calibration.mode %q needs data.lift_tests", cal.Mode)
	}
	if !oneOf(cal.Format, "canonical", "robyn", "pymc", "geolift") {
		add("calibration.format %q: want canonical, robyn, pymc or geolift", cal.Format)
	}
	if cal.Tau < 0 {
		add("calibration.tau must be >= 0")
	}
	if !(cal.HalfLifeWeeks > 0) {
		add("calibration.half_life_weeks must be > 0")
	}
	if !(cal.RelativeSE > 0) {
		add("calibration.relative_se must be > 0")
	}

	if c.Data.MTA != "" {
		if c.MTA.Value == "" {
			add("mta.value must name the attributed KPI column of the MTA export")
		}
		for i, m := range c.MTA.ChannelMap {
			if m.MTA == "" || m.Channel == "" {
				add("mta.channel_map[%d] needs both mta and channel", i)
			} else if !seen[m.Channel] {
				add("mta.channel_map[%d].channel %q is not a model channel", i, m.Channel)
			}
		}
	}

	if !(c.Report.Interval > 0 && c.Report.Interval < 1) {
		add("report.interval %g: want a level in (0, 1), e.g. 0.9", c.Report.Interval)
	}

	b := c.Budget
	if b.Total < 0 {
		add("budget.total must be >= 0 (0 means the period's spend)")
	}
	if !(b.Bounds >= 0 && b.Bounds <= 10) {
		add("budget.bounds %g: want the allowed relative change, e.g. 0.3 for ±30%%", b.Bounds)
	}
	if !oneOf(b.Objective, "mean", "quantile") {
		add("budget.objective %q: want mean or quantile", b.Objective)
	}
	if b.Objective == "quantile" && !(b.Quantile > 0 && b.Quantile <= 0.5) {
		add("budget.quantile %g: want a value in (0, 0.5]", b.Quantile)
	}
	if b.TargetROI < 0 {
		add("budget.target_roi must be >= 0")
	}
	for i, bc := range b.Channels {
		if !seen[bc.Name] {
			add("budget.channels[%d].name %q is not a model channel", i, bc.Name)
		}
		if bc.Min != nil && *bc.Min < 0 {
			add("budget.channels[%d].min must be >= 0", i)
		}
		if bc.Min != nil && bc.Max != nil && *bc.Min > *bc.Max {
			add("budget.channels[%d]: min %g > max %g", i, *bc.Min, *bc.Max)
		}
	}

	if c.Output.Dir == "" {
		add("output.dir is required")
	}
	if len(p) > 0 {
		return &Error{Problems: p}
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
