package mta

import (
	"fmt"
	"math"
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

// aggregator sums MTA rows batch by batch; AggregateFile drives it over a
// file, and callers with tables in hand can use it directly.
type aggregator struct {
	spec      Spec
	m         Mapping
	cal       Calendar
	n         int
	source    string
	agg       Aggregate
	lookup    map[string]int // raw channel name → MMM channel, −1 unmapped
	unmapped  map[string]*UnmappedChannel
	campaigns map[string]struct{}
	model     string // first attribution model seen
	modelRow  int
	hasSpend  bool
	started   bool
	geos      map[string]int // geo → index into the geo slices, in order of appearance
}

// newAggregator returns an empty aggregator for the panel's periods.
func newAggregator(spec Spec, m Mapping, cal Calendar) *aggregator {
	n := periods(cal)
	a := &aggregator{
		spec:      spec.withDefaults(),
		m:         m,
		cal:       cal,
		n:         n,
		lookup:    map[string]int{},
		unmapped:  map[string]*UnmappedChannel{},
		campaigns: map[string]struct{}{},
	}
	a.agg.Channels = m.Channels()
	a.agg.Attributed = matrix(len(a.agg.Channels), n)
	a.agg.seen = make([]bool, len(a.agg.Channels))
	return a
}

func matrix(rows, cols int) [][]float64 {
	flat := make([]float64, rows*cols)
	g := make([][]float64, rows)
	for i := range g {
		g[i] = flat[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return g
}

func (a *aggregator) channel(name string) int {
	if c, ok := a.lookup[name]; ok {
		return c
	}
	c, ok := a.m.Lookup(name)
	if !ok {
		c = -1
	}
	a.lookup[name] = c
	return c
}

// Add aggregates one batch. The first error stops aggregation: the batch's
// rows before it stay counted, so callers should discard the aggregator.
func (a *aggregator) add(t *tabular.Table) error {
	s := a.spec
	if !a.started {
		a.started = true
		a.source = t.Source
		a.hasSpend = t.Has(s.Spend)
		if a.hasSpend {
			a.agg.Spend = matrix(len(a.agg.Channels), a.n)
		}
	}
	dates, names, values := t.Dates(s.Date), t.Strings(s.Channel), t.Floats(s.Value)
	geos := t.Strings(s.Geo)
	spends := t.Floats(s.Spend)
	campaigns, models := t.Strings(s.Campaign), t.Strings(s.Model)
	// Exports are usually sorted by date, channel and campaign: remembering
	// the previous row's names skips most map lookups.
	lastName, lastC, lastCampaign := "", 0, ""
	haveLast, haveCampaign := false, false
	for i := 0; i < t.Len(); i++ {
		if models != nil && t.Valid(s.Model, i) {
			if skip, err := a.checkModel(t, i, models[i]); err != nil {
				return err
			} else if skip {
				a.agg.SkippedRows++
				continue
			}
		}
		if !t.Valid(s.Date, i) {
			return t.Errorf(i, s.Date, "missing date")
		}
		name := names[i]
		if !t.Valid(s.Channel, i) || strings.TrimSpace(name) == "" {
			return t.Errorf(i, s.Channel, "missing channel")
		}
		v := 0.0
		if t.Valid(s.Value, i) {
			v = values[i]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return t.Errorf(i, s.Value, "attributed value is not a finite number: %v", v)
			}
			if v < 0 {
				return t.Errorf(i, s.Value, "negative attributed value %v", v)
			}
		} else {
			a.agg.NullValues++
		}
		sp := 0.0
		if a.hasSpend && t.Valid(s.Spend, i) {
			sp = spends[i]
			if math.IsNaN(sp) || math.IsInf(sp, 0) || sp < 0 {
				return t.Errorf(i, s.Spend, "negative or non-finite spend %v", sp)
			}
		}
		if campaigns != nil && t.Valid(s.Campaign, i) && (!haveCampaign || campaigns[i] != lastCampaign) {
			if _, ok := a.campaigns[campaigns[i]]; !ok {
				a.campaigns[campaigns[i]] = struct{}{}
			}
			lastCampaign, haveCampaign = campaigns[i], true
		}
		a.agg.Rows++
		a.agg.Total += v
		p, in := a.cal.Index(dates[i])
		if !in {
			a.agg.OutsideRows++
			a.agg.OutsideAttributed += v
			continue
		}
		if !haveLast || name != lastName {
			lastName, lastC, haveLast = name, a.channel(name), true
		}
		c := lastC
		if c < 0 {
			u := a.unmapped[name]
			if u == nil {
				u = &UnmappedChannel{Name: name}
				a.unmapped[name] = u
			}
			u.Rows++
			u.Attributed += v
			continue
		}
		a.agg.Attributed[c][p] += v
		a.agg.seen[c] = true
		if a.hasSpend {
			a.agg.Spend[c][p] += sp
		}
		if err := a.addGeo(t, i, geos, c, p, v, sp); err != nil {
			return err
		}
	}
	return nil
}

// addGeo adds row i's value and spend to its geo's aggregates (nothing
// without a geo column).
func (a *aggregator) addGeo(t *tabular.Table, i int, geos []string, c, p int, v, sp float64) error {
	if geos == nil {
		return nil
	}
	name := geos[i]
	if !t.Valid(a.spec.Geo, i) || strings.TrimSpace(name) == "" {
		return t.Errorf(i, a.spec.Geo, "missing geo")
	}
	g := a.geo(name)
	a.agg.GeoAttributed[g][c][p] += v
	if a.hasSpend {
		a.agg.GeoSpend[g][c][p] += sp
	}
	return nil
}

// geo returns the index of the named geo, adding it on first sight.
func (a *aggregator) geo(name string) int {
	if g, ok := a.geos[name]; ok {
		return g
	}
	if a.geos == nil {
		a.geos = map[string]int{}
	}
	g := len(a.agg.Geos)
	a.geos[name] = g
	a.agg.Geos = append(a.agg.Geos, name)
	a.agg.GeoAttributed = append(a.agg.GeoAttributed, matrix(len(a.agg.Channels), a.n))
	if a.hasSpend {
		a.agg.GeoSpend = append(a.agg.GeoSpend, matrix(len(a.agg.Channels), a.n))
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

// checkModel reports whether row i belongs to another attribution model
// than the one in use, and fails when the file mixes models and none was
// chosen: summing them would count each conversion once per model.
func (a *aggregator) checkModel(t *tabular.Table, i int, model string) (bool, error) {
	s := a.spec
	if s.UseModel != "" {
		return model != s.UseModel, nil
	}
	if a.modelRow == 0 {
		a.model, a.modelRow = model, t.FirstRow+i+1
		return false, nil
	}
	if model != a.model {
		return false, t.Errorf(i, s.Model, "attribution model %s differs from %s (row %d); summing several models double-counts: choose one with mta.use_model",
			tabular.Quote(model), tabular.Quote(a.model), a.modelRow)
	}
	return false, nil
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
