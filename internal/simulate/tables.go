package simulate

import (
	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Column names of the written files.
const (
	colDate       = "date"
	colKPI        = "revenue"
	colAttributed = "attributed_revenue"
)

// SpendColumn returns the panel column holding a channel's spend.
func SpendColumn(channel string) string { return "spend_" + channel }

// PanelTable returns the weekly panel: date, revenue, spend_<channel> per
// channel, price, promo.
func (w *World) PanelTable(source string) *tabular.Table {
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
	t.SetFloats("scope_share", scope, nil)
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
	t.SetStrings("channel", ch, nil)
	t.SetStrings("campaign", camp, nil)
	t.SetFloats(colAttributed, attr, nil)
	t.SetFloats("spend", spend, nil)
	return t
}
