package config

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
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

// CalibrationMode returns the calibration mode in force: the configured
// one, or counterfactual when lift tests are given and none otherwise.
func (c *Config) CalibrationMode() CalibrationMode {
	if c.Calibration.Mode != CalibrationAuto {
		return c.Calibration.Mode
	}
	if c.Data.LiftTests != "" {
		return Counterfactual
	}
	return CalibrationNone
}

// GeoModel resolves model.geo_model: GeoModelGeo or GeoModelSum for a geo
// panel (auto is the geo model), GeoModelAuto for a national one.
func (c *Config) GeoModel() GeoModel {
	switch {
	case c.Model.Geo == "":
		return GeoModelAuto
	case c.Model.GeoModel == GeoModelAuto:
		return GeoModelGeo
	}
	return c.Model.GeoModel
}

// Validate checks values that the types cannot: required keys, ranges,
// prior keys and cross-references. (The modes are checked where they are
// decoded, by their types.)
func (c *Config) Validate() error {
	if p := c.problems(); len(p) > 0 {
		return &Error{Problems: p}
	}
	return nil
}

// problems collects what Validate reports.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (c *Config) problems() []string {
	var p problems
	if c.Data.Panel == "" {
		p.add("data.panel is required (the panel file: date, KPI, spend per channel)")
	}
	channels := c.validateModel(&p)
	c.validateSampler(&p)
	c.validateCalibration(&p)
	c.validateMTA(&p, channels)
	if !(c.Report.Interval > 0 && c.Report.Interval < 1) {
		p.add("report.interval %g: want a level in (0, 1), e.g. 0.9", c.Report.Interval)
	}
	c.validateBudget(&p, channels)
	if c.Output.Dir == "" {
		p.add("output.dir is required")
	}
	return p
}

// validateModel checks the model section and returns the channel names.
func (c *Config) validateModel(p *problems) map[string]bool {
	m := c.Model
	if m.KPI == "" {
		p.add("model.kpi is required (the KPI column of the panel)")
	}
	if m.Date == "" {
		p.add("model.date must name the date column")
	}
	if len(m.Channels) == 0 {
		p.add("model.channels must list at least one channel {name, spend}")
	}
	seen := map[string]bool{}
	params := mmm.ComponentParams()
	for i, ch := range m.Channels {
		key := fmt.Sprintf("model.channels[%d]", i)
		if ch.Name == "" {
			p.add("%s.name is required", key)
		}
		if seen[ch.Name] {
			p.add("%s.name %q is listed twice", key, ch.Name)
		}
		seen[ch.Name] = true
		if ch.Spend == "" {
			p.add("%s.spend is required (the spend column of channel %q)", key, ch.Name)
		}
		if ch.MaxLag < 0 {
			p.add("%s.max_lag %d must be >= 0", key, ch.MaxLag)
		}
		if ch.ROIPrior != nil {
			checkPrior(p, key+".roi_prior", *ch.ROIPrior)
		}
		validatePriors(p, key, ch.Priors, params)
	}
	if m.FourierOrder < 0 || m.FourierOrder > 10 {
		p.add("model.fourier_order %d: want 0..10", m.FourierOrder)
	}
	if m.Likelihood == mmm.StudentTLikelihood && !(m.StudentNu > 0) {
		p.add("model.student_nu must be > 0")
	}
	if m.Holdout < 0 {
		p.add("model.holdout %d must be >= 0", m.Holdout)
	}
	if m.Geo == "" && m.GeoModel != GeoModelAuto {
		p.add("model.geo_model %s needs model.geo (the geo column of the panel)", m.GeoModel)
	}
	if m.Geo == "" && m.Population != "" {
		p.add("model.population needs model.geo (the geo column of the panel)")
	}
	names := map[string]bool{}
	for k := range seen {
		names[k] = true
	}
	c.validateInputs(p, names)
	return seen
}

// validatePriors checks a channel's prior keys against the components'
// parameters: each must be <parameter>_prior with a prior of the
// parameter's family.
func validatePriors(p *problems, key string, priors map[string]mmm.Prior, params map[string]mmm.Param) {
	keys := make([]string, 0, len(priors))
	for k := range priors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var unknown []string
	for _, k := range keys {
		name, ok := strings.CutSuffix(k, "_prior")
		par, known := params[name]
		if !ok || !known {
			unknown = append(unknown, key+"."+k)
			continue
		}
		got, want := priors[k], par.Prior
		if reflect.TypeOf(got) != reflect.TypeOf(want) {
			p.add("%s.%s: %s takes a %s, not a %s", key, k, name, family(want), family(got))
			continue
		}
		checkPrior(p, key+"."+k, got)
	}
	if len(unknown) > 0 {
		p.add("%s", unknownKeys("", unknown))
	}
}

// family describes a prior's family by its keys.
func family(p mmm.Prior) string {
	switch p.(type) {
	case mmm.Beta:
		return "Beta prior {a, b}"
	case mmm.LogNormal:
		return "LogNormal prior {mu, sigma}"
	}
	return fmt.Sprintf("%T", p)
}

func checkPrior(p *problems, key string, pr mmm.Prior) {
	switch d := pr.(type) {
	case mmm.LogNormal:
		if !(d.Sigma > 0 && stat.Finite(d.Sigma) && stat.Finite(d.Mu)) {
			p.add("%s: sigma must be > 0 and mu finite", key)
		}
	case mmm.Beta:
		if !(d.A > 0 && d.B > 0 && stat.Finite(d.A) && stat.Finite(d.B)) {
			p.add("%s: a and b must be > 0", key)
		}
	}
}

func (c *Config) validateSampler(p *problems) {
	s := c.Sampler
	if s.Chains < 1 || s.Chains > 64 {
		p.add("sampler.chains %d: want 1..64", s.Chains)
	}
	if s.Draws < 10 {
		p.add("sampler.draws %d: want at least 10", s.Draws)
	}
	if s.Method == mmm.NUTS && s.Warmup < 10 {
		p.add("sampler.warmup %d: want at least 10", s.Warmup)
	}
	if s.MaxTreeDepth < 1 || s.MaxTreeDepth > 15 {
		p.add("sampler.max_tree_depth %d: want 1..15", s.MaxTreeDepth)
	}
	if !(s.TargetAccept > 0.5 && s.TargetAccept < 1) {
		p.add("sampler.target_accept %g: want a value in (0.5, 1)", s.TargetAccept)
	}
	if s.Metric != "" && s.Metric != "diag" && s.Metric != "dense" {
		p.add("sampler.metric %q: want diag or dense", s.Metric)
	}
}

func (c *Config) validateCalibration(p *problems) {
	cal := c.Calibration
	if cal.Mode != CalibrationAuto && cal.Mode != CalibrationNone && c.Data.LiftTests == "" {
		p.add("calibration.mode %q needs data.lift_tests", cal.Mode.String())
	}
	if cal.Tau < 0 {
		p.add("calibration.tau must be >= 0")
	}
	if !(cal.HalfLifeWeeks > 0) {
		p.add("calibration.half_life_weeks must be > 0")
	}
	if !(cal.RelativeSE > 0) {
		p.add("calibration.relative_se must be > 0")
	}
}

func (c *Config) validateMTA(p *problems, channels map[string]bool) {
	if c.Data.MTA == "" {
		return
	}
	if c.MTA.Value == "" {
		p.add("mta.value must name the attributed KPI column of the MTA export")
	}
	for i, m := range c.MTA.ChannelMap {
		if m.MTA == "" || m.Channel == "" {
			p.add("mta.channel_map[%d] needs both mta and channel", i)
		} else if !channels[m.Channel] {
			p.add("mta.channel_map[%d].channel %q is not a model channel", i, m.Channel)
		}
	}
}

func (c *Config) validateBudget(p *problems, channels map[string]bool) {
	b := c.Budget
	if b.Total < 0 {
		p.add("budget.total must be >= 0 (0 means the period's spend)")
	}
	if !(b.Bounds >= 0 && b.Bounds <= 10) {
		p.add("budget.bounds %g: want the allowed relative change, e.g. 0.3 for ±30%%", b.Bounds)
	}
	if b.Objective == QuantileObjective && !(b.Quantile > 0 && b.Quantile <= 0.5) {
		p.add("budget.quantile %g: want a value in (0, 0.5]", b.Quantile)
	}
	if b.TargetROI < 0 {
		p.add("budget.target_roi must be >= 0")
	}
	for i, bc := range b.Channels {
		if !channels[bc.Name] {
			p.add("budget.channels[%d].name %q is not a model channel", i, bc.Name)
		}
		if bc.Min != nil && *bc.Min < 0 {
			p.add("budget.channels[%d].min must be >= 0", i)
		}
		if bc.Min != nil && bc.Max != nil && *bc.Min > *bc.Max {
			p.add("budget.channels[%d]: min %g > max %g", i, *bc.Min, *bc.Max)
		}
	}
}
