package tabular

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

func writeText(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	return path
}

func TestReadCSV(t *testing.T) {
	// BOM, CRLF, a quoted field with a comma and a newline, padded numbers,
	// every null spelling, and a text column that is not requested.
	body := "\ufeffdate,spend_tv, note ,flag\r\n" +
		"2024-01-01, 12.5 ,\"free, text\nover two lines\",yes\r\n" +
		"2024-01-08,,hello,0\r\n" +
		"2024-01-15,NA,x,\r\n" +
		"2024-01-22,NaN,x,FALSE\r\n" +
		"2024-01-29,null,x,T\r\n" +
		"2024-02-05T00:00:00Z,1e3,x,n/a\r\n"
	path := writeText(t, "panel.csv", body)
	tb, err := readChecked(t, path, []Column{
		{Name: "date", Kind: Date},
		{Name: "spend_tv", Kind: Float},
		{Name: "flag", Kind: Bool},
		{Name: "note", Kind: String},
	})
	require.NoError(t, err)
	require.Equal(t, 6, tb.Len())
	start := civil.New(2024, 1, 1)
	for i, d := range tb.Dates("date") {
		assert.Equal(t, start.AddDays(7*i), d)
	}
	assert.Equal(t, []float64{12.5, 0, 0, 0, 0, 1000}, tb.Floats("spend_tv"))
	assert.Equal(t, []bool{true, false, false, false, false, true}, validity(tb, "spend_tv"))
	assert.Equal(t, []bool{true, false, false, false, true, false}, tb.Bools("flag"))
	assert.Equal(t, []bool{true, true, false, true, true, false}, validity(tb, "flag"))
	assert.Equal(t, "free, text\nover two lines", tb.Strings("note")[0])

	names, err := Header(path)
	require.NoError(t, err)
	assert.Equal(t, []string{"date", "spend_tv", "note", "flag"}, names)
}

func TestReadCSVErrors(t *testing.T) {
	header := "date,spend_tv,notes\n"
	cols := []Column{{Name: "date", Kind: Date}, {Name: "spend_tv", Kind: Float}, {Name: "flag", Kind: Bool, Optional: true}}
	cases := []struct{ name, body, want string }{
		{"number", header + "2024-01-01,1,a\n2024-01-08,abc,b\n",
			`panel.csv: row 2, column spend_tv: "abc" is not a number`},
		{"infinite", header + "2024-01-01,Inf,a\n",
			`panel.csv: row 1, column spend_tv: "Inf" is not a finite number`},
		{"date", header + "2024-01-01,1,a\n2024-01-08,1,b\n2024-13-45,1,c\n",
			`panel.csv: row 3, column date: "2024-13-45" is not a date (want YYYY-MM-DD)`},
		{"bool", "date,spend_tv,flag\n2024-01-01,1,maybe\n",
			`panel.csv: row 1, column flag: "maybe" is not a boolean (want true or false)`},
		{"missing column", "date,spend_search,notes\n2024-01-01,1,x\n",
			`panel.csv: column spend_tv: not found; have: date, spend_search, notes`},
		{"case hint", "date,Spend_TV\n2024-01-01,1\n",
			`panel.csv: column spend_tv: not found; have: date, Spend_TV (did you mean "Spend_TV"?)`},
		{"duplicate header", "date,spend_tv,spend_tv\n2024-01-01,1,2\n",
			`panel.csv: column spend_tv: appears more than once in the header`},
		{"short row", header + "2024-01-01,1,a\n2024-01-08,1\n",
			`panel.csv: row 2: has 2 fields, the header has 3`},
		{"bad quote", header + "2024-01-01,1,a\n2024-01-08,1,\"b\"c\n",
			`panel.csv: row 2: extraneous or missing " in quoted-field (line 3)`},
		{"empty file", "",
			`panel.csv: the file is empty (a header row is required)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readChecked(t, writeText(t, "panel.csv", c.body), cols)
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
			var ce *CellError
			assert.ErrorAs(t, err, &ce)
		})
	}
}

func TestReadHeaderOnly(t *testing.T) {
	tb, err := readChecked(t, writeText(t, "x.csv", "a,b\n"), []Column{{Name: "a", Kind: Float}, {Name: "b", Kind: String}})
	require.NoError(t, err)
	assert.Equal(t, 0, tb.Len())
	assert.Equal(t, []string{"a", "b"}, tb.Names())
}

func TestUnknownExtension(t *testing.T) {
	_, err := Read("data.xlsx", nil)
	require.EqualError(t, err, `data.xlsx: unknown file type ".xlsx" (want .csv, .csv.gz, .tsv, .parquet, .pq, .arrow, .feather or .ipc)`)
}

func TestScanBatches(t *testing.T) {
	// 1000 rows; row 777 is bad. Batches must carry FirstRow so the error a
	// caller builds with Errorf names the right row.
	for _, ext := range allFormats {
		t.Run(ext, func(t *testing.T) {
			n := 1000
			tb := NewTable("x", n)
			v := make([]float64, n)
			for i := range v {
				v[i] = float64(i)
			}
			tb.SetFloats("v", v, nil)
			path := filepath.Join(t.TempDir(), "big."+ext)
			require.NoError(t, Write(path, tb))

			var firsts, lens []int
			next := 0.0
			errStop := errors.New("stop")
			err := Scan(path, []Column{{Name: "v", Kind: Float}}, 300, func(b *Table) error {
				firsts = append(firsts, b.FirstRow)
				lens = append(lens, b.Len())
				for i, x := range b.Floats("v") {
					require.Equal(t, next, x)
					next++
					if x == 777 {
						return b.Errorf(i, "v", "bad value %v", x)
					}
				}
				return nil
			})
			require.EqualError(t, err, "big."+ext+": row 778, column v: bad value 777")
			assert.Equal(t, []int{0, 300, 600}, firsts)
			assert.Equal(t, []int{300, 300, 300}, lens)

			calls := 0
			err = Scan(path, []Column{{Name: "v", Kind: Float}}, 300, func(b *Table) error {
				calls++
				return errStop
			})
			assert.ErrorIs(t, err, errStop)
			assert.Equal(t, 1, calls, "fn's error stops the scan")

			total := 0
			err = Scan(path, []Column{{Name: "other", Kind: Float, Optional: true}}, 128, func(b *Table) error {
				total += b.Len()
				return nil
			})
			require.NoError(t, err)
			assert.Equal(t, n, total, "row count without any present column")
		})
	}
}

func TestReadSemicolonCSV(t *testing.T) {
	path := writeText(t, "eu.csv", "date;spend_tv;note\n2024-01-01;12.5;\"a;b\"\n")
	tb, err := readChecked(t, path, []Column{{Name: "spend_tv", Kind: Float}, {Name: "note", Kind: String}})
	require.NoError(t, err)
	assert.Equal(t, []float64{12.5}, tb.Floats("spend_tv"))
	assert.Equal(t, []string{"a;b"}, tb.Strings("note"))

	// A decimal comma is not a number: say so rather than guess.
	path = writeText(t, "eu.csv", "date;spend_tv\n2024-01-01;12,5\n")
	_, err = readChecked(t, path, []Column{{Name: "spend_tv", Kind: Float}})
	assert.EqualError(t, err, `eu.csv: row 1, column spend_tv: "12,5" is not a number (use a decimal point, and no thousands separators)`)
}
