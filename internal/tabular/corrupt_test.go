package tabular

import (
	"bytes"
	"encoding/binary"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readBytes writes data to a file named name and reads every fixture column
// from it. A panic here fails the test run: that is the property tested.
func readBytes(t *testing.T, dir, name string, data []byte, cols []Column) error {
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return scan(path, cols, math.MaxInt, memory.NewGoAllocator(), func(*Table) error { return nil })
}

func corruptionCases(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	for name, path := range fixtureFiles(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		out[name] = data
	}
	// Also files written by Write: snappy-compressed Parquet, plain IPC.
	dir := t.TempDir()
	for _, ext := range []string{"parquet", "arrow"} {
		path := filepath.Join(dir, "w."+ext)
		require.NoError(t, Write(path, sampleTable()))
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		out["written "+ext] = data
	}
	return out
}

var corruptCols = []Column{
	{Name: "d32", Kind: Date, Optional: true}, {Name: "ts_ms_tz", Kind: Date, Optional: true},
	{Name: "dstr", Kind: Date, Optional: true}, {Name: "i64", Kind: Float, Optional: true},
	{Name: "dec", Kind: Float, Optional: true}, {Name: "flag", Kind: Bool, Optional: true},
	{Name: "date", Kind: Date, Optional: true}, {Name: "value", Kind: Float, Optional: true},
	{Name: "channel", Kind: String, Optional: true}, {Name: "include", Kind: Bool, Optional: true},
}

// fullSweep, set by the long build tag, tries every position of every file
// instead of a fixed sample.
var fullSweep = false

// positions returns n byte positions in [0, size), spread over the file and
// always including the first and last 64 bytes, where the framing is.
func positions(size, n int) []int {
	if fullSweep || testing.Short() == false && size <= n {
		out := make([]int, size)
		for i := range out {
			out[i] = i
		}
		return out
	}
	if testing.Short() {
		n /= 3
	}
	rng := rand.New(rand.NewPCG(uint64(size), 1))
	var out []int
	for i := 0; i < min(64, size); i++ {
		out = append(out, i, size-1-i)
	}
	for len(out) < n {
		out = append(out, rng.IntN(size))
	}
	return out
}

func extFor(name string) string {
	switch name {
	case "parquet", "written parquet":
		return "x.parquet"
	case "arrow stream":
		return "x.arrows"
	}
	return "x.arrow"
}

func TestCorruptEmpty(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"x.parquet", "x.arrow", "x.csv", "x.csv.gz"} {
		err := readBytes(t, dir, name, nil, corruptCols)
		require.Error(t, err, name)
		var ce *CellError
		assert.ErrorAs(t, err, &ce, name)
	}
	err := readBytes(t, dir, "y.parquet", []byte("PAR1 this is not parquet PAR1"), corruptCols)
	assert.EqualError(t, err, "y.parquet: not a valid Parquet file: footer length 544499061 does not fit a file of 29 bytes")
	err = readBytes(t, dir, "y.arrow", []byte("a,b\n1,2\n"), corruptCols)
	assert.EqualError(t, err, "y.arrow: not a valid Arrow IPC file: no ARROW1 magic and no IPC stream header; it looks like text (CSV?): name it .csv")
}

// TestCorruptTruncated cuts each file at every length: every result must be
// an error (not a crash), except where the cut leaves a complete stream.
func TestCorruptTruncated(t *testing.T) {
	dir := t.TempDir()
	for name, data := range corruptionCases(t) {
		for _, n := range positions(len(data), 300) {
			err := readBytes(t, dir, extFor(name), data[:n], corruptCols)
			if name != "arrow stream" {
				require.Error(t, err, "%s cut at %d of %d", name, n, len(data))
			}
		}
	}
}

// TestCorruptFlipped flips bytes throughout each file. The reader may
// succeed (a flipped value byte is still a value) but must not crash, and
// it must notice at least the share of flips it noticed when the test was
// written, less a margin (the positions are seeded, so the count only moves
// with the reader): a checked footer, schema and framing catch roughly a
// third to a half of them (Parquet's values carry no checksum, so its rate
// is the lowest).
func TestCorruptFlipped(t *testing.T) {
	floor := map[string]float64{
		"arrow file": 0.35, "arrow stream": 0.40, "written arrow": 0.35,
		"parquet": 0.25, "written parquet": 0.22,
	}
	dir := t.TempDir()
	for name, data := range corruptionCases(t) {
		failures, flips := 0, 0
		for _, i := range positions(len(data), 150) {
			for _, mask := range []byte{0xff, 0x80, 0x01} {
				bad := append([]byte(nil), data...)
				bad[i] ^= mask
				flips++
				if readBytes(t, dir, extFor(name), bad, corruptCols) != nil {
					failures++
				}
			}
		}
		rate := float64(failures) / float64(flips)
		t.Logf("%s: %d bytes, %d of %d flips detected (%.0f%%)", name, len(data), failures, flips, 100*rate)
		want, ok := floor[name]
		require.True(t, ok, "no detection floor for %s", name)
		assert.GreaterOrEqual(t, rate, want, "%s: detection rate", name)
	}
}

// TestRowBomb patches an IPC stream of a null-typed column so that it
// claims 2^40 rows: the reader must refuse rather than fill memory.
func TestRowBomb(t *testing.T) {
	const rows = 123457
	sc := arrow.NewSchema([]arrow.Field{{Name: "v", Type: arrow.Null, Nullable: true}}, nil)
	arr := array.NewNull(rows)
	rec := array.NewRecord(sc, []arrow.Array{arr}, rows)
	defer rec.Release()
	dir := t.TempDir()
	path := filepath.Join(dir, "bomb.arrows")
	writeIPCFixture(t, path, true, rec)

	tb, err := Read(path, []Column{{Name: "v", Kind: Float}})
	require.NoError(t, err, "the honest file reads")
	require.Equal(t, rows, tb.Len())

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var from, to [8]byte
	binary.LittleEndian.PutUint64(from[:], rows)
	binary.LittleEndian.PutUint64(to[:], 1<<40)
	require.GreaterOrEqual(t, bytes.Count(data, from[:]), 2, "record length and field node length")
	require.NoError(t, os.WriteFile(path, bytes.ReplaceAll(data, from[:], to[:]), 0o644))
	_, err = Read(path, []Column{{Name: "v", Kind: Float}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "1099511627776 rows claimed")
}
