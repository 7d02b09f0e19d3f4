package panel

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

// Panel is a national MMM panel: one row per period, sorted by date, evenly
// spaced. Period t covers the days Dates[t] .. Dates[t]+StepDays-1 (StepDays
// 7 for weekly, 1 for daily; detected from the dates); the embedded
// civil.Calendar answers which period holds a day.
type Panel struct {
	// Source names the file the panel came from.
	Source string
	civil.Calendar
	KPIName  string
	KPI      []float64
	Channels []string
	Spend    [][]float64 // [channel][t]
	// Impressions[c] is nil for a channel without an impressions column.
	Impressions  [][]float64 // [channel][t]
	ControlNames []string
	Controls     [][]float64 // [control][t]
	// Geos holds a geo panel geo by geo (nil for a national panel); the
	// fields above are then the national sums (controls: means).
	Geos *GeoPanel
}

// Len returns the number of periods.
func (p *Panel) Len() int { return len(p.Dates) }

// Grain names the period length: "weekly", "daily" or "N-day".
func (p *Panel) Grain() string {
	switch p.StepDays {
	case 7:
		return "weekly"
	case 1:
		return "daily"
	}
	return fmt.Sprintf("%d-day", p.StepDays)
}

// Channel returns the index of the named channel.
func (p *Panel) Channel(name string) (int, bool) {
	for c, n := range p.Channels {
		if n == name {
			return c, true
		}
	}
	return 0, false
}
