package tabular

import (
	"io"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// arrowSchema maps kinds to the Arrow types triad writes: float64, string,
// date32 and bool, all nullable.
func arrowSchema(names []string, kinds []Kind) *arrow.Schema {
	fields := make([]arrow.Field, len(names))
	for i, n := range names {
		var dt arrow.DataType
		switch kinds[i] {
		case Float:
			dt = arrow.PrimitiveTypes.Float64
		case String:
			dt = arrow.BinaryTypes.String
		case Date:
			dt = arrow.FixedWidthTypes.Date32
		case Bool:
			dt = arrow.FixedWidthTypes.Boolean
		}
		fields[i] = arrow.Field{Name: n, Type: dt, Nullable: true}
	}
	return arrow.NewSchema(fields, nil)
}

// toRecord copies t into an Arrow record with schema sc.
func toRecord(mem memory.Allocator, sc *arrow.Schema, t *Table) arrow.Record {
	b := array.NewRecordBuilder(mem, sc)
	defer b.Release()
	for j, f := range sc.Fields() {
		valid := t.valid[f.Name]
		switch fb := b.Field(j).(type) {
		case *array.Float64Builder:
			fb.AppendValues(t.floats[f.Name], valid)
		case *array.StringBuilder:
			fb.AppendValues(t.strs[f.Name], valid)
		case *array.Date32Builder:
			ds := t.dates[f.Name]
			vals := make([]arrow.Date32, len(ds))
			for i, d := range ds {
				vals[i] = arrow.Date32(d)
			}
			fb.AppendValues(vals, valid)
		case *array.BooleanBuilder:
			fb.AppendValues(t.bools[f.Name], valid)
		}
	}
	return b.NewRecord()
}

// parquetRowGroup bounds the rows a buffered row group holds in memory.
const parquetRowGroup = 1 << 20

type parquetEncoder struct {
	mem memory.Allocator
	sc  *arrow.Schema
	fw  *pqarrow.FileWriter
}

func newParquetEncoder(sink io.Writer, names []string, kinds []Kind, mem memory.Allocator) (*parquetEncoder, error) {
	sc := arrowSchema(names, kinds)
	opts := []parquet.WriterProperty{
		parquet.WithAllocator(mem),
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(parquetRowGroup),
	}
	for i, n := range names {
		if kinds[i] == Float {
			// Measured values rarely repeat: a dictionary only costs time.
			opts = append(opts, parquet.WithDictionaryFor(n, false))
		}
	}
	props := parquet.NewWriterProperties(opts...)
	fw, err := pqarrow.NewFileWriter(sc, sink, props, pqarrow.NewArrowWriterProperties(pqarrow.WithAllocator(mem)))
	if err != nil {
		return nil, err
	}
	return &parquetEncoder{mem: mem, sc: sc, fw: fw}, nil
}

func (e *parquetEncoder) write(t *Table) error {
	rec := toRecord(e.mem, e.sc, t)
	defer rec.Release()
	return e.fw.WriteBuffered(rec)
}

func (e *parquetEncoder) close() error { return e.fw.Close() }

type ipcEncoder struct {
	mem memory.Allocator
	sc  *arrow.Schema
	fw  *ipc.FileWriter
}

func newIPCEncoder(sink io.WriteSeeker, names []string, kinds []Kind, mem memory.Allocator) (*ipcEncoder, error) {
	sc := arrowSchema(names, kinds)
	fw, err := ipc.NewFileWriter(sink, ipc.WithSchema(sc), ipc.WithAllocator(mem))
	if err != nil {
		return nil, err
	}
	return &ipcEncoder{mem: mem, sc: sc, fw: fw}, nil
}

func (e *ipcEncoder) write(t *Table) error {
	if t.Len() == 0 {
		return nil
	}
	rec := toRecord(e.mem, e.sc, t)
	defer rec.Release()
	return e.fw.Write(rec)
}

func (e *ipcEncoder) close() error { return e.fw.Close() }
