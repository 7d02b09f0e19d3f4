package mta

import (
	"github.com/triad-mmm/triad/civil"
)

// grid is a regular panel: period t covers start + t·step .. + step − 1.
type grid struct {
	start civil.Date
	step  int
	n     int
}

func (g grid) Index(d civil.Date) (int, bool) {
	if d < g.start {
		return 0, false
	}
	t := int(d-g.start) / g.step
	return t, t < g.n
}

func (g grid) End() civil.Date { return g.start.AddDays(g.n*g.step - 1) }

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}
