package panel

import (
	"fmt"
	"math"
	"slices"

	"github.com/triad-mmm/triad/internal/tabular"
)

// outlierFactor: a period whose KPI or spend is this many times the median
// period's is an outlier worth a warning before the fit.
const outlierFactor = 100

// outliers warns, per KPI and spend column, about periods far above the
// median period (of those with a non-zero value): a typo or a value in other units, which would dominate
// the fit. Rows are named for national panels; a geo panel's periods are
// sums of several rows, named by date.
func outliers(source string, spec Spec, ps []period, geo bool) []string {
	var w []string
	check := func(col string, value func(period) float64) {
		abs := make([]float64, len(ps))
		var nonzero []float64
		for t, p := range ps {
			abs[t] = math.Abs(value(p))
			if abs[t] > 0 {
				nonzero = append(nonzero, abs[t])
			}
		}
		if len(nonzero) < 3 {
			return
		}
		// Periods without spend are left out: a flighted channel's
		// typical period is one it spends in.
		slices.Sort(nonzero)
		med := nonzero[len(nonzero)/2]
		var far []int
		for t, a := range abs {
			if a > outlierFactor*med {
				far = append(far, t)
			}
		}
		if len(far) == 0 {
			return
		}
		p := ps[far[0]]
		e := tabular.CellError{File: source, Column: col, Msg: fmt.Sprintf(
			"%g in the period of %s is %.3g times the median non-zero period (%.4g): an outlier (a typo, or another unit?) that will dominate the fit",
			value(p), p.date, abs[far[0]]/med, med)}
		if !geo {
			e.Row = p.row + 1
		}
		if len(far) > 1 {
			e.Msg += fmt.Sprintf("; %d more periods are above %d× the median", len(far)-1, outlierFactor)
		}
		w = append(w, e.Error())
	}
	check(spec.KPI, func(p period) float64 { return p.kpi })
	for c, ch := range spec.Channels {
		check(ch.Spend, func(p period) float64 { return p.spend[c] })
	}
	return w
}
