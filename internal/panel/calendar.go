package panel

import "github.com/triad-mmm/triad/civil"

// Start returns the first day the panel covers.
func (p *Panel) Start() civil.Date { return p.Dates[0] }

// End returns the last day the panel covers: the last period's final day.
func (p *Panel) End() civil.Date {
	return p.Dates[len(p.Dates)-1].AddDays(p.StepDays - 1)
}

// Index returns the period that contains day d, and false if d lies outside
// the panel.
func (p *Panel) Index(d civil.Date) (int, bool) {
	if len(p.Dates) == 0 || d < p.Dates[0] || d > p.End() {
		return 0, false
	}
	return int(d-p.Dates[0]) / p.StepDays, true
}

// SpendBetween returns channel c's spend on the days from..to (inclusive).
// A period only partly inside the range contributes pro rata by days, as if
// its spend were spread evenly over its days: the best guess a weekly panel
// allows for a test that starts mid-week. Days outside the panel add
// nothing.
func (p *Panel) SpendBetween(c int, from, to civil.Date) float64 {
	return spendBetween(p, p.Spend[c], from, to)
}

// spendBetween is SpendBetween of the series x on p's periods.
func spendBetween(p *Panel, x []float64, from, to civil.Date) float64 {
	if len(p.Dates) == 0 {
		return 0
	}
	from = max(from, p.Dates[0])
	to = min(to, p.End())
	if from > to {
		return 0
	}
	t0, _ := p.Index(from)
	t1, _ := p.Index(to)
	step := p.StepDays
	total := 0.0
	for t := t0; t <= t1; t++ {
		start := p.Dates[t]
		end := start.AddDays(step - 1)
		days := int(min(end, to)-max(start, from)) + 1
		if days == step {
			total += x[t]
		} else {
			total += x[t] * float64(days) / float64(step)
		}
	}
	return total
}

// GeoSpendBetween returns the named geo's spend on channel c over the days
// from..to, as SpendBetween; 0 for a national panel or an unknown geo.
func (p *Panel) GeoSpendBetween(geo string, c int, from, to civil.Date) float64 {
	if p.Geos == nil {
		return 0
	}
	g, ok := p.Geos.Index(geo)
	if !ok {
		return 0
	}
	return p.Geos.SpendBetween(p, g, c, from, to)
}
