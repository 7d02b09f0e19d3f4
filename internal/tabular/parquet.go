package tabular

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// parquetBatch is the number of rows Arrow decodes at a time. It must be
// set: a zero BatchSize makes the record reader return no rows at all.
const parquetBatch = 64 << 10

type parquetFile struct {
	source string
	f      *os.File
	rdr    *file.Reader
	fr     *pqarrow.FileReader
}

func (p *parquetFile) Close() error {
	p.rdr.Close()
	return p.f.Close()
}

// openParquet checks the file's framing and metadata before Arrow sees the
// data pages, then opens it for sequential (non-parallel) reading.
func openParquet(path string, mem memory.Allocator, batch int) (*parquetFile, error) {
	source := sourceName(path)
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	p, err := checkParquet(source, f, mem, batch)
	if err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

func checkParquet(source string, f *os.File, mem memory.Allocator, batch int) (*parquetFile, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	notParquet := func(why string) error {
		return &CellError{File: source, Msg: "not a valid Parquet file: " + why}
	}
	if size < 12 {
		return nil, notParquet(fmt.Sprintf("only %d bytes long", size))
	}
	var head [4]byte
	var tail [8]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, err
	}
	if _, err := f.ReadAt(tail[:], size-8); err != nil {
		return nil, err
	}
	switch {
	case string(tail[4:]) == "PARE":
		return nil, &CellError{File: source, Msg: "encrypted Parquet files are not supported"}
	case string(head[:]) != "PAR1":
		return nil, notParquet("no PAR1 magic at the start" + alsoIs(f))
	case string(tail[4:]) != "PAR1":
		return nil, notParquet("no PAR1 magic at the end (truncated?)")
	}
	footer := int64(binary.LittleEndian.Uint32(tail[:4]))
	if footer == 0 || footer > size-12 {
		return nil, notParquet(fmt.Sprintf("footer length %d does not fit a file of %d bytes", footer, size))
	}

	lim := limitAlloc{Allocator: mem, max: allocLimit(size)}
	p := &parquetFile{source: source, f: f}
	err = guard(source, func() error {
		var err error
		p.rdr, err = file.NewParquetReader(f, file.WithReadProps(parquet.NewReaderProperties(lim)))
		if err != nil {
			return err
		}
		if err := checkParquetMeta(p.rdr, size-8-footer); err != nil {
			return err
		}
		if err := checkStoredSchema(p.rdr); err != nil {
			return err
		}
		p.fr, err = pqarrow.NewFileReader(p.rdr,
			pqarrow.ArrowReadProperties{Parallel: false, BatchSize: int64(batch)}, lim)
		return err
	})
	if err != nil {
		return nil, readError(source, err)
	}
	return p, nil
}

// checkParquetMeta verifies that row counts are sane and that every column
// chunk lies inside the data area, which Arrow v17 assumes.
func checkParquetMeta(rdr *file.Reader, dataEnd int64) error {
	md := rdr.MetaData()
	leaves := md.Schema.NumColumns()
	var rows int64
	for i := 0; i < rdr.NumRowGroups(); i++ {
		rg := md.RowGroup(i)
		if rg.NumRows() < 0 {
			return fmt.Errorf("row group %d has %d rows", i, rg.NumRows())
		}
		rows += rg.NumRows()
		if rg.NumColumns() != leaves {
			return fmt.Errorf("row group %d has %d columns, the schema %d", i, rg.NumColumns(), leaves)
		}
		for j := 0; j < leaves; j++ {
			cc, err := rg.ColumnChunk(j)
			if err != nil {
				return err
			}
			start := cc.DataPageOffset()
			if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 && cc.DictionaryPageOffset() < start {
				start = cc.DictionaryPageOffset()
			}
			n := cc.TotalCompressedSize()
			if start < 4 || n < 0 || start+n > dataEnd {
				return fmt.Errorf("row group %d, column %d: chunk at %d+%d lies outside the data (%d bytes)", i, j, start, n, dataEnd)
			}
		}
	}
	if rows > maxRows(dataEnd) {
		return fmt.Errorf("%d rows claimed by a file of %d bytes", rows, dataEnd)
	}
	if rows != rdr.NumRows() {
		return fmt.Errorf("row groups hold %d rows, the footer says %d", rows, rdr.NumRows())
	}
	return nil
}

func (p *parquetFile) names() []string {
	out := make([]string, len(p.fr.Manifest.Fields))
	for i, f := range p.fr.Manifest.Fields {
		out[i] = f.Field.Name
	}
	return out
}

func parquetHeader(path string, mem memory.Allocator) ([]string, error) {
	p, err := openParquet(path, mem, parquetBatch)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return p.names(), nil
}

func scanParquet(path string, cols []Column, batchRows int, mem memory.Allocator, fn func(*Table) error) error {
	p, err := openParquet(path, mem, min(batchRows, parquetBatch))
	if err != nil {
		return err
	}
	defer p.Close()
	present, idx, err := resolve(p.source, p.names(), cols)
	if err != nil {
		return err
	}
	if len(present) == 0 {
		// GetRecordReader reads every column when given none.
		return emitRowsOnly(p.source, p.rdr.NumRows(), batchRows, fn)
	}
	leaves := make([]int, len(present))
	for j, c := range present {
		fld := p.fr.Manifest.Fields[idx[j]]
		if err := checkType(p.source, c, fld.Field.Type); err != nil {
			return err
		}
		if !fld.IsLeaf() {
			return &CellError{File: p.source, Column: c.Name, Msg: fmt.Sprintf("has nested type %v, want %v", fld.Field.Type, c.Kind)}
		}
		leaves[j] = fld.ColIndex
	}
	var rr pqarrow.RecordReader
	err = guard(p.source, func() error {
		var err error
		rr, err = p.fr.GetRecordReader(context.Background(), leaves, nil)
		return err
	})
	if err != nil {
		return readError(p.source, err)
	}
	defer rr.Release()
	next := func() (arrow.Record, error) {
		if !rr.Next() {
			if err := rr.Err(); err != nil {
				return nil, err // io.EOF at a normal end
			}
			return nil, io.EOF
		}
		rec := rr.Record()
		rec.Retain()
		return rec, nil
	}
	return scanRecords(p.source, present, batchRows, next, fn)
}

// checkStoredSchema checks the Arrow schema that pyarrow and others store in
// the footer (an IPC message, base64), which pqarrow decodes unchecked.
// The decoding mirrors pqarrow's.
func checkStoredSchema(rdr *file.Reader) error {
	v := rdr.MetaData().KeyValueMetadata().FindValue("ARROW:schema")
	if v == nil {
		return nil
	}
	var decoded []byte
	var err error
	if len(*v)%4 == 0 {
		decoded, err = base64.StdEncoding.DecodeString(*v)
	}
	if len(decoded) == 0 || err != nil {
		decoded, err = base64.RawStdEncoding.DecodeString(*v)
	}
	if err != nil {
		return fmt.Errorf("stored Arrow schema: %w", err)
	}
	if err := checkIPCStream(bytes.NewReader(decoded), int64(len(decoded))); err != nil {
		return fmt.Errorf("stored Arrow schema: %w", err)
	}
	return nil
}
