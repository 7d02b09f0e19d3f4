package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

// Quarter returns the calendar quarter of d, such as "2024Q1". A period
// belongs to the quarter of its start date.
func Quarter(d civil.Date) string {
	t := d.Time()
	return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())-1)/3+1)
}

// quarters groups consecutive periods by the quarter of their start date:
// names[q] and the half-open period ranges [bounds[q], bounds[q+1]).
func quarters(dates []civil.Date) (names []string, bounds []int) {
	for t, d := range dates {
		q := Quarter(d)
		if len(names) == 0 || names[len(names)-1] != q {
			names = append(names, q)
			bounds = append(bounds, t)
		}
	}
	return names, append(bounds, len(dates))
}
