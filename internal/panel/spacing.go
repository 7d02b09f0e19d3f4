package panel

import (
	"github.com/triad-mmm/triad/internal/tabular"
)

// spacing returns the panel's step in days: the most common gap between
// consecutive dates (so that one missing week is reported where it is,
// rather than making every other gap look wrong). ps is sorted by date.
func spacing(t *tabular.Table, spec Spec, ps []period) (int, error) {
	if len(ps) < 2 {
		return 0, &tabular.CellError{File: t.Source, Column: spec.Date,
			Msg: "only one date (" + ps[0].date.String() + "): a panel needs at least 2 periods"}
	}
	count := map[int]int{}
	for k := 1; k < len(ps); k++ {
		count[int(ps[k].date-ps[k-1].date)]++
	}
	step, best := 0, 0
	for gap, n := range count {
		if n > best || (n == best && gap < step) {
			step, best = gap, n
		}
	}
	if step >= 28 && step <= 31 {
		return 0, &tabular.CellError{File: t.Source, Column: spec.Date,
			Msg: "dates are about a month apart: monthly panels are not supported (use weekly or daily data)"}
	}
	for k := 1; k < len(ps); k++ {
		if gap := int(ps[k].date - ps[k-1].date); gap != step {
			return 0, t.Errorf(ps[k].row, spec.Date,
				"irregular dates: %s is %d days after the previous date %s, but the panel's dates are %d days apart",
				ps[k].date, gap, ps[k-1].date, step)
		}
	}
	return step, nil
}
