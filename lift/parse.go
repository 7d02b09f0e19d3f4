package lift

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// ParseOptions carries what the parsers need beyond the file.
type ParseOptions struct {
	// PanelStart and PanelEnd are the first and last day the panel covers.
	// PyMC frames without dates are taken to span them; Robyn's "total"
	// scope is clipped to PanelEnd. Zero PanelEnd means unknown.
	PanelStart, PanelEnd civil.Date
	// StepDays is the panel's period length in days (7 weekly, 1 daily);
	// PyMC's per-period x, delta_x, delta_y and sigma are scaled by the
	// number of periods in the window. Zero means 7.
	StepDays int
	// RelativeSE, if positive, is the standard error assumed relative to
	// |estimate| for records that carry no uncertainty at all (a warning
	// names each). Zero makes such records an error.
	RelativeSE float64
	// Aliases maps other names of channels (such as the spend column names
	// Robyn uses, "tv_S") to MMM channel names. Lookup is exact.
	Aliases map[string]string
	// KPI and KPIType (revenue | count) are compared with Robyn's metric
	// column; a test of another metric is an error (see RevenuePerKPI).
	KPI, KPIType string
	// TotalScopeDays is how far past liftEndDate a Robyn test with
	// calibration_scope "total" is taken to have measured (its carryover);
	// zero means 56 days (8 weeks).
	TotalScopeDays int
	// RevenuePerKPI says the model's count KPI has a revenue per KPI, so a
	// test measured in revenue is converted (Test.InRevenue) rather than
	// refused.
	RevenuePerKPI bool
	// Unpaid holds the organic channels (no spend): their tests state spend
	// 0 and are full holdouts of the channel in their scope.
	Unpaid map[string]bool
	// Geos are the panel's geos (nil for a national panel): a test's geos
	// must be among them.
	Geos []string
}

func (o ParseOptions) stepDays() int {
	if o.StepDays > 0 {
		return o.StepDays
	}
	return 7
}

func (o ParseOptions) channel(name string) string {
	if a, ok := o.Aliases[name]; ok {
		return a
	}
	return name
}

// maxErrors bounds how many cell errors one Parse reports: a file with a
// systematic problem would otherwise bury the user.
const maxErrors = 20

// parseTable turns a table read with columns(f) into canonical tests. Problems
// with a cell are *tabular.CellError values naming the row and column; all
// of them (up to 20) are returned joined, so a user fixes a file in one
// pass. Warnings are returned as sentences for the run log.
func parseTable(t *tabular.Table, f Format, opts ParseOptions) ([]Test, []string, error) {
	if t == nil {
		return nil, nil, errors.New("lift: no table")
	}
	p := &parser{t: t, opts: opts}
	switch f {
	case Canonical:
		p.records(canonicalFields)
	case GeoLift:
		p.records(geoliftFields)
	case Robyn:
		p.robyn()
	case PyMC:
		p.pymc()
	default:
		return nil, nil, fmt.Errorf("lift: unknown format %v", f)
	}
	if len(p.errs) > 0 {
		return nil, p.warns, p.err()
	}
	p.duplicates()
	if len(p.errs) > 0 {
		return nil, p.warns, p.err()
	}
	return p.tests, p.warns, nil
}

// Read reads and parses a lift-test file (CSV, Parquet or Arrow by
// extension).
func Read(path string, f Format, opts ParseOptions) ([]Test, []string, error) {
	t, err := tabular.Read(path, columns(f))
	if err != nil {
		return nil, nil, err
	}
	return parseTable(t, f, opts)
}

type parser struct {
	t       *tabular.Table
	opts    ParseOptions
	tests   []Test
	warns   []string
	errs    []error
	dropped int
}

func (p *parser) fail(i int, col, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		p.dropped++
		return
	}
	p.errs = append(p.errs, p.t.Errorf(i, col, format, args...))
}

func (p *parser) warn(i int, col, format string, args ...any) {
	p.warns = append(p.warns, p.t.Errorf(i, col, format, args...).Error())
}

func (p *parser) err() error {
	if p.dropped > 0 {
		return errors.Join(append(p.errs, fmt.Errorf("%s: %d more problems not shown", p.t.Source, p.dropped))...)
	}
	return errors.Join(p.errs...)
}

// Cell accessors. Each reports whether the column exists and the cell holds
// a value; absent optional columns read as null.

func (p *parser) num(col string, i int) (float64, bool) {
	if col == "" || !p.t.Has(col) || !p.t.Valid(col, i) {
		return 0, false
	}
	return p.t.Floats(col)[i], true
}

func (p *parser) str(col string, i int) (string, bool) {
	if col == "" || !p.t.Has(col) || !p.t.Valid(col, i) {
		return "", false
	}
	s := strings.TrimSpace(p.t.Strings(col)[i])
	return s, s != ""
}

func (p *parser) date(col string, i int) (civil.Date, bool) {
	if col == "" || !p.t.Has(col) || !p.t.Valid(col, i) {
		return 0, false
	}
	return p.t.Dates(col)[i], true
}

func (p *parser) boolean(col string, i int) (bool, bool) {
	if col == "" || !p.t.Has(col) || !p.t.Valid(col, i) {
		return false, false
	}
	return p.t.Bools(col)[i], true
}

// finite reads a required finite number, reporting a missing or
// non-finite cell.
func (p *parser) finite(col string, i int) (float64, bool) {
	v, ok := p.num(col, i)
	if !ok {
		p.fail(i, col, "missing value")
		return 0, false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		p.fail(i, col, "not a finite number: %v", v)
		return 0, false
	}
	return v, true
}

// window reads the required start and end dates.
func (p *parser) window(startCol, endCol string, i int) (civil.Date, civil.Date, bool) {
	s, okS := p.date(startCol, i)
	if !okS {
		p.fail(i, startCol, "missing date")
	}
	e, okE := p.date(endCol, i)
	if !okE {
		p.fail(i, endCol, "missing date")
	}
	if !okS || !okE {
		return 0, 0, false
	}
	if e < s {
		p.fail(i, endCol, "end %v is before start %v", e, s)
		return 0, 0, false
	}
	return s, e, true
}

// requiredChannel reads the channel name, resolving aliases.
func (p *parser) requiredChannel(col string, i int) (string, bool) {
	c, ok := p.str(col, i)
	if !ok {
		p.fail(i, col, "missing channel")
		return "", false
	}
	// A combined-channel test (Robyn's "facebook_S+search_S") names its
	// channels joined by "+"; each is resolved on its own.
	parts := strings.Split(c, "+")
	for k, part := range parts {
		parts[k] = p.opts.channel(strings.TrimSpace(part))
	}
	return strings.Join(parts, "+"), true
}

// positiveSpend reads the test's spend, which must be positive: a test that
// moved no spend measures no return on it. On an unpaid channel
// (ParseOptions.Unpaid) it may be 0: the test switched the channel off.
func (p *parser) positiveSpend(col string, i int, channel string) (float64, bool) {
	v, ok := p.finite(col, i)
	if !ok {
		return 0, false
	}
	if v == 0 && p.opts.Unpaid[channel] {
		return 0, true
	}
	if !(v > 0) {
		p.fail(i, col, "spend must be positive, got %v", v)
		return 0, false
	}
	return v, true
}

// assumedSE applies ParseOptions.RelativeSE to a record without any
// uncertainty, or reports it.
func (p *parser) assumedSE(i int, col, what string, est float64) (float64, bool) {
	if p.opts.RelativeSE > 0 && est != 0 {
		se := p.opts.RelativeSE * math.Abs(est)
		p.warn(i, col, "no uncertainty given; assuming SE = %g × |estimate| = %g (calibration.relative_se)", p.opts.RelativeSE, se)
		return se, true
	}
	p.fail(i, col, "no standard error: give %s", what)
	return 0, false
}

// duplicates reports repeated test ids.
func (p *parser) duplicates() {
	first := make(map[string]int, len(p.tests))
	for k, t := range p.tests {
		if j, ok := first[t.ID]; ok {
			idCol := "test_id"
			p.errs = append(p.errs, &tabular.CellError{File: p.t.Source, Row: t.Row, Column: idCol,
				Msg: fmt.Sprintf("duplicate test_id %s (also row %d)", tabular.Quote(t.ID), p.tests[j].Row)})
			continue
		}
		first[t.ID] = k
	}
}

// row returns the 1-based file row of table row i.
func (p *parser) row(i int) int { return p.t.FirstRow + i + 1 }
