package tabular

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// RowCounter counts the data rows of one file. A plain CSV or TSV file is
// counted from the bytes written to it, so that a caller that already
// streams the file (to hash it) reads it once; other formats ignore the
// bytes and count from the file itself when Rows is called: Parquet from
// its footer, Arrow IPC from its record batches, gzip CSV by decompressing.
type RowCounter struct {
	path string
	f    format
	csv  csvRecords
}

// NewRowCounter returns the counter of the file at path; the extension
// chooses the format as for Read.
func NewRowCounter(path string) (*RowCounter, error) {
	f, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	return &RowCounter{path: path, f: f}, nil
}

// Write takes the next bytes of the file; it never fails.
func (c *RowCounter) Write(p []byte) (int, error) {
	if c.f == formatCSV || c.f == formatTSV {
		c.csv.add(p)
	}
	return len(p), nil
}

// Rows returns the number of data rows (records after the header; blank
// lines are not records, as for Read). For plain CSV and TSV it counts
// what Write was given, which must have been the whole file.
func (c *RowCounter) Rows() (int64, error) {
	switch c.f {
	case formatCSV, formatTSV:
		return c.csv.rows(), nil
	case formatCSVGzip:
		return c.gzipRows()
	case formatParquet:
		p, err := openParquet(c.path, memory.DefaultAllocator, parquetBatch)
		if err != nil {
			return 0, err
		}
		defer p.Close()
		return p.rdr.NumRows(), nil
	}
	return c.arrowRows()
}

func (c *RowCounter) gzipRows() (int64, error) {
	f, err := openInput(c.path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return 0, &CellError{File: sourceName(c.path), Msg: "not a gzip file: " + err.Error()}
	}
	var n csvRecords
	if _, err := io.Copy(writerFunc(n.add), z); err != nil {
		return 0, &CellError{File: sourceName(c.path), Msg: "gzip: " + err.Error()}
	}
	return n.rows(), nil
}

func (c *RowCounter) arrowRows() (int64, error) {
	a, err := openArrow(c.path, memory.DefaultAllocator)
	if err != nil {
		return 0, err
	}
	defer a.Close()
	var n int64
	for {
		rec, err := a.next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, &CellError{File: a.source, Msg: err.Error()}
		}
		n += rec.NumRows()
		rec.Release()
	}
}

type writerFunc func([]byte)

func (w writerFunc) Write(p []byte) (int, error) { w(p); return len(p), nil }

// csvRecords counts CSV records as bytes pass: a newline inside quotes
// belongs to its field, and a line with nothing on it is no record (as
// encoding/csv skips it). A doubled quote toggles the state twice, so it
// needs no special case.
type csvRecords struct {
	records int64
	inQuote bool
	content bool // the current line has a byte other than \r
}

func (r *csvRecords) add(p []byte) {
	// The fast path: outside quotes, a chunk without quotes and without
	// empty lines has exactly one record per newline.
	if !r.inQuote && bytes.IndexByte(p, '"') < 0 && !bytes.Contains(p, []byte("\n\n")) && !bytes.Contains(p, []byte("\n\r\n")) {
		n := bytes.Count(p, []byte{'\n'})
		if n == 0 {
			r.content = r.content || hasContent(p)
			return
		}
		if r.content || p[0] != '\n' && !(p[0] == '\r' && len(p) > 1 && p[1] == '\n') {
			r.records += int64(n)
		} else {
			r.records += int64(n - 1)
		}
		r.content = hasContent(p[bytes.LastIndexByte(p, '\n')+1:])
		return
	}
	for _, b := range p {
		switch {
		case b == '"':
			r.inQuote = !r.inQuote
			r.content = true
		case b == '\n' && !r.inQuote:
			if r.content {
				r.records++
			}
			r.content = false
		case b != '\r':
			r.content = true
		}
	}
}

func hasContent(p []byte) bool {
	for _, b := range p {
		if b != '\r' {
			return true
		}
	}
	return false
}

// rows is the records seen, the last one unterminated included, less the
// header.
func (r *csvRecords) rows() int64 {
	n := r.records
	if r.content {
		n++
	}
	return max(n-1, 0)
}
