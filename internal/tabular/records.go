package tabular

import (
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/arrow"
)

// scanRecords feeds Arrow record batches, as returned by next (io.EOF at
// the end; the caller of next owns and releases each record), into batches
// of batchRows rows of the present columns. Both next and the conversion run
// under guard; fn does not, so its own panics stay its own.
func scanRecords(source string, present []Column, batchRows int, next func() (arrow.Record, error), fn func(*Table) error) error {
	bt := newBatcher(source, present, batchRows, fn)
	for {
		var rec arrow.Record
		err := guard(source, func() error {
			var err error
			rec, err = next()
			return err
		})
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return readError(source, err)
		}
		err = feedRecord(bt, rec)
		rec.Release()
		if err != nil {
			return err
		}
	}
	return bt.flush()
}

// readError turns an error from inside Arrow into a CellError naming the
// file: the file, not the program, is at fault.
func readError(source string, err error) error {
	var ce *CellError
	if errors.As(err, &ce) {
		return err
	}
	return &CellError{File: source, Msg: "cannot read: " + err.Error()}
}

func feedRecord(bt *batcher, rec arrow.Record) error {
	n := int(rec.NumRows())
	arrs := make([]arrow.Array, len(bt.cols))
	for j, b := range bt.cols {
		idx := rec.Schema().FieldIndices(b.name)
		if len(idx) != 1 {
			return corrupt(bt.source, fmt.Sprintf("column %s missing from a record batch", b.name))
		}
		arrs[j] = rec.Column(idx[0])
		if arrs[j].Len() < n {
			return corrupt(bt.source, fmt.Sprintf("column %s has %d rows in a batch of %d", b.name, arrs[j].Len(), n))
		}
	}
	for off := 0; off < n; {
		k := min(bt.room(), n-off)
		for j, b := range bt.cols {
			var bad int
			var cellErr error
			err := guard(bt.source, func() error {
				bad, cellErr = b.appendArrow(arrs[j], off, off+k)
				return nil
			})
			if err != nil {
				return err
			}
			if cellErr != nil {
				return &CellError{File: bt.source, Row: bt.rowAt(bad-off) + 1, Column: b.name, Msg: cellErr.Error()}
			}
		}
		off += k
		if err := bt.added(k); err != nil {
			return err
		}
	}
	return nil
}

// emitRowsOnly serves a scan that asked for no column present in the file:
// the batches carry only a row count.
func emitRowsOnly(source string, rows int64, batchRows int, fn func(*Table) error) error {
	bt := newBatcher(source, nil, batchRows, fn)
	for rows > 0 {
		k := min(int64(bt.room()), rows)
		rows -= k
		if err := bt.added(int(k)); err != nil {
			return err
		}
	}
	return bt.flush()
}
