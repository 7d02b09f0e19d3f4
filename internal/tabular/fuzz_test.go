package tabular

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var fuzzCols = []Column{
	{Name: "a", Kind: Float},
	{Name: "b", Kind: Date, Optional: true},
	{Name: "c", Kind: String, Optional: true},
	{Name: "d", Kind: Bool, Optional: true},
}

// FuzzReadCSV reads arbitrary bytes as CSV. It must never panic; every
// failure must be a *CellError; and whatever reads cleanly must survive a
// write and a second read unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"a,b,c,d\n1,2024-01-01,x,true\n",
		"\ufeffa,b\r\n1.5,2024-02-29\r\n,\r\n",
		"a,c\n\"1\",\"quoted, \"\"text\"\"\"\nNA,\n",
		"a,b\n1e308,2024-13-45\n",
		"a\n-0\n0x1p-2\n1_000\n",
		"a,d\n1,maybe\n",
		"a,b\n1\n",
		"a,a\n1,2\n",
		"b\n2024-01-01\n",
		"",
		"a,c\n1,\"unterminated\n",
		"a,b\n1,2024-01-01T10:00:00+05:00\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tb, err := Read(path, fuzzCols)
		if err != nil {
			var ce *CellError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T) is not a CellError", err, err)
			}
			return
		}
		for _, n := range tb.Names() {
			k, _ := tb.KindOf(n)
			var l int
			switch k {
			case Float:
				l = len(tb.Floats(n))
			case String:
				l = len(tb.Strings(n))
			case Date:
				l = len(tb.Dates(n))
			case Bool:
				l = len(tb.Bools(n))
			}
			if l != tb.Len() {
				t.Fatalf("column %s has %d rows, table %d", n, l, tb.Len())
			}
		}
		out := filepath.Join(dir, "g.csv")
		if err := Write(out, tb); err != nil {
			t.Fatal(err)
		}
		again, err := Read(out, fuzzCols)
		if err != nil {
			t.Fatalf("rereading what was written: %v", err)
		}
		if !sameTable(tb, again) {
			t.Fatalf("round trip changed the table")
		}
	})
}

// sameTable compares names, kinds, validity and valid values.
func sameTable(a, b *Table) bool {
	if a.Len() != b.Len() || !reflect.DeepEqual(a.Names(), b.Names()) {
		return false
	}
	for _, n := range a.Names() {
		ka, _ := a.KindOf(n)
		kb, _ := b.KindOf(n)
		if ka != kb {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if a.Valid(n, i) != b.Valid(n, i) {
				return false
			}
			if !a.Valid(n, i) {
				continue
			}
			var same bool
			switch ka {
			case Float:
				same = a.Floats(n)[i] == b.Floats(n)[i]
			case String:
				same = a.Strings(n)[i] == b.Strings(n)[i]
			case Date:
				same = a.Dates(n)[i] == b.Dates(n)[i]
			case Bool:
				same = a.Bools(n)[i] == b.Bools(n)[i]
			}
			if !same {
				return false
			}
		}
	}
	return true
}

// FuzzReadBinary feeds mutated Parquet and Arrow IPC files to the readers.
// They must return (an error or a table), never crash.
func FuzzReadBinary(f *testing.F) {
	for name, path := range fixtureFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		kind := byte(0)
		switch name {
		case "arrow file":
			kind = 1
		case "arrow stream":
			kind = 2
		}
		f.Add(kind, data)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, kind byte, data []byte) {
		name := []string{"x.parquet", "x.arrow", "x.arrows"}[int(kind)%3]
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		Read(path, corruptCols)
		Header(path)
	})
}
