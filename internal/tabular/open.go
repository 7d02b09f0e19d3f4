package tabular

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// openInput opens an input file, turning the reasons it cannot be read
// into a *CellError naming it: a missing or unreadable file is the user's
// to fix, like a bad cell.
func openInput(path string) (*os.File, error) {
	source := sourceName(path)
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &CellError{File: source, Msg: "no such file (" + path + ")"}
		case errors.Is(err, fs.ErrPermission):
			return nil, &CellError{File: source, Msg: "cannot be read: permission denied (" + path + ")"}
		}
		return nil, &CellError{File: source, Msg: "cannot be opened: " + err.Error()}
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		f.Close()
		return nil, &CellError{File: source, Msg: "is a directory, not a data file (" + path + ")"}
	}
	return f, nil
}

// sniff names the binary format the first bytes of a file announce, or ""
// for text and unknown content. It lets a Parquet file named .csv be
// reported as what it is rather than parsed into garbage.
func sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PAR1")):
		return "a Parquet file"
	case bytes.HasPrefix(head, []byte(arrowMagic)):
		return "an Arrow IPC file"
	case bytes.HasPrefix(head, []byte{0xff, 0xff, 0xff, 0xff}):
		return "an Arrow IPC stream"
	case bytes.HasPrefix(head, []byte("FEA1")):
		return "a Feather v1 file"
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return "a gzip-compressed file"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip archive (an Excel .xlsx workbook?)"
	case bytes.HasPrefix(head, []byte{0xd0, 0xcf, 0x11, 0xe0}):
		return "an Excel .xls workbook"
	}
	return ""
}

// looksBinary reports whether text holds bytes no CSV file has.
func looksBinary(text []byte) bool {
	return bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text)
}

// head returns up to n bytes from the start of f, leaving f at offset 0.
func head(f *os.File, n int) ([]byte, error) {
	b := make([]byte, n)
	k, err := f.ReadAt(b, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return b[:k], nil
}

// alsoIs says what a file that is not in its named format seems to be,
// as a clause to append to the error: "; it is a Parquet file".
func alsoIs(f *os.File) string {
	b, err := head(f, 512)
	if err != nil || len(b) == 0 {
		return ""
	}
	if what := sniff(b); what != "" {
		return "; it is " + what
	}
	if !looksBinary(b) {
		return "; it looks like text (CSV?): name it .csv"
	}
	return ""
}
