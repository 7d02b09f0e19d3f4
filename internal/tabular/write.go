package tabular

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/apache/arrow/go/v17/arrow/memory"

	"github.com/triad-mmm/triad/internal/atomicfile"
)

// Write writes t to path, in the format its extension names (.csv,
// .csv.gz, .tsv, .parquet, .pq, .arrow, .feather, .ipc), atomically: the
// data goes to a temporary file in the same directory, which is synced and
// renamed over path only once complete. On error nothing is left behind and
// an existing file at path is untouched.
func Write(path string, t *Table) error {
	w, err := Create(path, t)
	if err != nil {
		return err
	}
	if err := w.Write(t); err != nil {
		w.Abort()
		return err
	}
	return w.Close()
}

// Writer streams tables with the same columns into one file. The file
// appears at its path only when Close succeeds; Abort (or a failed Write
// followed by Close) discards it.
type Writer struct {
	path  string
	tmp   *os.File
	names []string
	kinds []Kind
	enc   encoder
	err   error // sticky: the first failure
	done  bool
}

// encoder writes tables in one format to an open file.
type encoder interface {
	write(t *Table) error
	close() error // flush and write any footer; the file stays open
}

// Create starts a file at path whose columns (names, order and kinds) are
// those of schemaFrom; schemaFrom's rows are not written.
func Create(path string, schemaFrom *Table) (*Writer, error) {
	return create(path, schemaFrom, memory.DefaultAllocator)
}

func create(path string, schemaFrom *Table, mem memory.Allocator) (*Writer, error) {
	f, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	if schemaFrom == nil || len(schemaFrom.order) == 0 {
		return nil, fmt.Errorf("tabular: writing %s: the table has no columns", sourceName(path))
	}
	w := &Writer{path: path, names: schemaFrom.Names()}
	for _, n := range w.names {
		w.kinds = append(w.kinds, schemaFrom.kinds[n])
	}
	w.tmp, err = atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	// The encoders must not close the file: it is synced before the rename.
	sink := struct{ io.WriteSeeker }{w.tmp}
	switch f {
	case formatCSV, formatCSVGzip, formatTSV:
		w.enc, err = newCSVEncoder(sink, f, w.names)
	case formatParquet:
		w.enc, err = newParquetEncoder(sink, w.names, w.kinds, mem)
	case formatArrow:
		w.enc, err = newIPCEncoder(sink, w.names, w.kinds, mem)
	}
	if err != nil {
		w.discard()
		return nil, err
	}
	return w, nil
}

// Write appends the rows of t, which must have the writer's columns (by
// name and kind; extra columns are an error too, as they would be lost).
// A failed Write spoils the file: Close then discards it.
func (w *Writer) Write(t *Table) error {
	if w.err != nil {
		return w.err
	}
	if w.done {
		return errors.New("tabular: Write on a closed Writer")
	}
	if err := w.sameColumns(t); err != nil {
		w.err = err
		return err
	}
	if err := w.enc.write(t); err != nil {
		w.err = fmt.Errorf("writing %s: %w", w.path, err)
		return w.err
	}
	return nil
}

func (w *Writer) sameColumns(t *Table) error {
	got := t.Names()
	if len(got) == len(w.names) {
		ok := true
		for i, n := range w.names {
			if k, has := t.kinds[n]; !has || k != w.kinds[i] {
				ok = false
				break
			}
		}
		if ok {
			return nil
		}
	}
	want := make([]string, len(w.names))
	for i, n := range w.names {
		want[i] = fmt.Sprintf("%s %v", n, w.kinds[i])
	}
	have := make([]string, 0, len(got))
	for _, n := range got {
		have = append(have, fmt.Sprintf("%s %v", n, t.kinds[n]))
	}
	slices.Sort(have)
	return fmt.Errorf("tabular: writing %s: table columns %v do not match the file's %v", w.path, have, want)
}

// Close finishes the file and moves it into place. After a failed Write it
// discards the file and returns that failure.
func (w *Writer) Close() error {
	if w.done {
		return w.err
	}
	if w.err != nil {
		w.discard()
		return w.err
	}
	if err := w.commit(); err != nil {
		w.err = fmt.Errorf("writing %s: %w", w.path, err)
		w.discard()
		return w.err
	}
	w.done = true
	return nil
}

func (w *Writer) commit() error {
	if err := w.enc.close(); err != nil {
		return err
	}
	return atomicfile.Commit(w.tmp, w.path)
}

// Abort discards the file. It is safe to call after Close, or twice.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	if w.err == nil {
		w.err = errors.New("tabular: Writer aborted")
	}
	w.discard()
}

func (w *Writer) discard() {
	w.done = true
	w.tmp.Close()
	os.Remove(w.tmp.Name())
}
