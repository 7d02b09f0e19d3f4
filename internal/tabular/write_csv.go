package tabular

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"io"
	"strconv"
)

type csvEncoder struct {
	buf   *bufio.Writer
	gz    *gzip.Writer
	w     *csv.Writer
	names []string
	rec   []string
	cell  []byte
}

func newCSVEncoder(sink io.Writer, f format, names []string) (*csvEncoder, error) {
	e := &csvEncoder{buf: bufio.NewWriterSize(sink, 1<<16), names: names, rec: make([]string, len(names))}
	var out io.Writer = e.buf
	if f == formatCSVGzip {
		e.gz = gzip.NewWriter(e.buf)
		out = e.gz
	}
	e.w = csv.NewWriter(out)
	if f == formatTSV {
		e.w.Comma = '\t'
	}
	return e, e.w.Write(names)
}

// write formats dates as ISO and floats with the shortest representation
// that parses back to the same float64. Nulls are empty cells.
func (e *csvEncoder) write(t *Table) error {
	for i := 0; i < t.Len(); i++ {
		for j, n := range e.names {
			if !t.Valid(n, i) {
				e.rec[j] = ""
				continue
			}
			switch t.kinds[n] {
			case Float:
				e.rec[j] = strconv.FormatFloat(t.floats[n][i], 'g', -1, 64)
			case String:
				e.rec[j] = t.strs[n][i]
			case Date:
				e.rec[j] = t.dates[n][i].String()
			case Bool:
				e.rec[j] = strconv.FormatBool(t.bools[n][i])
			}
		}
		if err := e.w.Write(e.rec); err != nil {
			return err
		}
	}
	e.w.Flush()
	return e.w.Error()
}

func (e *csvEncoder) close() error {
	e.w.Flush()
	if err := e.w.Error(); err != nil {
		return err
	}
	if e.gz != nil {
		if err := e.gz.Close(); err != nil {
			return err
		}
	}
	return e.buf.Flush()
}
