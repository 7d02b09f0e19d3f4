package tabular

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var xy = []Column{{Name: "x", Kind: Float}, {Name: "y", Kind: String, Optional: true}}

// A file that cannot be read at all is the user's to fix, like a bad
// cell: a *CellError naming it (the CLI exits 2 on those).
func TestUnreadableFilesAreCellErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "adir.csv"), 0o755))
	for name, want := range map[string]string{
		"missing.csv":     "missing.csv: no such file (",
		"missing.parquet": "missing.parquet: no such file (",
		"missing.arrow":   "missing.arrow: no such file (",
		"adir.csv":        "adir.csv: is a directory, not a data file",
		"panel.txt":       `panel.txt: unknown file type ".txt" (want .csv`,
	} {
		_, err := Read(filepath.Join(dir, name), xy)
		var ce *CellError
		require.ErrorAs(t, err, &ce, name)
		assert.Contains(t, err.Error(), want)
		_, err = Header(filepath.Join(dir, name))
		require.ErrorAs(t, err, &ce, name)
	}
}

// A binary file under a CSV name is named for what it is instead of
// having its bytes dumped into the message.
func TestBinaryFileNamedCSVIsRecognised(t *testing.T) {
	dir := t.TempDir()
	src := sampleTable()
	for ext, want := range map[string]string{
		"parquet": "x.csv: is a Parquet file, not CSV text: name it .parquet (the format is chosen by extension)",
		"arrow":   "x.csv: is an Arrow IPC file, not CSV text: name it .arrow (the format is chosen by extension)",
	} {
		p := filepath.Join(dir, "x."+ext)
		writeChecked(t, p, src)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		_, err = Read(writeBytes(t, dir, "x.csv", b), xy)
		assert.EqualError(t, err, want)
	}
	_, err := Read(writeBytes(t, dir, "x.csv", []byte("PK\x03\x04\x14\x00garbage")), xy)
	assert.EqualError(t, err, "x.csv: is a zip archive (an Excel .xlsx workbook?), not CSV text: export the sheet as CSV")
	_, err = Read(writeBytes(t, dir, "x.csv", []byte("x,\x00\x01\x02\xff\xfe\n1,2\n")), xy)
	assert.EqualError(t, err, "x.csv: is not CSV text: its first line holds binary data")
	_, err = Read(writeBytes(t, dir, "x.parquet", []byte("x,y\n1,a\n2,b\n")), xy)
	assert.EqualError(t, err, "x.parquet: not a valid Parquet file: no PAR1 magic at the start; it looks like text (CSV?): name it .csv")
}

func writeBytes(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

// A huge cell is quoted in part: a message stays a line, not megabytes.
func TestMessagesQuoteAtMost80BytesOfACell(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("é", 1<<20) // 2 MiB of two-byte characters
	_, err := Read(writeBytes(t, dir, "x.csv", []byte("x,y\n"+big+",a\n")), xy)
	require.Error(t, err)
	msg := err.Error()
	assert.Less(t, len(msg), 200, msg)
	assert.True(t, strings.HasPrefix(msg, `x.csv: row 1, column x: "éé`), msg)
	assert.Contains(t, msg, `"… (2097152 bytes) is not a number`)

	// A huge header name, listed among the columns a missing one is not.
	_, err = Read(writeBytes(t, dir, "h.csv", []byte(big+",y\n1,a\n")), xy)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)
	assert.Contains(t, err.Error(), "h.csv: column x: not found; have: éé")
}

// Values so large that the model's scaling would overflow are errors
// naming the cell, in text and in binary files alike.
func TestOverflowingValuesAreCellErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(writeBytes(t, dir, "x.csv", []byte("x,y\n1,a\n1e308,b\n")), xy)
	assert.EqualError(t, err, "x.csv: row 2, column x: 1e+308 is too large (triad reads numbers up to ±1e+100; larger values overflow the model's scaling)")
	_, err = Read(writeBytes(t, dir, "x.csv", []byte("x,y\n-2e200,a\n")), xy)
	assert.ErrorContains(t, err, "x.csv: row 1, column x: -2e+200 is too large")
	tb := NewTable("t", 3)
	tb.SetFloats("x", []float64{1, 2, 1e308}, nil)
	p := filepath.Join(dir, "x.parquet")
	writeChecked(t, p, tb)
	_, err = Read(p, xy)
	assert.ErrorContains(t, err, "x.parquet: row 3, column x: 1e+308 is too large")
	tb.SetFloats("x", []float64{1, 2, 1e100}, nil)
	writeChecked(t, p, tb)
	got, err := Read(p, xy)
	require.NoError(t, err, "the limit itself is accepted")
	assert.Equal(t, 1e100, got.Floats("x")[2])
}

// A line beyond MaxLine is refused as it is read, not held in memory.
func TestOverlongLineIsAnError(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("9", MaxLine+10)
	_, err := Read(writeBytes(t, dir, "x.csv", []byte("x,y\n1,a\n"+big+",b\n")), xy)
	assert.EqualError(t, err, "x.csv: row 2: a line longer than 16 MiB: no row of a panel, lift-test file or MTA export is that long")
	_, err = Read(writeBytes(t, dir, "h.csv", []byte(big+",y\n")), xy)
	assert.ErrorContains(t, err, "h.csv: header: a line longer than 16 MiB")
	_, err = Read(writeBytes(t, dir, "r.csv", []byte("x,y\n"+strings.Repeat("9", 400)+",a\n")), xy)
	assert.ErrorContains(t, err, `(400 bytes) is too large`, "digits beyond float64's range")
}
