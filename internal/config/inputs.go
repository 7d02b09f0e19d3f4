package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/mmm"
)

// RevenuePerKPI converts a count KPI (conversions) into revenue: a
// panel column, or one number for every period. The zero value is unset.
type RevenuePerKPI struct {
	Column string
	Value  float64
}

// IsSet reports whether a column or a value was given.
func (r RevenuePerKPI) IsSet() bool { return r.Column != "" || r.Value != 0 }

func (r RevenuePerKPI) String() string {
	if r.Column != "" {
		return r.Column
	}
	if r.Value != 0 {
		return strconv.FormatFloat(r.Value, 'g', -1, 64)
	}
	return ""
}

// UnmarshalText reads a number as a constant and anything else as a
// column name. A number must be positive and finite.
func (r *RevenuePerKPI) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	*r = RevenuePerKPI{}
	if s == "" {
		return nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if !(v > 0) || math.IsInf(v, 0) {
			return fmt.Errorf("revenue_per_kpi %s: want a positive number or a column name", s)
		}
		r.Value = v
		return nil
	}
	r.Column = s
	return nil
}

// Window is the span of the fit: rows before Start only feed the
// carryover of the first periods; rows after End are left out. Either
// bound may be zero (the panel's own).
type Window struct {
	Start civil.Date `mapstructure:"start"`
	End   civil.Date `mapstructure:"end"`
}

// IsSet reports whether either bound was given.
func (w Window) IsSet() bool { return w.Start != 0 || w.End != 0 }

// Organic is an unpaid media channel (newsletter, PR, organic social): its
// units go through adstock and saturation like paid media, but it has no
// spend, so no ROI and no budget; its prior is on its contribution.
type Organic struct {
	Name       string             `mapstructure:"name"`
	Column     string             `mapstructure:"column"`
	Adstock    mmm.AdstockKind    `mapstructure:"adstock"`
	MaxLag     int                `mapstructure:"max_lag"`
	Saturation mmm.SaturationKind `mapstructure:"saturation"`
	// ContributionPrior is a LogNormal prior on the channel's share of the
	// KPI over the fitted periods (on the log scale).
	ContributionPrior *mmm.LogNormal `mapstructure:"contribution_prior"`
}

// Treatment is a non-media variable (a promotion, a price change, store
// openings) whose incremental effect against a baseline is reported.
type Treatment struct {
	Name   string `mapstructure:"name"`
	Column string `mapstructure:"column"`
	// Baseline is min, max or a number: the value the column would have
	// had without the treatment. Empty means min.
	Baseline string `mapstructure:"baseline"`
}

// BaselineValue returns the treatment's baseline for a column with the
// given minimum and maximum.
func (t Treatment) BaselineValue(lo, hi float64) float64 {
	switch strings.ToLower(strings.TrimSpace(t.Baseline)) {
	case "", "min":
		return lo
	case "max":
		return hi
	}
	v, _ := strconv.ParseFloat(strings.TrimSpace(t.Baseline), 64)
	return v
}

// validateInputs checks the keys that bring Robyn's and Meridian's
// inputs: revenue per KPI, factors, the window, organic media and
// treatments. names holds the channel names; organic and treatment names
// must not clash with them.
func (c *Config) validateInputs(p *problems, names map[string]bool) {
	m := c.Model
	if m.Window.Start != 0 && m.Window.End != 0 && m.Window.End < m.Window.Start {
		p.add("model.window: end %v is before start %v", m.Window.End, m.Window.Start)
	}
	for i, ch := range m.Channels {
		key := fmt.Sprintf("model.channels[%d]", i)
		switch {
		case (ch.Reach == "") != (ch.Frequency == ""):
			p.add("%s: reach and frequency go together (channel %q has only %s)", key, ch.Name, map[bool]string{true: "reach", false: "frequency"}[ch.Reach != ""])
		case ch.Reach != "" && ch.Impressions != "":
			p.add("%s: channel %q has impressions and reach/frequency; give one (impressions are reach × frequency)", key, ch.Name)
		}
	}
	for i, f := range m.Factors {
		if f == "" {
			p.add("model.factors[%d] must name a column", i)
		}
	}
	for i, o := range m.Organic {
		key := fmt.Sprintf("model.organic[%d]", i)
		switch {
		case o.Name == "":
			p.add("%s.name is required", key)
		case names[o.Name]:
			p.add("%s.name %q is also a channel or another organic channel", key, o.Name)
		}
		names[o.Name] = true
		if o.Column == "" {
			p.add("%s.column is required (the units of %q: sends, impressions, mentions)", key, o.Name)
		}
		if o.MaxLag < 0 {
			p.add("%s.max_lag %d must be >= 0", key, o.MaxLag)
		}
		if o.ContributionPrior != nil {
			checkPrior(p, key+".contribution_prior", *o.ContributionPrior)
		}
	}
	for i, t := range m.Treatments {
		key := fmt.Sprintf("model.treatments[%d]", i)
		if t.Name == "" {
			p.add("%s.name is required", key)
		}
		if t.Column == "" {
			p.add("%s.column is required", key)
		}
		switch b := strings.ToLower(strings.TrimSpace(t.Baseline)); b {
		case "", "min", "max":
		default:
			if v, err := strconv.ParseFloat(b, 64); err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
				p.add("%s.baseline %q: want min, max or a number", key, t.Baseline)
			}
		}
	}
}
