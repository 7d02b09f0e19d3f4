package panel

import (
	"errors"
	"fmt"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Spec names the panel's columns.
type Spec struct {
	Date     string
	KPI      string
	Channels []ChannelColumn
	Controls []string
	// Geo, if set, names a column of region labels: the panel then has one
	// row per date and geo; Load sums the geos into the national panel and
	// keeps them geo by geo in Panel.Geos.
	Geo string
	// Population, with Geo, names the geos' population column (constant
	// or per period); without it geos are scaled by their mean KPI.
	Population string
}

// ChannelColumn names one media channel and its columns.
type ChannelColumn struct {
	Name        string
	Spend       string
	Impressions string // optional; "" if the panel has none for this channel
}

func (s Spec) check() error {
	var errs []error
	if s.Date == "" {
		errs = append(errs, errors.New("panel: no date column configured"))
	}
	if s.KPI == "" {
		errs = append(errs, errors.New("panel: no KPI column configured"))
	}
	if len(s.Channels) == 0 {
		errs = append(errs, errors.New("panel: no channels configured"))
	}
	seen := map[string]bool{}
	for i, c := range s.Channels {
		switch {
		case c.Name == "":
			errs = append(errs, fmt.Errorf("panel: channel %d has no name", i+1))
		case seen[c.Name]:
			errs = append(errs, fmt.Errorf("panel: channel %s is configured twice", c.Name))
		}
		seen[c.Name] = true
		if c.Spend == "" {
			errs = append(errs, fmt.Errorf("panel: channel %s has no spend column", c.Name))
		}
	}
	if s.Population != "" && s.Geo == "" {
		errs = append(errs, errors.New("panel: a population column needs a geo column"))
	}
	for i, c := range s.Controls {
		if c == "" {
			errs = append(errs, fmt.Errorf("panel: control %d has no column name", i+1))
		}
	}
	return errors.Join(errs...)
}

// columns lists what Load asks tabular for.
func (s Spec) columns() []tabular.Column {
	cols := []tabular.Column{
		{Name: s.Date, Kind: tabular.Date},
		{Name: s.KPI, Kind: tabular.Float},
	}
	for _, c := range s.Channels {
		cols = append(cols, tabular.Column{Name: c.Spend, Kind: tabular.Float})
		if c.Impressions != "" {
			cols = append(cols, tabular.Column{Name: c.Impressions, Kind: tabular.Float})
		}
	}
	for _, c := range s.Controls {
		cols = append(cols, tabular.Column{Name: c, Kind: tabular.Float})
	}
	if s.Geo != "" {
		cols = append(cols, tabular.Column{Name: s.Geo, Kind: tabular.String})
	}
	if s.Population != "" {
		cols = append(cols, tabular.Column{Name: s.Population, Kind: tabular.Float})
	}
	return cols
}
