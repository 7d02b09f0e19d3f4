package simulate

import (
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Column names of the written files.
const (
	colDate       = "date"
	colKPI        = "revenue"
	colAttributed = "attributed_revenue"
	colGeo        = "geo"
	colPopulation = "population"
)

// SpendColumn returns the panel column holding a channel's spend.
func SpendColumn(channel string) string { return "spend_" + channel }

// PanelTable returns the weekly panel: date, revenue, spend_<channel> per
// channel, price, promo.
func (w *World) PanelTable(source string) *tabular.Table {
	if w.Geos != nil {
		return w.geoPanelTable(source)
	}
	t := tabular.NewTable(source, len(w.Dates))
	t.SetDates(colDate, w.Dates, nil)
	t.SetFloats(colKPI, w.KPI, nil)
	for _, c := range w.Channels {
		t.SetFloats(SpendColumn(c.Name), c.Spend, nil)
	}
	for j, name := range w.ControlNames {
		t.SetFloats(name, w.Controls[j], nil)
	}
	return t
}

// LiftTable returns the lift tests as canonical records (design.md §1).
// A record reports either se or (ci_lower, ci_upper, confidence); the
// others are null, as is cooldown_end when the measurement stopped at
// end_date.
func (w *World) LiftTable(source string) *tabular.Table {
	n := len(w.LiftTests)
	t := tabular.NewTable(source, n)
	id, ch, typ := make([]string, n), make([]string, n), make([]string, n)
	start, end, cool := make([]civil.Date, n), make([]civil.Date, n), make([]civil.Date, n)
	scope, spend, inc := make([]float64, n), make([]float64, n), make([]float64, n)
	se, lo, hi, conf := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	hasCool, hasSE, hasCI := make([]bool, n), make([]bool, n), make([]bool, n)
	for i, l := range w.LiftTests {
		id[i], ch[i], typ[i] = l.ID, l.Channel, l.Type
		start[i], end[i], cool[i], hasCool[i] = l.Start, l.End, l.CooldownEnd, l.CooldownEnd != 0
		scope[i], spend[i], inc[i] = l.ScopeShare, l.Spend, l.Incremental
		if l.Confidence == 0 {
			se[i], hasSE[i] = l.SE, true
		} else {
			lo[i], hi[i], conf[i], hasCI[i] = l.CILower, l.CIUpper, l.Confidence, true
		}
	}
	t.SetStrings("test_id", id, nil)
	t.SetStrings("channel", ch, nil)
	t.SetStrings("test_type", typ, nil)
	t.SetDates("start_date", start, nil)
	t.SetDates("end_date", end, nil)
	t.SetDates("cooldown_end", cool, hasCool)
	if w.Geos != nil {
		// A geo test's scope is its geos; scope_share is left to triad.
		geos := make([]string, n)
		hasScope := make([]bool, n)
		for i, l := range w.LiftTests {
			geos[i] = strings.Join(l.Geos, ";")
			hasScope[i] = l.ScopeShare > 0
		}
		t.SetFloats("scope_share", scope, hasScope)
		t.SetStrings("geos", geos, nil)
	} else {
		t.SetFloats("scope_share", scope, nil)
	}
	t.SetFloats("spend", spend, nil)
	t.SetFloats("incremental_kpi", inc, nil)
	t.SetFloats("se", se, hasSE)
	t.SetFloats("ci_lower", lo, hasCI)
	t.SetFloats("ci_upper", hi, hasCI)
	t.SetFloats("confidence", conf, hasCI)
	return t
}

// MTATable returns the MTA export: date, channel (platform name), campaign,
// attributed_revenue, spend. The rows' true revenue is not exported.
func (w *World) MTATable(source string) *tabular.Table {
	n := len(w.MTA)
	t := tabular.NewTable(source, n)
	date := make([]civil.Date, n)
	ch, camp := make([]string, n), make([]string, n)
	attr, spend := make([]float64, n), make([]float64, n)
	for i, r := range w.MTA {
		date[i], ch[i], camp[i], attr[i], spend[i] = r.Date, r.Channel, r.Campaign, r.AttributedRevenue, r.Spend
	}
	t.SetDates(colDate, date, nil)
	if w.Geos != nil {
		geo := make([]string, n)
		for i, r := range w.MTA {
			geo[i] = r.Geo
		}
		t.SetStrings(colGeo, geo, nil)
		t.SetStrings("channel", ch, nil)
	} else {
		t.SetStrings("channel", ch, nil)
		t.SetStrings("campaign", camp, nil)
	}
	t.SetFloats(colAttributed, attr, nil)
	t.SetFloats("spend", spend, nil)
	return t
}

// geoPanelTable returns a geo world's panel: one row per geo × week (geo
// by geo, as Meridian lays out its geo panels) with date, geo, population,
// revenue, spend_<channel>, the geo's price and the national promo.
func (w *World) geoPanelTable(source string) *tabular.Table {
	T := len(w.Dates)
	n := T * len(w.Geos)
	t := tabular.NewTable(source, n)
	dates, geos := make([]civil.Date, 0, n), make([]string, 0, n)
	pop, kpi, price, promo := make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n)
	spend := make([][]float64, len(w.Channels))
	for _, geo := range w.Geos {
		dates = append(dates, w.Dates...)
		for range T {
			geos = append(geos, geo.Name)
			pop = append(pop, geo.Population)
		}
		kpi = append(kpi, geo.KPI...)
		price = append(price, geo.Price...)
		promo = append(promo, w.Controls[1]...)
		for c := range spend {
			spend[c] = append(spend[c], geo.Spend[c]...)
		}
	}
	t.SetDates(colDate, dates, nil)
	t.SetStrings(colGeo, geos, nil)
	t.SetFloats(colPopulation, pop, nil)
	t.SetFloats(colKPI, kpi, nil)
	for c, ch := range w.Channels {
		t.SetFloats(SpendColumn(ch.Name), spend[c], nil)
	}
	t.SetFloats(w.ControlNames[0], price, nil)
	t.SetFloats(w.ControlNames[1], promo, nil)
	return t
}
