package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/tabular"
)

// extras are the panel columns that the inputs keys add (revenue per KPI,
// factors, organic media, treatments), one value per panel period, read
// in a second pass over the panel file so the panel's own loader stays as
// it is. A geo panel's rows are combined as the national panel's are:
// organic units add up, treatments are averaged, revenue per KPI is
// weighted by the KPI, a factor takes the first geo's level.
type extras struct {
	rpk        []float64 // nil without model.revenue_per_kpi
	factors    []factor
	organic    [][]float64 // [organic][t], units
	treatments [][]float64 // [treatment][t]
	// geoTreatments are the treatments per geo on a geo panel
	// ([treatment][geo][t]), for the geo model.
	geoTreatments [][][]float64
	// geoFactors are the factors coded over every geo-period of a geo
	// panel, for the geo model.
	geoFactors []geoFactor
	// reach and freq are the paid channels' reach and frequency ([c][t],
	// nil for a channel without): geos' reach adds up, their frequency is
	// averaged weighted by reach (impressions over reach).
	reach, freq [][]float64
}

// factor is a categorical column turned into indicators: one per level
// but the reference (the empty or "na" level, else the first in sort
// order).
type factor struct {
	column    string
	reference string
	levels    []string // the indicator levels, sorted
	values    []string // per period
}

// indicator returns the 0/1 series of level l.
func (f factor) indicator(l string) []float64 {
	out := make([]float64, len(f.values))
	for t, v := range f.values {
		if v == l {
			out[t] = 1
		}
	}
	return out
}

// isReference reports whether a factor cell means "no event".
func isReference(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "" || s == "na" || s == "none" || s == "n/a"
}

func needsExtras(m config.Model) bool {
	return m.RevenuePerKPI.Column != "" || len(m.Factors) > 0 || len(m.Organic) > 0 || len(m.Treatments) > 0 || hasReach(m)
}

// hasReach reports whether some channel has reach and frequency.
func hasReach(m config.Model) bool {
	for _, ch := range m.Channels {
		if ch.Reach != "" {
			return true
		}
	}
	return false
}

// readExtras reads the extra columns of cfg's panel for the periods dates
// (the panel's, in order).
func readExtras(cfg *config.Config, dates []civil.Date) (*extras, error) {
	m := cfg.Model
	ex := &extras{}
	n := len(dates)
	if !needsExtras(m) {
		if v := m.RevenuePerKPI.Value; v > 0 {
			ex.rpk = filled(n, v)
		}
		return ex, nil
	}
	if err := checkExtraRoles(m); err != nil {
		return nil, err
	}
	cols := []tabular.Column{{Name: m.Date, Kind: tabular.Date}, {Name: m.KPI, Kind: tabular.Float}}
	if m.Geo != "" {
		cols = append(cols, tabular.Column{Name: m.Geo, Kind: tabular.String})
	}
	if c := m.RevenuePerKPI.Column; c != "" {
		cols = append(cols, tabular.Column{Name: c, Kind: tabular.Float})
	}
	for _, f := range m.Factors {
		cols = append(cols, tabular.Column{Name: f, Kind: tabular.String})
	}
	for _, o := range m.Organic {
		cols = append(cols, tabular.Column{Name: o.Column, Kind: tabular.Float})
	}
	for _, tr := range m.Treatments {
		cols = append(cols, tabular.Column{Name: tr.Column, Kind: tabular.Float})
	}
	for _, ch := range m.Channels {
		if ch.Reach != "" {
			cols = append(cols, tabular.Column{Name: ch.Reach, Kind: tabular.Float}, tabular.Column{Name: ch.Frequency, Kind: tabular.Float})
		}
	}
	t, err := tabular.Read(cfg.Data.Panel, cols)
	if err != nil {
		return nil, err
	}
	index := make(map[civil.Date]int, n)
	for i, d := range dates {
		index[d] = i
	}
	a := newAccumulator(t, m, n)
	for i := 0; i < t.Len(); i++ {
		k, ok := index[t.Dates(m.Date)[i]]
		if !ok {
			continue // the panel's loader has judged every row already
		}
		if err := a.add(i, k); err != nil {
			return nil, err
		}
	}
	if v := m.RevenuePerKPI.Value; v > 0 {
		ex.rpk = filled(n, v)
	}
	a.finish(ex)
	return ex, nil
}

func filled(n int, v float64) []float64 {
	out := make([]float64, n)
	for t := range out {
		out[t] = v
	}
	return out
}

// checkExtraRoles refuses a column given two roles: an extra column that
// is also the KPI, a spend, impressions or control column, or two extras.
func checkExtraRoles(m config.Model) error {
	role := map[string]string{m.KPI: "the KPI", m.Date: "the date"}
	for _, ch := range m.Channels {
		role[ch.Spend] = "the spend of channel " + ch.Name
		if ch.Impressions != "" {
			role[ch.Impressions] = "the impressions of channel " + ch.Name
		}
	}
	for _, c := range m.Controls {
		role[c] = "a control"
	}
	var probs []string
	claim := func(key, col string) {
		if r, ok := role[col]; ok {
			probs = append(probs, fmt.Sprintf("%s: column %q is already %s", key, col, r))
			return
		}
		role[col] = key
	}
	if c := m.RevenuePerKPI.Column; c != "" {
		claim("model.revenue_per_kpi", c)
	}
	for i, f := range m.Factors {
		claim(fmt.Sprintf("model.factors[%d]", i), f)
	}
	for i, o := range m.Organic {
		claim(fmt.Sprintf("model.organic[%d].column", i), o.Column)
	}
	for i, tr := range m.Treatments {
		claim(fmt.Sprintf("model.treatments[%d].column", i), tr.Column)
	}
	for i, ch := range m.Channels {
		if ch.Reach != "" {
			claim(fmt.Sprintf("model.channels[%d].reach", i), ch.Reach)
			claim(fmt.Sprintf("model.channels[%d].frequency", i), ch.Frequency)
		}
	}
	if len(probs) > 0 {
		return &config.Error{Problems: probs}
	}
	return nil
}

// accumulator combines the rows of each period.
type accumulator struct {
	t            *tabular.Table
	m            config.Model
	rows         []int // rows seen per period
	rpkNum, kpi  []float64
	rpkPlain     []float64
	factor       [][]string
	factorSet    []bool
	organic, trt [][]float64
	reach, imps  [][]float64 // [channel][t]; imps = Σ reach·frequency
}

func newAccumulator(t *tabular.Table, m config.Model, n int) *accumulator {
	a := &accumulator{t: t, m: m, rows: make([]int, n), rpkNum: make([]float64, n), kpi: make([]float64, n), rpkPlain: make([]float64, n)}
	for range m.Factors {
		a.factor = append(a.factor, make([]string, n))
	}
	a.factorSet = make([]bool, n)
	for range m.Organic {
		a.organic = append(a.organic, make([]float64, n))
	}
	for range m.Treatments {
		a.trt = append(a.trt, make([]float64, n))
	}
	a.reach, a.imps = make([][]float64, len(m.Channels)), make([][]float64, len(m.Channels))
	for c, ch := range m.Channels {
		if ch.Reach != "" {
			a.reach[c], a.imps[c] = make([]float64, n), make([]float64, n)
		}
	}
	return a
}

// add adds row i to period k.
func (a *accumulator) add(i, k int) error {
	t, m := a.t, a.m
	number := func(col, what string, positive bool) (float64, error) {
		if !t.Valid(col, i) {
			return 0, t.Errorf(i, col, "missing %s", what)
		}
		v := t.Floats(col)[i]
		if positive && !(v > 0) || v < 0 {
			return 0, t.Errorf(i, col, "%s %g must be %s", what, v, map[bool]string{true: "positive", false: ">= 0"}[positive])
		}
		return v, nil
	}
	kpi := t.Floats(m.KPI)[i]
	if c := m.RevenuePerKPI.Column; c != "" {
		v, err := number(c, "revenue per KPI", true)
		if err != nil {
			return err
		}
		a.rpkNum[k] += v * kpi
		a.rpkPlain[k] += v
	}
	a.kpi[k] += kpi
	for j, o := range m.Organic {
		v, err := number(o.Column, "organic units", false)
		if err != nil {
			return err
		}
		a.organic[j][k] += v
	}
	for j, tr := range m.Treatments {
		if !t.Valid(tr.Column, i) {
			return t.Errorf(i, tr.Column, "missing treatment value")
		}
		a.trt[j][k] += t.Floats(tr.Column)[i]
	}
	for c, ch := range m.Channels {
		if ch.Reach == "" {
			continue
		}
		r, err := number(ch.Reach, "reach", false)
		if err != nil {
			return err
		}
		f, err := number(ch.Frequency, "frequency", false)
		if err != nil {
			return err
		}
		a.reach[c][k] += r
		a.imps[c][k] += r * f
	}
	if !a.factorSet[k] {
		for j, f := range m.Factors {
			if t.Valid(f, i) {
				a.factor[j][k] = strings.TrimSpace(t.Strings(f)[i])
			}
		}
		a.factorSet[k] = true
	}
	a.rows[k]++
	return nil
}

func (a *accumulator) finish(ex *extras) {
	m := a.m
	if m.RevenuePerKPI.Column != "" {
		ex.rpk = make([]float64, len(a.kpi))
		for k := range ex.rpk {
			if a.kpi[k] != 0 {
				ex.rpk[k] = a.rpkNum[k] / a.kpi[k]
			}
		}
		// A period without KPI gives no weight to its geos: take their plain
		// mean, which lift tests in that period may still need.
		for k := range ex.rpk {
			if a.kpi[k] == 0 && a.rows[k] > 0 {
				ex.rpk[k] = a.rpkPlain[k] / float64(a.rows[k])
			}
		}
	}
	ex.organic = a.organic
	for j := range a.trt {
		for k, r := range a.rows {
			if r > 1 {
				a.trt[j][k] /= float64(r)
			}
		}
	}
	ex.treatments = a.trt
	if hasReach(m) {
		ex.reach, ex.freq = a.reach, make([][]float64, len(a.reach))
		for c, r := range a.reach {
			if r == nil {
				continue
			}
			ex.freq[c] = make([]float64, len(r))
			for k, v := range r {
				if v > 0 {
					ex.freq[c][k] = a.imps[c][k] / v
				}
			}
		}
	}
	for j, col := range m.Factors {
		ex.factors = append(ex.factors, newFactor(col, a.factor[j]))
	}
}

func newFactor(col string, values []string) factor {
	f := factor{column: col, values: values}
	set := map[string]bool{}
	hasRef := false
	for k, v := range values {
		if isReference(v) {
			values[k] = ""
			hasRef = true
			continue
		}
		set[v] = true
	}
	for l := range set {
		f.levels = append(f.levels, l)
	}
	slices.Sort(f.levels)
	if !hasRef && len(f.levels) > 0 {
		// No "no event" level: the first level is the reference.
		f.reference, f.levels = f.levels[0], f.levels[1:]
	}
	return f
}
