package tabular

import (
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

// fixtureFiles writes the fixture in every Arrow-based encoding.
func fixtureFiles(t testing.TB) map[string]string {
	mem := memory.NewGoAllocator()
	rec := fixtureRecord(t, mem)
	defer rec.Release()
	dir := t.TempDir()
	files := map[string]string{
		"parquet":      filepath.Join(dir, "f.parquet"),
		"arrow file":   filepath.Join(dir, "f.arrow"),
		"arrow stream": filepath.Join(dir, "f.arrows"),
	}
	writeParquetFixture(t, files["parquet"], rec, rec)
	writeIPCFixture(t, files["arrow file"], false, rec, rec)
	writeIPCFixture(t, files["arrow stream"], true, rec, rec)
	return files
}

func TestReadArrowEncodings(t *testing.T) {
	day := civil.New(2024, 3, 9)
	before := civil.New(1969, 12, 31)
	var cols []Column
	for _, n := range []string{"d32", "d64", "ts_ms_tz", "ts_us", "ts_s_utc", "dstr"} {
		cols = append(cols, Column{Name: n, Kind: Date})
	}
	for _, n := range []string{"i32", "i64", "u16", "f32", "f64", "dec", "nstr"} {
		cols = append(cols, Column{Name: n, Kind: Float})
	}
	cols = append(cols,
		Column{Name: "flag", Kind: Bool},
		Column{Name: "i32", Kind: Float}, // asked twice: one column
		Column{Name: "absent", Kind: Float, Optional: true},
	)
	for name, path := range fixtureFiles(t) {
		t.Run(name, func(t *testing.T) {
			tb, err := readChecked(t, path, cols)
			require.NoError(t, err)
			require.Equal(t, 6, tb.Len())
			assert.False(t, tb.Has("absent"))
			assert.False(t, tb.Has("nested"))
			for _, n := range []string{"d32", "d64", "ts_ms_tz", "ts_us", "ts_s_utc", "dstr"} {
				assert.Equal(t, []civil.Date{day, 0, before, day, 0, before}, tb.Dates(n), n)
				assert.Equal(t, []bool{true, false, true, true, false, true}, validity(tb, n), n)
			}
			assert.Equal(t, []float64{-7, 0, 0, -7, 0, 0}, tb.Floats("i32"))
			assert.Equal(t, 9007199254740992.0, tb.Floats("i64")[0])
			assert.Equal(t, 65535.0, tb.Floats("u16")[0])
			assert.Equal(t, []float64{0.5, 0, -1.5, 0.5, 0, -1.5}, tb.Floats("f32"))
			assert.Equal(t, 2.25, tb.Floats("f64")[0])
			assert.Equal(t, []bool{true, false, false, true, false, false}, validity(tb, "f64"), "NaN is null")
			assert.InDelta(t, 123.45, tb.Floats("dec")[0], 1e-12)
			assert.InDelta(t, -0.01, tb.Floats("dec")[2], 1e-12)
			assert.Equal(t, 1000.0, tb.Floats("nstr")[0])
			assert.Equal(t, []bool{true, false, false, true, false, false}, validity(tb, "nstr"), `"NA" is null`)
			assert.Equal(t, []bool{true, false, false, true, false, false}, tb.Bools("flag"))
		})
	}
}

func TestReadArrowAsStrings(t *testing.T) {
	cols := []Column{{Name: "i32", Kind: String}, {Name: "f32", Kind: String}, {Name: "d32", Kind: String}, {Name: "flag", Kind: String}}
	for name, path := range fixtureFiles(t) {
		t.Run(name, func(t *testing.T) {
			tb, err := readChecked(t, path, cols)
			require.NoError(t, err)
			assert.Equal(t, "-7", tb.Strings("i32")[0])
			assert.Equal(t, "0.5", tb.Strings("f32")[0])
			assert.Equal(t, "2024-03-09", tb.Strings("d32")[0])
			assert.Equal(t, "true", tb.Strings("flag")[0])
			assert.False(t, tb.Valid("i32", 1))
		})
	}
}

func TestReadArrowTypeErrors(t *testing.T) {
	cases := []struct {
		col  Column
		want string
	}{
		{Column{Name: "nested", Kind: Float}, "f.%s: column nested: has type struct<a: int64>, want number"},
		{Column{Name: "tags", Kind: String}, "f.%s: column tags: has type list<item: utf8, nullable>, want string"},
		{Column{Name: "flag", Kind: Date}, "f.%s: column flag: has type bool, want date"},
		{Column{Name: "d32", Kind: Float}, "f.%s: column d32: has type date32, want number"},
		{Column{Name: "dstr", Kind: Float}, `f.%s: row 1, column dstr: "2024-03-09" is not a number`},
		{Column{Name: "nstr", Kind: Date}, `f.%s: row 1, column nstr: "1e3" is not a date (want YYYY-MM-DD)`},
		{Column{Name: "i32", Kind: Bool}, `f.%s: row 1, column i32: -7 is not a boolean (want 0 or 1)`},
		{Column{Name: "nope", Kind: Float}, "f.%s: column nope: not found; have: d32, d64, ts_ms_tz, ts_us, ts_s_utc, dstr, i32, i64, u16, f32, f64, dec, nstr, flag, nested, tags"},
	}
	files := fixtureFiles(t)
	for name, path := range files {
		ext := filepath.Ext(path)[1:]
		for _, c := range cases {
			t.Run(name+"/"+c.col.Name, func(t *testing.T) {
				_, err := readChecked(t, path, []Column{c.col})
				require.Error(t, err)
				want := c.want
				if name == "parquet" && c.col.Name == "tags" {
					want = "f.%s: column tags: has type list<list: utf8, nullable>, want string"
				}
				assert.Equal(t, sprintf(want, ext), err.Error())
				var ce *CellError
				assert.ErrorAs(t, err, &ce)
			})
		}
	}
}
