package panel

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// Load reads and validates the panel at path (CSV, Parquet or Arrow IPC).
// It returns warnings about data that is usable but doubtful (a short
// panel, a channel that never spends, negative KPI values, geos summed).
func Load(path string, spec Spec) (*Panel, []string, error) {
	if err := spec.check(); err != nil {
		return nil, nil, err
	}
	if err := spec.checkRoles(filepath.Base(path)); err != nil {
		return nil, nil, err
	}
	t, err := tabular.Read(path, spec.columns())
	if err != nil {
		return nil, nil, err
	}
	return FromTable(t, spec)
}

// FromTable builds a panel from a table already read, holding the columns
// spec names. Errors and warnings name t.Source.
func FromTable(t *tabular.Table, spec Spec) (*Panel, []string, error) {
	if err := spec.check(); err != nil {
		return nil, nil, err
	}
	if err := spec.checkRoles(t.Source); err != nil {
		return nil, nil, err
	}
	if err := checkColumns(t, spec); err != nil {
		return nil, nil, err
	}
	if err := checkRows(t, spec); err != nil {
		return nil, nil, err
	}
	var warnings []string
	var ps []period
	var err error
	if spec.Geo != "" {
		var warn string
		ps, warn, err = byGeo(t, spec)
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, warn)
	} else {
		ps, err = byRow(t, spec)
		if err != nil {
			return nil, nil, err
		}
	}
	if len(ps) == 0 {
		return nil, nil, &tabular.CellError{File: t.Source, Msg: "the panel has no data rows"}
	}
	slices.SortStableFunc(ps, func(a, b period) int { return int(a.date) - int(b.date) })
	step, err := spacing(t, spec, ps)
	if err != nil {
		return nil, nil, err
	}
	p := assemble(t.Source, spec, ps, step)
	if spec.Geo != "" {
		if p.Geos, err = buildGeos(t, spec, p); err != nil {
			return nil, nil, err
		}
	}
	warnings = append(warnings, p.warnings(t, spec)...)
	warnings = append(warnings, outliers(t.Source, spec, ps, spec.Geo != "")...)
	warnings = append(warnings, p.identifiability(spec)...)
	return p, warnings, nil
}

// period is one date's values, summed over geos, with the first file row
// that contributed to it (0-based, for messages).
type period struct {
	date     civil.Date
	row      int
	kpi      float64
	spend    []float64
	imps     []float64
	controls []float64
}

// checkColumns guards FromTable against a table read with other columns
// than spec asks for (Load's tables always pass).
func checkColumns(t *tabular.Table, spec Spec) error {
	for _, c := range spec.columns() {
		k, ok := t.KindOf(c.Name)
		if !ok {
			return &tabular.CellError{File: t.Source, Column: c.Name, Msg: "not found; have: " + strings.Join(t.Names(), ", ")}
		}
		if k != c.Kind {
			return &tabular.CellError{File: t.Source, Column: c.Name, Msg: fmt.Sprintf("holds %v values, want %v", k, c.Kind)}
		}
	}
	return nil
}

// checkRows reports, in file order, the first cell the model cannot use.
func checkRows(t *tabular.Table, spec Spec) error {
	for i := 0; i < t.Len(); i++ {
		if !t.Valid(spec.Date, i) {
			return t.Errorf(i, spec.Date, "missing date")
		}
		if !t.Valid(spec.KPI, i) {
			return t.Errorf(i, spec.KPI, "missing KPI value")
		}
		for _, c := range spec.Channels {
			if err := checkAmount(t, i, c.Spend, "spend"); err != nil {
				return err
			}
			if c.Impressions != "" {
				if err := checkAmount(t, i, c.Impressions, "impressions"); err != nil {
					return err
				}
			}
		}
		for _, c := range spec.Controls {
			if !t.Valid(c, i) {
				return t.Errorf(i, c, "missing control value")
			}
		}
		if spec.Geo != "" && !t.Valid(spec.Geo, i) {
			return t.Errorf(i, spec.Geo, "missing geo")
		}
		if spec.Population != "" {
			if err := checkPopulation(t, i, spec.Population); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkAmount(t *tabular.Table, i int, col, what string) error {
	if !t.Valid(col, i) {
		return t.Errorf(i, col, "missing %s", what)
	}
	if v := t.Floats(col)[i]; v < 0 {
		return t.Errorf(i, col, "negative %s %s", what, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return nil
}

func newPeriod(d civil.Date, row int, spec Spec) period {
	return period{
		date:     d,
		row:      row,
		spend:    make([]float64, len(spec.Channels)),
		imps:     make([]float64, len(spec.Channels)),
		controls: make([]float64, len(spec.Controls)),
	}
}

// add sums row i of t into p.
func (p *period) add(t *tabular.Table, i int, spec Spec) {
	p.kpi += t.Floats(spec.KPI)[i]
	for c, ch := range spec.Channels {
		p.spend[c] += t.Floats(ch.Spend)[i]
		if ch.Impressions != "" {
			p.imps[c] += t.Floats(ch.Impressions)[i]
		}
	}
	for k, name := range spec.Controls {
		p.controls[k] += t.Floats(name)[i]
	}
}

// byRow makes one period of each row, rejecting a date seen before.
func byRow(t *tabular.Table, spec Spec) ([]period, error) {
	dates := t.Dates(spec.Date)
	first := make(map[civil.Date]int, t.Len())
	ps := make([]period, 0, t.Len())
	for i := 0; i < t.Len(); i++ {
		d := dates[i]
		if j, ok := first[d]; ok {
			return nil, t.Errorf(i, spec.Date, "duplicate date %s (also row %d)", d, t.FirstRow+j+1)
		}
		first[d] = i
		p := newPeriod(d, i, spec)
		p.add(t, i, spec)
		ps = append(ps, p)
	}
	return ps, nil
}

// assemble lays the sorted periods out as a Panel.
func assemble(source string, spec Spec, ps []period, step int) *Panel {
	n := len(ps)
	p := &Panel{
		Source:       source,
		Calendar:     civil.Calendar{Dates: make([]civil.Date, n), StepDays: step},
		KPIName:      spec.KPI,
		KPI:          make([]float64, n),
		ControlNames: slices.Clone(spec.Controls),
	}
	for _, c := range spec.Channels {
		p.Channels = append(p.Channels, c.Name)
		p.Spend = append(p.Spend, make([]float64, n))
		var imps []float64
		if c.Impressions != "" {
			imps = make([]float64, n)
		}
		p.Impressions = append(p.Impressions, imps)
	}
	for range spec.Controls {
		p.Controls = append(p.Controls, make([]float64, n))
	}
	for t, per := range ps {
		p.Dates[t] = per.date
		p.KPI[t] = per.kpi
		for c := range spec.Channels {
			p.Spend[c][t] = per.spend[c]
			if p.Impressions[c] != nil {
				p.Impressions[c][t] = per.imps[c]
			}
		}
		for k := range spec.Controls {
			p.Controls[k][t] = per.controls[k]
		}
	}
	return p
}

// minDays is the history below which a panel draws a warning: 78 weeks,
// about a year and a half, the least that separates seasonality from media.
const minDays = 78 * 7

func (p *Panel) warnings(t *tabular.Table, spec Spec) []string {
	var w []string
	if days := p.Len() * p.StepDays; days < minDays {
		w = append(w, fmt.Sprintf("%s: only %d %s periods (%s to %s); at least 78 weeks (about 1.5 years) of data are recommended",
			p.Source, p.Len(), p.Grain(), p.Start(), p.End()))
	}
	for c, name := range p.Channels {
		total := 0.0
		for _, v := range p.Spend[c] {
			total += v
		}
		if total == 0 {
			w = append(w, fmt.Sprintf("%s: channel %s has no spend in the panel (column %s)", p.Source, name, spec.Channels[c].Spend))
		}
	}
	neg, first := 0, -1
	kpi := t.Floats(spec.KPI)
	for i := 0; i < t.Len(); i++ {
		if kpi[i] < 0 {
			if neg == 0 {
				first = i
			}
			neg++
		}
	}
	if neg > 0 {
		w = append(w, fmt.Sprintf("%s: column %s has %d negative KPI values (first at row %d)", p.Source, spec.KPI, neg, t.FirstRow+first+1))
	}
	return w
}
