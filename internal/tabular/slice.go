package tabular

import "fmt"

// Slice returns rows [i, j) of t as a table that shares t's memory.
// FirstRow is adjusted so that errors still name rows of the source file.
func (t *Table) Slice(i, j int) *Table {
	if i < 0 || j < i || j > t.n {
		panic(fmt.Sprintf("tabular: Slice(%d, %d) of a table of %d rows", i, j, t.n))
	}
	s := NewTable(t.Source, j-i)
	s.FirstRow = t.FirstRow + i
	for _, n := range t.order {
		var valid []bool
		if v := t.valid[n]; v != nil {
			valid = v[i:j:j]
		}
		switch t.kinds[n] {
		case Float:
			s.SetFloats(n, t.floats[n][i:j:j], valid)
		case String:
			s.SetStrings(n, t.strs[n][i:j:j], valid)
		case Date:
			s.SetDates(n, t.dates[n][i:j:j], valid)
		case Bool:
			s.SetBools(n, t.bools[n][i:j:j], valid)
		}
	}
	return s
}
