package panel

import (
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// byGeo sums a date × geo panel into national periods. KPI, spend and
// impressions add up across geos; controls (price, promotion flags) do
// not, so they are averaged. Every date must have a row for every geo:
// otherwise the national totals would dip for reasons that are not in the
// data.
func byGeo(t *tabular.Table, spec Spec) ([]period, string, error) {
	type key struct {
		d civil.Date
		g string
	}
	dates, geos := t.Dates(spec.Date), t.Strings(spec.Geo)
	seen := make(map[key]int, t.Len())
	index := map[civil.Date]int{}
	var ps []period
	var perDate [][]string
	geoSet := map[string]bool{}
	for i := 0; i < t.Len(); i++ {
		d, g := dates[i], geos[i]
		if j, ok := seen[key{d, g}]; ok {
			return nil, "", t.Errorf(i, spec.Date, "duplicate date %s for geo %s (also row %d)", d, g, t.FirstRow+j+1)
		}
		seen[key{d, g}] = i
		geoSet[g] = true
		k, ok := index[d]
		if !ok {
			k = len(ps)
			index[d] = k
			ps = append(ps, newPeriod(d, i, spec))
			perDate = append(perDate, nil)
		}
		ps[k].add(t, i, spec)
		perDate[k] = append(perDate[k], g)
	}
	all := make([]string, 0, len(geoSet))
	for g := range geoSet {
		all = append(all, g)
	}
	slices.Sort(all)

	// Check dates in date order, so the error is the earliest gap.
	order := make([]int, len(ps))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return int(ps[a].date) - int(ps[b].date) })
	for _, k := range order {
		if len(perDate[k]) == len(all) {
			continue
		}
		var missing []string
		for _, g := range all {
			if !slices.Contains(perDate[k], g) {
				missing = append(missing, g)
			}
		}
		return nil, "", t.Errorf(ps[k].row, spec.Geo, "date %s has rows for %d of %d geos (missing: %s)",
			ps[k].date, len(perDate[k]), len(all), listSome(missing, 5))
	}
	for k := range ps {
		for j := range ps[k].controls {
			ps[k].controls[j] /= float64(len(all))
		}
	}
	warn := fmt.Sprintf("%s: summed %d geos (%s) into a national panel; controls are averaged across geos",
		t.Source, len(all), listSome(all, 8))
	return ps, warn, nil
}

// listSome joins up to n names, saying how many more there are.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}
