package pipeline

import (
	"fmt"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
)

// appendOrganic adds the organic channels to the panel after the paid
// ones, with zero spend and their units as impressions: everything
// downstream then sees a channel without spend (a contribution, no ROI,
// nothing to budget), and the model is driven by its units.
func (in *Inputs) appendOrganic() {
	p := in.Panel
	n := len(p.Dates)
	for len(p.Impressions) < len(p.Channels) {
		p.Impressions = append(p.Impressions, nil)
	}
	for j, o := range in.Config.Model.Organic {
		p.Channels = append(p.Channels, o.Name)
		p.Spend = append(p.Spend, make([]float64, n))
		p.Impressions = append(p.Impressions, in.Extras.organic[j])
	}
}

// paidChannels is the number of paid channels: the organic ones follow.
func (in *Inputs) paidChannels() int { return len(in.Config.Model.Channels) }

// isOrganic reports whether channel c is an organic channel.
func (in *Inputs) isOrganic(c int) bool { return c >= in.paidChannels() }

// organicSpec sets the spec of the organic channels from the config.
func organicSpec(cfg config.Model, s *mmm.Spec) error {
	for j, o := range cfg.Organic {
		cs := &s.Channels[len(cfg.Channels)+j]
		if o.MaxLag > 0 {
			cs.MaxLag = o.MaxLag
		}
		if o.ContributionPrior != nil {
			cs.Contribution = *o.ContributionPrior
		}
		ad, sat := o.Adstock.New(), o.Saturation.New()
		if ad == nil || sat == nil {
			return fmt.Errorf("model.organic[%d]: unknown adstock %q or saturation %q", j, o.Adstock, o.Saturation)
		}
		cs.Adstock, cs.Saturation = ad, sat
	}
	return nil
}

// unitsData sets the model's media units: impressions (clicks, GRPs) of
// paid channels that have them and the organic channels' units.
func unitsData(d *mmm.Data, imps [][]float64) {
	if len(imps) == 0 {
		return
	}
	d.Units = imps
}

// organicCalendar is the calendar lift tests are mapped with: an organic
// channel's "spend" is its units, so that a test that switched it off
// removes its units in the window.
func (in *Inputs) organicCalendar(cal calibrate.Calendar) calibrate.Calendar {
	if len(in.Config.Model.Organic) == 0 {
		return cal
	}
	spend := append([][]float64(nil), cal.Spend...)
	for c := in.paidChannels(); c < len(spend); c++ {
		spend[c] = in.Panel.Impressions[c]
	}
	cal.Spend = spend
	return cal
}

// liftAliases maps the other names a lift file may use for a channel (its
// spend or impressions column, as Robyn's calibration_input does) and
// marks the organic channels, whose tests state no spend.
func (in *Inputs) liftAliases(opts *lift.ParseOptions) {
	opts.Aliases = map[string]string{}
	for _, ch := range in.Config.Model.Channels {
		for _, col := range []string{ch.Spend, ch.Impressions} {
			if col != "" && col != ch.Name {
				opts.Aliases[col] = ch.Name
			}
		}
	}
	opts.Unpaid = map[string]bool{}
	for _, o := range in.Config.Model.Organic {
		opts.Unpaid[o.Name] = true
		if o.Column != o.Name {
			opts.Aliases[o.Column] = o.Name
		}
	}
}

// paidTests returns the tests roi_prior calibration turns into ROI
// priors. A test on an organic channel becomes a prior on its share
// (organicPriors). A combined test measured the sum of its channels'
// lifts: it says nothing about how the sum splits, which a prior per
// channel would have to invent, so it is left out with a warning.
func (in *Inputs) paidTests(warn func(string)) []lift.Test {
	var out []lift.Test
	for _, t := range in.Tests {
		if t.Combined() {
			if t.Include {
				warn(fmt.Sprintf("lift test %s measured channels %s together: roi_prior calibration puts a prior on each channel's ROI, and the test does not say how its lift splits between them, so it is left out (counterfactual calibration fits the sum of their lifts to it)", t.ID, t.Channel))
			}
			continue
		}
		if c, ok := in.Panel.Channel(t.Channel); ok && in.isOrganic(c) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// combinedChannels lists a combined test's channels, nil for one channel.
func combinedChannels(name string) []string {
	if t := (lift.Test{Channel: name}); t.Combined() {
		return t.Channels()
	}
	return nil
}
