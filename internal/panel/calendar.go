package panel

import "github.com/triad-mmm/triad/civil"

// SpendBetween returns channel c's spend on the days from..to (inclusive),
// partial periods pro rata by days (civil.Calendar.Between). Days outside
// the panel add nothing.
func (p *Panel) SpendBetween(c int, from, to civil.Date) float64 {
	return p.Between(p.Spend[c], from, to)
}
