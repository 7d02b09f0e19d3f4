package tabular

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

// Kind is the Go type a column is read into.
type Kind int

const (
	// Float reads any integer or floating-point column (or numeric strings in CSV).
	Float Kind = iota
	// String reads a string or dictionary column.
	String
	// Date reads date32/date64, timestamps or ISO strings.
	Date
	// Bool reads booleans (or true/false/1/0/yes/no strings).
	Bool
)

func (k Kind) String() string {
	switch k {
	case Float:
		return "number"
	case String:
		return "string"
	case Date:
		return "date"
	case Bool:
		return "boolean"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column asks for one column of a file. Only requested columns are read;
// other columns, of any type, are ignored. A missing required column is an
// error; a missing optional column is absent from the result.
type Column struct {
	Name     string
	Kind     Kind
	Optional bool
}

// Table is a set of equally long columns read from (or to be written to) one
// file. Rows are 0-based here; errors report 1-based data rows.
type Table struct {
	// Source names the file the table came from, for error messages.
	Source string
	// FirstRow is the 0-based index of this table's first row in Source:
	// non-zero for the batches of a streamed scan.
	FirstRow int

	n      int
	order  []string
	kinds  map[string]Kind
	floats map[string][]float64
	strs   map[string][]string
	dates  map[string][]civil.Date
	bools  map[string][]bool
	valid  map[string][]bool
}

// NewTable returns an empty table of n rows.
func NewTable(source string, n int) *Table {
	return &Table{
		Source: source,
		n:      n,
		kinds:  map[string]Kind{},
		floats: map[string][]float64{},
		strs:   map[string][]string{},
		dates:  map[string][]civil.Date{},
		bools:  map[string][]bool{},
		valid:  map[string][]bool{},
	}
}

// Len returns the number of rows.
func (t *Table) Len() int { return t.n }

// Names returns the column names in the order they were added.
func (t *Table) Names() []string { return append([]string(nil), t.order...) }

// Has reports whether the table holds the named column.
func (t *Table) Has(name string) bool { _, ok := t.kinds[name]; return ok }

// KindOf returns the kind of the named column.
func (t *Table) KindOf(name string) (Kind, bool) { k, ok := t.kinds[name]; return k, ok }

func (t *Table) add(name string, k Kind, n int, valid []bool) {
	if n != t.n {
		panic(fmt.Sprintf("tabular: column %q has %d rows, table has %d", name, n, t.n))
	}
	if valid != nil && len(valid) != n {
		panic(fmt.Sprintf("tabular: validity of %q has %d rows, table has %d", name, len(valid), n))
	}
	if _, ok := t.kinds[name]; !ok {
		t.order = append(t.order, name)
	}
	t.kinds[name] = k
	t.valid[name] = valid
}

// SetFloats sets a numeric column. valid may be nil (all valid).
func (t *Table) SetFloats(name string, v []float64, valid []bool) {
	t.add(name, Float, len(v), valid)
	t.floats[name] = v
}

// SetStrings sets a string column. valid may be nil (all valid).
func (t *Table) SetStrings(name string, v []string, valid []bool) {
	t.add(name, String, len(v), valid)
	t.strs[name] = v
}

// SetDates sets a date column. valid may be nil (all valid).
func (t *Table) SetDates(name string, v []civil.Date, valid []bool) {
	t.add(name, Date, len(v), valid)
	t.dates[name] = v
}

// SetBools sets a boolean column. valid may be nil (all valid).
func (t *Table) SetBools(name string, v []bool, valid []bool) {
	t.add(name, Bool, len(v), valid)
	t.bools[name] = v
}

// Floats returns the named numeric column, or nil if absent. Null cells hold 0.
func (t *Table) Floats(name string) []float64 { return t.floats[name] }

// Strings returns the named string column, or nil if absent. Null cells hold "".
func (t *Table) Strings(name string) []string { return t.strs[name] }

// Dates returns the named date column, or nil if absent. Null cells hold 0.
func (t *Table) Dates(name string) []civil.Date { return t.dates[name] }

// Bools returns the named boolean column, or nil if absent.
func (t *Table) Bools(name string) []bool { return t.bools[name] }

// Valid reports whether row i of the named column holds a value (not null).
func (t *Table) Valid(name string, i int) bool {
	v := t.valid[name]
	return v == nil || v[i]
}

// CellError locates a problem in an input file. Row is the 1-based data row
// (the header does not count); Row 0 means the whole column or file.
type CellError struct {
	File   string
	Row    int
	Column string
	Msg    string
}

func (e *CellError) Error() string {
	switch {
	case e.Row > 0 && e.Column != "":
		return fmt.Sprintf("%s: row %d, column %s: %s", e.File, e.Row, e.Column, e.Msg)
	case e.Row > 0:
		return fmt.Sprintf("%s: row %d: %s", e.File, e.Row, e.Msg)
	case e.Column != "":
		return fmt.Sprintf("%s: column %s: %s", e.File, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errorf returns a CellError for 0-based row i of t (row -1: the whole column).
func (t *Table) Errorf(i int, column, format string, args ...any) *CellError {
	row := 0
	if i >= 0 {
		row = t.FirstRow + i + 1
	}
	return &CellError{File: t.Source, Row: row, Column: column, Msg: fmt.Sprintf(format, args...)}
}
