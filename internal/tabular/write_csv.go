package tabular

import (
	"bufio"
	"compress/gzip"
	"io"
	"strconv"
	"strings"
)

type csvEncoder struct {
	buf   *bufio.Writer
	gz    *gzip.Writer
	out   *bufio.Writer // buf, or a buffer in front of gz
	comma byte
	names []string
	rec   []string
}

func newCSVEncoder(sink io.Writer, f format, names []string) (*csvEncoder, error) {
	e := &csvEncoder{buf: bufio.NewWriterSize(sink, 1<<16), names: names, rec: make([]string, len(names)), comma: ','}
	e.out = e.buf
	if f == formatCSVGzip {
		e.gz = gzip.NewWriter(e.buf)
		e.out = bufio.NewWriterSize(e.gz, 1<<16)
	}
	if f == formatTSV {
		e.comma = '\t'
	}
	return e, e.writeRecord(names)
}

// writeRecord writes one line. Unlike encoding/csv it quotes a lone empty
// field, which would otherwise make a blank line that readers skip, and so
// lose a row of a one-column table.
func (e *csvEncoder) writeRecord(rec []string) error {
	for j, field := range rec {
		if j > 0 {
			e.out.WriteByte(e.comma)
		}
		if !e.needsQuotes(field) && !(field == "" && len(rec) == 1) {
			e.out.WriteString(field)
			continue
		}
		e.out.WriteByte('"')
		for {
			k := strings.IndexByte(field, '"')
			if k < 0 {
				e.out.WriteString(field)
				break
			}
			e.out.WriteString(field[:k+1])
			e.out.WriteByte('"')
			field = field[k+1:]
		}
		e.out.WriteByte('"')
	}
	_, err := e.out.WriteString("\n")
	return err
}

func (e *csvEncoder) needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field[0] == ' ' || field[0] == '\t' {
		return true
	}
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case e.comma, '"', '\r', '\n':
			return true
		}
	}
	return false
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
		if err := e.writeRecord(e.rec); err != nil {
			return err
		}
	}
	return nil
}

func (e *csvEncoder) close() error {
	if err := e.out.Flush(); err != nil {
		return err
	}
	if e.gz != nil {
		if err := e.gz.Close(); err != nil {
			return err
		}
	}
	return e.buf.Flush()
}
