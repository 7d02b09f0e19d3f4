package tabular

import (
	"fmt"
	"math"
	"strings"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// Read reads the requested columns of a CSV (.csv, .csv.gz, .tsv), Parquet
// (.parquet, .pq) or Arrow IPC (.arrow, .feather, .ipc; file or stream
// format) file, chosen by extension.
//
// Cells that do not fit their column's kind are reported as a *CellError
// naming the 1-based data row and the column. A missing required column is a
// *CellError with Row 0 that lists the columns the file has.
func Read(path string, cols []Column) (*Table, error) {
	var out *Table
	err := scan(path, cols, math.MaxInt, memory.DefaultAllocator, func(t *Table) error {
		out = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Scan streams the file in batches of about batchRows rows; each batch is a
// *Table with FirstRow set, so errors built with Table.Errorf point at the
// right row of the file. fn is called at least once (with an empty table for
// a file without data rows); an error from fn stops the scan and is
// returned. Memory stays bounded by a few batches whatever the file's size.
//
// Batches do not share memory with each other, so fn may keep them.
func Scan(path string, cols []Column, batchRows int, fn func(*Table) error) error {
	if batchRows <= 0 {
		return fmt.Errorf("tabular: Scan of %s: batchRows must be positive, got %d", sourceName(path), batchRows)
	}
	return scan(path, cols, batchRows, memory.DefaultAllocator, fn)
}

// Header returns the column names of a file, in file order.
func Header(path string) ([]string, error) {
	f, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	switch f {
	case formatParquet:
		return parquetHeader(path, memory.DefaultAllocator)
	case formatArrow:
		return arrowHeader(path, memory.DefaultAllocator)
	}
	return csvHeader(path, f)
}

func scan(path string, cols []Column, batchRows int, mem memory.Allocator, fn func(*Table) error) error {
	f, err := formatOf(path)
	if err != nil {
		return err
	}
	cols, err = dedupe(sourceName(path), cols)
	if err != nil {
		return err
	}
	switch f {
	case formatParquet:
		return scanParquet(path, cols, batchRows, mem, fn)
	case formatArrow:
		return scanArrow(path, cols, batchRows, mem, fn)
	}
	return scanCSV(path, f, cols, batchRows, fn)
}

// dedupe drops repeated requests for the same column, which arise naturally
// when two config keys name one column. Asking for one column as two kinds
// is a programming error in the caller.
func dedupe(source string, cols []Column) ([]Column, error) {
	out := make([]Column, 0, len(cols))
	seen := make(map[string]int, len(cols))
	for _, c := range cols {
		if c.Name == "" {
			return nil, fmt.Errorf("%s: a requested column has no name", source)
		}
		if j, ok := seen[c.Name]; ok {
			if out[j].Kind != c.Kind {
				return nil, fmt.Errorf("%s: column %s requested as both %v and %v", source, c.Name, out[j].Kind, c.Kind)
			}
			out[j].Optional = out[j].Optional && c.Optional
			continue
		}
		seen[c.Name] = len(out)
		out = append(out, c)
	}
	return out, nil
}

// resolve finds each requested column among the file's names. It returns the
// columns present (absent optional ones are dropped) and their positions.
func resolve(source string, names []string, cols []Column) ([]Column, []int, error) {
	pos := make(map[string]int, len(names))
	dup := map[string]bool{}
	for i, n := range names {
		if _, ok := pos[n]; ok {
			dup[n] = true
			continue
		}
		pos[n] = i
	}
	var present []Column
	var idx []int
	for _, c := range cols {
		i, ok := pos[c.Name]
		switch {
		case ok && dup[c.Name]:
			return nil, nil, &CellError{File: source, Column: c.Name, Msg: "appears more than once in the header"}
		case ok:
			present = append(present, c)
			idx = append(idx, i)
		case !c.Optional:
			return nil, nil, missingColumn(source, c.Name, names)
		}
	}
	return present, idx, nil
}

// maxListed bounds how many of a file's column names a message lists.
const maxListed = 40

func missingColumn(source, name string, have []string) *CellError {
	listed := make([]string, 0, min(len(have), maxListed))
	for _, h := range have[:min(len(have), maxListed)] {
		if c := clip(h); c != h {
			h = c + "…"
		}
		listed = append(listed, h)
	}
	msg := "not found; have: " + strings.Join(listed, ", ")
	if len(have) > maxListed {
		msg += fmt.Sprintf(" and %d more", len(have)-maxListed)
	}
	if len(have) == 0 {
		msg = "not found; the file has no columns"
	}
	for _, h := range have {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			msg += fmt.Sprintf(" (did you mean %s?)", Quote(h))
			break
		}
	}
	return &CellError{File: source, Column: clip(name), Msg: msg}
}
