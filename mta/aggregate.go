package mta

import (
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Aggregate is an MTA export summed onto the panel's channels and periods.
//
// Every attributed unit of the file lands in exactly one place: Attributed
// (mapped channel, inside the panel), Unmapped (unmapped channel, inside the
// panel) or OutsideAttributed (dated outside the panel), so
// Total = ΣAttributed + ΣUnmapped.Attributed + OutsideAttributed.
type Aggregate struct {
	// Channels are the MMM channels, in the mapping's order.
	Channels []string
	// Attributed[c][t] is the attributed KPI of channel c in period t.
	Attributed [][]float64
	// Spend[c][t] is the MTA's spend, or nil when the file has no spend column.
	Spend [][]float64
	// Unmapped lists channels with no MMM channel, largest attributed first.
	Unmapped []UnmappedChannel
	// OutsideRows were dated outside the panel and not aggregated.
	OutsideRows       int
	OutsideAttributed float64
	// Rows counts the rows aggregated or accounted for above (rows of other
	// attribution models are in SkippedRows instead).
	Rows        int
	SkippedRows int
	// NullValues counts rows whose attributed value was empty, counted as 0.
	NullValues int
	// Campaigns counts distinct campaign names (0 without a campaign column).
	Campaigns int
	// Total is the attributed KPI of all Rows.
	Total float64
	// Geos are the geos of the mapped rows inside the panel, sorted, when
	// Spec.Geo is set (nil otherwise); GeoAttributed[g][c][t] and
	// GeoSpend[g][c][t] are Attributed and Spend per geo, so that
	// incrementality factors can be computed per geo as well as nationally.
	Geos          []string
	GeoAttributed [][][]float64
	GeoSpend      [][][]float64

	seen []bool
}

// GeoChannelTotal returns geo g's attributed KPI of channel c over all
// periods.
func (a *Aggregate) GeoChannelTotal(g, c int) float64 {
	s := 0.0
	for _, v := range a.GeoAttributed[g][c] {
		s += v
	}
	return s
}

// GeoIndex returns the position of the named geo in Geos.
func (a *Aggregate) GeoIndex(name string) (int, bool) {
	return slices.BinarySearch(a.Geos, name)
}

// UnmappedChannel is an MTA channel without an MMM channel.
type UnmappedChannel struct {
	Name       string
	Rows       int
	Attributed float64
}

// ChannelTotal returns channel c's attributed KPI over all periods.
func (a *Aggregate) ChannelTotal(c int) float64 {
	s := 0.0
	for _, v := range a.Attributed[c] {
		s += v
	}
	return s
}

// Seen reports whether any row was attributed to channel c; channels MTA
// never sees (TV, print) are offline to it.
func (a *Aggregate) Seen(c int) bool { return a.seen != nil && a.seen[c] }

// batchRows is the streaming batch size: large enough to amortise the
// per-batch overhead, small enough to keep memory flat.
const batchRows = 1 << 16

// AggregateFile streams an MTA export and aggregates it onto the panel.
// Cell problems are *tabular.CellError values; warnings describe unmapped
// channels, rows outside the panel and empty values.
func AggregateFile(path string, spec Spec, m Mapping, cal Calendar) (*Aggregate, []string, error) {
	a := newAggregator(spec, m, cal)
	if err := tabular.Scan(path, columns(spec), batchRows, a.add); err != nil {
		return nil, nil, err
	}
	agg, warns := a.result()
	return agg, warns, nil
}

func matrix(rows, cols int) [][]float64 {
	flat := make([]float64, rows*cols)
	g := make([][]float64, rows)
	for i := range g {
		g[i] = flat[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return g
}

// sortGeos puts the per-geo aggregates in geo name order.
func (agg *Aggregate) sortGeos() {
	order := make([]int, len(agg.Geos))
	for g := range order {
		order[g] = g
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(agg.Geos[x], agg.Geos[y]) })
	names, attr := make([]string, len(order)), make([][][]float64, len(order))
	var spend [][][]float64
	if agg.GeoSpend != nil {
		spend = make([][][]float64, len(order))
	}
	for k, g := range order {
		names[k], attr[k] = agg.Geos[g], agg.GeoAttributed[g]
		if spend != nil {
			spend[k] = agg.GeoSpend[g]
		}
	}
	agg.Geos, agg.GeoAttributed, agg.GeoSpend = names, attr, spend
}

// Result returns the aggregate and warnings. It may be called once, after
// the last Add.
func (a *aggregator) result() (*Aggregate, []string) {
	agg := a.agg
	agg.Campaigns = len(a.campaigns)
	if a.spec.Geo != "" {
		agg.sortGeos()
		if agg.Geos == nil {
			agg.Geos = []string{}
		}
	}
	for _, u := range a.unmapped {
		agg.Unmapped = append(agg.Unmapped, *u)
	}
	slices.SortFunc(agg.Unmapped, func(x, y UnmappedChannel) int {
		if x.Attributed != y.Attributed {
			if x.Attributed > y.Attributed {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Name, y.Name)
	})
	var warns []string
	src := a.source
	if src == "" {
		src = "MTA export"
	}
	if len(agg.Unmapped) > 0 {
		var parts []string
		for _, u := range agg.Unmapped {
			parts = append(parts, fmt.Sprintf("%s (%d rows, attributed %.6g)", tabular.Quote(u.Name), u.Rows, u.Attributed))
		}
		what := fmt.Sprintf("%d channels", len(agg.Unmapped))
		if len(agg.Unmapped) == 1 {
			what = "1 channel"
		}
		warns = append(warns, fmt.Sprintf("%s: %s not mapped to a model channel (add to mta.channel_map): %s",
			src, what, strings.Join(parts, ", ")))
	}
	if agg.OutsideRows > 0 {
		warns = append(warns, fmt.Sprintf("%s: %d rows (attributed %.6g) dated outside the panel were not aggregated",
			src, agg.OutsideRows, agg.OutsideAttributed))
	}
	if agg.NullValues > 0 {
		warns = append(warns, fmt.Sprintf("%s: %d rows without an attributed value counted as 0", src, agg.NullValues))
	}
	if agg.SkippedRows > 0 {
		warns = append(warns, fmt.Sprintf("%s: %d rows of attribution models other than %q skipped", src, agg.SkippedRows, a.spec.UseModel))
	}
	return &agg, warns
}
