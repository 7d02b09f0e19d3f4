package tabular

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// csvFile is an open CSV file positioned after its header row.
type csvFile struct {
	source string
	file   *os.File
	gz     *gzip.Reader
	r      *csv.Reader
	header []string
}

func openCSV(path string, f format) (*csvFile, error) {
	source := sourceName(path)
	file, err := openInput(path)
	if err != nil {
		return nil, err
	}
	if err := checkText(source, file, f); err != nil {
		file.Close()
		return nil, err
	}
	c := &csvFile{source: source, file: file}
	var in io.Reader = file
	if f == formatCSVGzip {
		c.gz, err = gzip.NewReader(file)
		if err != nil {
			file.Close()
			return nil, &CellError{File: source, Msg: "not a gzip file: " + err.Error()}
		}
		in = c.gz
	}
	br := bufio.NewReaderSize(&lineLimit{r: in}, 1<<16)
	// Excel writes a byte-order mark that would otherwise become part of the
	// first column's name.
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	c.r = csv.NewReader(br)
	c.r.Comma = sniffComma(br, f)
	c.r.FieldsPerRecord = -1 // checked here, to report it as a row error
	c.r.ReuseRecord = true
	head, err := c.r.Read()
	if err != nil {
		c.Close()
		if errors.Is(err, io.EOF) {
			return nil, &CellError{File: source, Msg: "the file is empty (a header row is required)"}
		}
		return nil, &CellError{File: source, Msg: "header: " + err.Error()}
	}
	c.header = make([]string, len(head))
	for i, h := range head {
		if looksBinary([]byte(h)) {
			c.Close()
			return nil, &CellError{File: source, Msg: "is not CSV text: its first line holds binary data"}
		}
		c.header[i] = strings.TrimSpace(h)
	}
	return c, nil
}

// checkText refuses a binary file given a CSV name, saying what it is.
func checkText(source string, file *os.File, f format) error {
	b, err := head(file, 8)
	if err != nil {
		return &CellError{File: source, Msg: "cannot be read: " + err.Error()}
	}
	what := sniff(b)
	switch {
	case what == "" || f == formatCSVGzip && what == "a gzip-compressed file":
		return nil
	case what == "a gzip-compressed file":
		return &CellError{File: source, Msg: "is gzip-compressed, not CSV text: name it .csv.gz"}
	case what == "a Parquet file":
		return &CellError{File: source, Msg: "is a Parquet file, not CSV text: name it .parquet (the format is chosen by extension)"}
	case strings.HasPrefix(what, "an Arrow") || strings.HasPrefix(what, "a Feather"):
		return &CellError{File: source, Msg: "is " + what + ", not CSV text: name it .arrow (the format is chosen by extension)"}
	}
	return &CellError{File: source, Msg: "is " + what + ", not CSV text: export the sheet as CSV"}
}

func (c *csvFile) Close() error {
	if c.gz != nil {
		c.gz.Close()
	}
	return c.file.Close()
}

func csvHeader(path string, f format) ([]string, error) {
	c, err := openCSV(path, f)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.header, nil
}

func scanCSV(path string, f format, cols []Column, batchRows int, fn func(*Table) error) error {
	c, err := openCSV(path, f)
	if err != nil {
		return err
	}
	defer c.Close()
	present, idx, err := resolve(c.source, c.header, cols)
	if err != nil {
		return err
	}
	bt := newBatcher(c.source, present, batchRows, fn)
	for row := 1; ; row++ {
		rec, err := c.r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &CellError{File: c.source, Row: row, Msg: fmt.Sprintf("%v (line %d)", pe.Err, pe.StartLine)}
			}
			return &CellError{File: c.source, Row: row, Msg: err.Error()}
		}
		if len(rec) != len(c.header) {
			return &CellError{File: c.source, Row: row,
				Msg: fmt.Sprintf("has %d fields, the header has %d", len(rec), len(c.header))}
		}
		for j, b := range bt.cols {
			if err := b.appendText(rec[idx[j]]); err != nil {
				return &CellError{File: c.source, Row: row, Column: b.name, Msg: err.Error()}
			}
		}
		if err := bt.added(1); err != nil {
			return err
		}
	}
	return bt.flush()
}

// sniffComma picks the field separator: a tab for .tsv; otherwise a comma,
// unless the header line has none but has semicolons, as CSV written by
// spreadsheets in many European locales does.
func sniffComma(br *bufio.Reader, f format) rune {
	if f == formatTSV {
		return '\t'
	}
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, ',') < 0 && bytes.IndexByte(head, ';') >= 0 {
		return ';'
	}
	return ','
}
