package mta

import (
	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Spec names the columns of an MTA export. Empty names take the defaults
// date, channel, campaign, attributed_kpi, spend and attribution_model;
// only date, channel and the value are required.
type Spec struct {
	Date, Channel, Campaign, Value, Spend, Model string
	// UseModel keeps only rows whose Model column equals it; required when
	// the file holds several attribution models.
	UseModel string
	// Geo, if set, names the export's geo column: rows are then also
	// aggregated per geo (Aggregate.Geo*), and WriteCalibrated passes each
	// row's geo to the factor function.
	Geo string
}

func (s Spec) withDefaults() Spec {
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	def(&s.Date, "date")
	def(&s.Channel, "channel")
	def(&s.Campaign, "campaign")
	def(&s.Value, "attributed_kpi")
	def(&s.Spend, "spend")
	def(&s.Model, "attribution_model")
	return s
}

// columns returns the columns to request from an MTA export.
func columns(spec Spec) []tabular.Column {
	s := spec.withDefaults()
	cols := []tabular.Column{
		{Name: s.Date, Kind: tabular.Date},
		{Name: s.Channel, Kind: tabular.String},
		{Name: s.Value, Kind: tabular.Float},
		{Name: s.Campaign, Kind: tabular.String, Optional: true},
		{Name: s.Spend, Kind: tabular.Float, Optional: true},
		{Name: s.Model, Kind: tabular.String, Optional: true},
	}
	if s.Geo != "" {
		cols = append(cols, tabular.Column{Name: s.Geo, Kind: tabular.String})
	}
	return cols
}

// Calendar is what aggregation needs to know about the panel's periods.
// *panel.Panel satisfies it.
type Calendar interface {
	// Index returns the period containing day d, false outside the panel.
	Index(d civil.Date) (int, bool)
	// End returns the last day the panel covers.
	End() civil.Date
}

// periods returns the number of periods of cal.
func periods(cal Calendar) int {
	t, ok := cal.Index(cal.End())
	if !ok {
		return 0
	}
	return t + 1
}
