package mta

import (
	"math"
	"strings"

	"github.com/triad-mmm/triad/internal/tabular"
)

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
	a.start(t)
	dates, names, values := t.Dates(s.Date), t.Strings(s.Channel), t.Floats(s.Value)
	geos, spends := t.Strings(s.Geo), t.Floats(s.Spend)
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
		v, sp, err := a.row(t, i, names[i], values, spends)
		if err != nil {
			return err
		}
		if campaigns != nil && t.Valid(s.Campaign, i) && (!haveCampaign || campaigns[i] != lastCampaign) {
			a.campaigns[campaigns[i]] = struct{}{}
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
		if name := names[i]; !haveLast || name != lastName {
			lastName, lastC, haveLast = name, a.channel(name), true
		}
		if lastC < 0 {
			a.addUnmapped(lastName, v)
			continue
		}
		a.agg.Attributed[lastC][p] += v
		a.agg.seen[lastC] = true
		if a.hasSpend {
			a.agg.Spend[lastC][p] += sp
		}
		if err := a.addGeo(t, i, geos, lastC, p, v, sp); err != nil {
			return err
		}
	}
	return nil
}

// start learns from the first batch where the rows come from and whether
// they carry spend.
func (a *aggregator) start(t *tabular.Table) {
	if a.started {
		return
	}
	a.started = true
	a.source = t.Source
	a.hasSpend = t.Has(a.spec.Spend)
	if a.hasSpend {
		a.agg.Spend = matrix(len(a.agg.Channels), a.n)
	}
}

// row checks row i's date and channel (name) and returns its attributed value
// (0, and counted, when empty) and spend (0 without a spend column).
func (a *aggregator) row(t *tabular.Table, i int, name string, values, spends []float64) (v, sp float64, err error) {
	s := a.spec
	if !t.Valid(s.Date, i) {
		return 0, 0, t.Errorf(i, s.Date, "missing date")
	}
	if !t.Valid(s.Channel, i) || strings.TrimSpace(name) == "" {
		return 0, 0, t.Errorf(i, s.Channel, "missing channel")
	}
	if t.Valid(s.Value, i) {
		v = values[i]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, 0, t.Errorf(i, s.Value, "attributed value is not a finite number: %v", v)
		}
		if v < 0 {
			return 0, 0, t.Errorf(i, s.Value, "negative attributed value %v", v)
		}
	} else {
		a.agg.NullValues++
	}
	if a.hasSpend && t.Valid(s.Spend, i) {
		sp = spends[i]
		if math.IsNaN(sp) || math.IsInf(sp, 0) || sp < 0 {
			return 0, 0, t.Errorf(i, s.Spend, "negative or non-finite spend %v", sp)
		}
	}
	return v, sp, nil
}

// addUnmapped counts a row of a channel without an MMM channel.
func (a *aggregator) addUnmapped(name string, v float64) {
	u := a.unmapped[name]
	if u == nil {
		u = &UnmappedChannel{Name: name}
		a.unmapped[name] = u
	}
	u.Rows++
	u.Attributed += v
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
