package tabular

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/stretchr/testify/assert"

	"github.com/stretchr/testify/require"
)

var allFormats = []string{"csv", "csv.gz", "tsv", "parquet", "arrow"}

func TestRoundTrip(t *testing.T) {
	for _, ext := range append(allFormats, "pq", "feather", "ipc") {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t."+ext)
			want := sampleTable()
			writeChecked(t, path, want)
			got, err := readChecked(t, path, columnsOf(want))
			require.NoError(t, err)
			require.Equal(t, "t."+ext, got.Source)
			requireSameTable(t, want, got)

			names, err := Header(path)
			require.NoError(t, err)
			require.Equal(t, want.Names(), names)
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriterBatches(t *testing.T) {
	for _, ext := range allFormats {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out."+ext)
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			w, err := create(path, sampleTable(), mem)
			require.NoError(t, err)
			_, err = os.Stat(path)
			require.True(t, os.IsNotExist(err), "nothing at path before Close")
			for k := 0; k < 3; k++ {
				require.NoError(t, w.Write(sampleTable()))
			}
			require.NoError(t, w.Write(sampleTable().Slice(2, 2)))
			require.NoError(t, w.Close())
			require.NoError(t, w.Close(), "Close twice")
			w.Abort() // after Close: no effect
			assert.Equal(t, []string{"out." + ext}, dirNames(t, dir))

			got, err := readChecked(t, path, columnsOf(sampleTable()))
			require.NoError(t, err)
			require.Equal(t, 12, got.Len())
			want := sampleTable()
			for i := 0; i < got.Len(); i++ {
				assert.Equal(t, want.Valid("value", i%4), got.Valid("value", i))
				assert.Equal(t, want.Strings("channel")[i%4], got.Strings("channel")[i])
				assert.Equal(t, want.Dates("date")[i%4], got.Dates("date")[i])
			}
		})
	}
}

func TestWriterAbortKeepsOldFile(t *testing.T) {
	for _, ext := range allFormats {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out."+ext)
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))

			w, err := Create(path, sampleTable())
			require.NoError(t, err)
			require.NoError(t, w.Write(sampleTable()))
			w.Abort()
			w.Abort()
			assert.Error(t, w.Write(sampleTable()))

			// A table with other columns fails the write; Close then discards.
			w, err = Create(path, sampleTable())
			require.NoError(t, err)
			other := NewTable("x", 1)
			other.SetFloats("value", []float64{1}, nil)
			err = w.Write(other)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "do not match")
			require.Error(t, w.Close())

			old, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, "old", string(old))
			assert.Equal(t, []string{"out." + ext}, dirNames(t, dir), "no temporary files left")
		})
	}
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	assert.Error(t, Write(filepath.Join(dir, "missing", "x.csv"), sampleTable()))
	assert.EqualError(t, Write(filepath.Join(dir, "x.csv"), NewTable("x", 0)), "tabular: writing x.csv: the table has no columns")
	assert.Error(t, Write(filepath.Join(dir, "x.json"), sampleTable()))
	assert.Empty(t, dirNames(t, dir))
}
