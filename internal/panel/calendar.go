package panel

import "github.com/triad-mmm/triad/civil"

// SpendBetween returns channel c's spend on the days from..to (inclusive),
// partial periods pro rata by days (civil.Calendar.Between). Days outside
// the panel add nothing.
func (p *Panel) SpendBetween(c int, from, to civil.Date) float64 {
	return p.Between(p.Spend[c], from, to)
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
