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
	dates, geos := t.Dates(spec.Date), t.Strings(spec.Geo)
	seen := make(map[geoDate]int, t.Len())
	index := map[civil.Date]int{}
	var ps []period
	geoSet := map[string]bool{}
	for i := 0; i < t.Len(); i++ {
		d, g := dates[i], geos[i]
		if j, ok := seen[geoDate{g, d}]; ok {
			return nil, "", t.Errorf(i, spec.Date, "duplicate date %s for geo %s (also row %d)", d, g, t.FirstRow+j+1)
		}
		seen[geoDate{g, d}] = i
		geoSet[g] = true
		k, ok := index[d]
		if !ok {
			k = len(ps)
			index[d] = k
			ps = append(ps, newPeriod(d, i, spec))
		}
		ps[k].add(t, i, spec)
	}
	all := make([]string, 0, len(geoSet))
	for g := range geoSet {
		all = append(all, g)
	}
	slices.Sort(all)
	if err := missingPeriods(t, spec, all, ps, seen); err != nil {
		return nil, "", err
	}
	for k := range ps {
		for j := range ps[k].controls {
			ps[k].controls[j] /= float64(len(all))
		}
	}
	warn := fmt.Sprintf("%s: %d geos (%s), summed for the national panel (controls averaged across geos)",
		t.Source, len(all), listSome(all, 8))
	return ps, warn, nil
}

// geoDate keys a row of a geo panel.
type geoDate struct {
	geo  string
	date civil.Date
}

// missingPeriods reports the first geo (by name) that lacks a row for some
// date another geo has, naming the geo and the dates, and how many other
// geos are incomplete too.
func missingPeriods(t *tabular.Table, spec Spec, geos []string, ps []period, seen map[geoDate]int) error {
	dates := make([]civil.Date, len(ps))
	for k, p := range ps {
		dates[k] = p.date
	}
	slices.Sort(dates)
	var first string
	var firstRow int
	var missing []string
	var others []string
	for _, g := range geos {
		var miss []string
		row := -1
		for _, d := range dates {
			if i, ok := seen[geoDate{g, d}]; !ok {
				miss = append(miss, d.String())
			} else if row < 0 || i < row {
				row = i
			}
		}
		switch {
		case len(miss) == 0:
		case first == "":
			first, firstRow, missing = g, row, miss
		default:
			others = append(others, g)
		}
	}
	if first == "" {
		return nil
	}
	msg := fmt.Sprintf("geo %s has no row for %d of the panel's %d dates: %s", first, len(missing), len(dates), listSome(missing, 5))
	if len(others) > 0 {
		msg += fmt.Sprintf(" (geos missing dates too: %s)", listSome(others, 5))
	}
	return t.Errorf(firstRow, spec.Geo, "%s", msg)
}

// listSome joins up to n names, saying how many more there are.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}
