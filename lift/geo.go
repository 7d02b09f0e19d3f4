package lift

import (
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// geoList splits a cell of treated geos and resolves each name against the
// panel's geos (ParseOptions.Geos), reporting an unknown, repeated or
// missing name in the row's geo column.
func (p *parser) geoList(f fields, i int, cell string) ([]string, bool) {
	parts := strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(f.geoSep, r) })
	if p.opts.Geos == nil {
		p.fail(i, f.geos, "the test names geos (%s) but the panel has none (set model.geo)", tabular.Quote(cell))
		return nil, false
	}
	var out []string
	ok := true
	for _, part := range parts {
		name := strings.TrimSpace(part)
		if name == "" {
			continue
		}
		geo, known := p.resolveGeo(f, name)
		switch {
		case !known:
			p.fail(i, f.geos, "unknown geo %s (the panel's geos: %s)", tabular.Quote(name), someNames(p.opts.Geos, 6))
			ok = false
		case slices.Contains(out, geo):
			p.fail(i, f.geos, "geo %s is listed twice", tabular.Quote(name))
			ok = false
		default:
			out = append(out, geo)
		}
	}
	if len(out) == 0 && ok {
		p.fail(i, f.geos, "no geo names in %s (separate them with %q)", tabular.Quote(cell), f.geoSep[:1])
		ok = false
	}
	slices.Sort(out)
	return out, ok
}

// resolveGeo finds name among the panel's geos: exactly, or (GeoLift,
// which lower-cases locations) ignoring case when that is unambiguous.
func (p *parser) resolveGeo(f fields, name string) (string, bool) {
	if slices.Contains(p.opts.Geos, name) {
		return name, true
	}
	if !f.foldGeoCase {
		return "", false
	}
	var found []string
	for _, g := range p.opts.Geos {
		if strings.EqualFold(g, name) {
			found = append(found, g)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

func someNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// GeoCalendar is a Calendar that also knows each geo's spend.
// *panel.Panel satisfies it.
type GeoCalendar interface {
	Calendar
	// GeoSpendBetween returns geo's spend on channel c over the days
	// [from, to], pro rata as SpendBetween; 0 for an unknown geo.
	GeoSpendBetween(geo string, c int, from, to civil.Date) float64
}

// SetGeoScopes gives each geo test without an explicit scope_share the
// share its treated geos had of the channel's spend in the treatment
// window: the part of the national spend the test moved, which is what a
// national model needs to evaluate it. (A scope_share the file gives
// wins; a test whose channel is unknown or whose window has no spend keeps
// its scope, and Check reports it.)
func SetGeoScopes(tests []Test, cal GeoCalendar) {
	for k := range tests {
		t := &tests[k]
		c, known := cal.Channel(t.Channel)
		if len(t.Geos) == 0 || t.ScopeGiven || !known {
			continue
		}
		national := cal.SpendBetween(c, t.Start, t.End)
		var treated float64
		for _, g := range t.Geos {
			treated += cal.GeoSpendBetween(g, c, t.Start, t.End)
		}
		if national > 0 && treated > 0 {
			t.ScopeShare = min(1, treated/national)
		}
	}
}
