package tabular

import (
	"fmt"
	"math"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

// readChecked reads like Read, with a checked allocator that fails the test
// on any Arrow memory leak.
func readChecked(t *testing.T, path string, cols []Column) (*Table, error) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var out *Table
	err := scan(path, cols, math.MaxInt, mem, func(tb *Table) error {
		out = tb
		return nil
	})
	return out, err
}

func writeChecked(t *testing.T, path string, tb *Table) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	w, err := create(path, tb, mem)
	require.NoError(t, err)
	require.NoError(t, w.Write(tb))
	require.NoError(t, w.Close())
}

// sampleTable holds every kind, with nulls in each column.
func sampleTable() *Table {
	tb := NewTable("sample", 4)
	tb.SetDates("date", []civil.Date{civil.New(2024, 1, 1), civil.New(2024, 1, 8), 0, civil.New(1969, 12, 31)},
		[]bool{true, true, false, true})
	tb.SetFloats("value", []float64{1.5, 0.1 + 0.2, 0, -1e-300}, []bool{true, true, false, true})
	tb.SetStrings("channel", []string{"search", "tv, \"linear\"", "", "ünïcode"}, []bool{true, true, false, true})
	tb.SetBools("include", []bool{true, false, false, true}, []bool{true, true, false, true})
	tb.SetFloats("spend", []float64{10, 20, 30, 40}, nil)
	return tb
}

func requireSameTable(t *testing.T, want, got *Table) {
	t.Helper()
	require.Equal(t, want.Names(), got.Names())
	require.Equal(t, want.Len(), got.Len())
	for _, n := range want.Names() {
		k, _ := want.KindOf(n)
		gk, _ := got.KindOf(n)
		require.Equal(t, k, gk, "kind of %s", n)
		for i := 0; i < want.Len(); i++ {
			require.Equal(t, want.Valid(n, i), got.Valid(n, i), "validity of %s[%d]", n, i)
			if !want.Valid(n, i) {
				continue
			}
			switch k {
			case Float:
				require.Equal(t, want.Floats(n)[i], got.Floats(n)[i], "%s[%d]", n, i)
			case String:
				require.Equal(t, want.Strings(n)[i], got.Strings(n)[i], "%s[%d]", n, i)
			case Date:
				require.Equal(t, want.Dates(n)[i], got.Dates(n)[i], "%s[%d]", n, i)
			case Bool:
				require.Equal(t, want.Bools(n)[i], got.Bools(n)[i], "%s[%d]", n, i)
			}
		}
	}
}

func columnsOf(tb *Table) []Column {
	var cols []Column
	for _, n := range tb.Names() {
		k, _ := tb.KindOf(n)
		cols = append(cols, Column{Name: n, Kind: k})
	}
	return cols
}

func validity(tb *Table, name string) []bool {
	out := make([]bool, tb.Len())
	for i := range out {
		out[i] = tb.Valid(name, i)
	}
	return out
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
