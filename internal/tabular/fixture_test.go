package tabular

import (
	"os"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	"github.com/stretchr/testify/require"
)

// fixtureSchema has every date and number encoding the readers accept, and
// columns of types they must skip (struct, list).
var fixtureSchema = arrow.NewSchema([]arrow.Field{
	{Name: "d32", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "d64", Type: arrow.FixedWidthTypes.Date64, Nullable: true},
	{Name: "ts_ms_tz", Type: &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "America/New_York"}, Nullable: true},
	{Name: "ts_us", Type: &arrow.TimestampType{Unit: arrow.Microsecond}, Nullable: true},
	{Name: "ts_s_utc", Type: &arrow.TimestampType{Unit: arrow.Second, TimeZone: "UTC"}, Nullable: true},
	{Name: "dstr", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "i32", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "i64", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	{Name: "u16", Type: arrow.PrimitiveTypes.Uint16, Nullable: true},
	{Name: "f32", Type: arrow.PrimitiveTypes.Float32, Nullable: true},
	{Name: "f64", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "dec", Type: &arrow.Decimal128Type{Precision: 10, Scale: 2}, Nullable: true},
	{Name: "nstr", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "flag", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
	{Name: "nested", Type: arrow.StructOf(arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int64, Nullable: true}), Nullable: true},
	{Name: "tags", Type: arrow.ListOf(arrow.BinaryTypes.String), Nullable: true},
}, nil)

// The same day three ways: 2024-03-09 in New York is 2024-03-10 03:30 UTC.
const fixtureJSON = `[
{"d32": "2024-03-09", "d64": "2024-03-09", "ts_ms_tz": "2024-03-10T03:30:00Z", "ts_us": "2024-03-09T23:59:59.999999", "ts_s_utc": "2024-03-09T00:00:00Z",
 "dstr": "2024-03-09", "i32": -7, "i64": 9007199254740993, "u16": 65535, "f32": 0.5, "f64": 2.25, "dec": "123.45", "nstr": "1e3", "flag": true,
 "nested": {"a": 1}, "tags": ["x", "y"]},
{"d32": null, "d64": null, "ts_ms_tz": null, "ts_us": null, "ts_s_utc": null, "dstr": null, "i32": null, "i64": null, "u16": null,
 "f32": null, "f64": null, "dec": null, "nstr": null, "flag": null, "nested": null, "tags": null},
{"d32": "1969-12-31", "d64": "1969-12-31", "ts_ms_tz": "1970-01-01T04:59:59Z", "ts_us": "1969-12-31T00:00:00", "ts_s_utc": "1969-12-31T23:00:00Z",
 "dstr": "1969-12-31", "i32": 0, "i64": 0, "u16": 0, "f32": -1.5, "f64": "NaN", "dec": "-0.01", "nstr": "NA", "flag": false,
 "nested": {"a": null}, "tags": []}
]`

func fixtureRecord(t testing.TB, mem memory.Allocator) arrow.Record {
	t.Helper()
	rec, _, err := array.RecordFromJSON(mem, fixtureSchema, strings.NewReader(fixtureJSON))
	require.NoError(t, err)
	return rec
}

// writeParquetFixture writes rec to path, storing the Arrow schema so that
// time zones survive.
func writeParquetFixture(t testing.TB, path string, recs ...arrow.Record) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	fw, err := pqarrow.NewFileWriter(recs[0].Schema(), f, parquet.NewWriterProperties(parquet.WithMaxRowGroupLength(2)),
		pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, fw.Write(r))
	}
	require.NoError(t, fw.Close())
}

func writeIPCFixture(t testing.TB, path string, stream bool, recs ...arrow.Record) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	if stream {
		w := ipc.NewWriter(f, ipc.WithSchema(recs[0].Schema()))
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Close())
		return
	}
	w, err := ipc.NewFileWriter(f, ipc.WithSchema(recs[0].Schema()))
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
}
