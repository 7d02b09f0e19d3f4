// Package tabular reads and writes the tables triad exchanges with users:
// CSV, Parquet and Arrow IPC files, chosen by file extension.
//
// It is the only package that imports Arrow. Callers see plain Go columns
// (float64, string, civil.Date, bool) with validity masks, so the rest of
// triad never depends on the Arrow version in use.
//
// Reading is by request: callers name the columns they need and their
// kinds; other columns, of any type, are never decoded. Values are
// converted generously, since inputs come from many tools: numbers from any
// integer, float or decimal type or from text; dates from date32, date64,
// timestamps (dated in their own time zone) or ISO text; strings from
// anything. Empty cells, "NA", "N/A", "NaN" and "null" (any case) are nulls,
// as are NaN floats. CSV files need a header row and may carry a UTF-8 BOM
// and CRLF line ends; CSV is parsed here rather than by Arrow's CSV reader,
// which types a column from its first row.
//
// Every problem that lies in the file, not in the program, is a *CellError
// naming the file (by base name), the 1-based data row and the column,
// such as "panel.csv: row 7, column spend_tv: \"abc\" is not a number".
//
// Arrow Go v17 trusts the offsets in a file and can panic, or try to
// allocate terabytes, on a corrupt one. Before Arrow reads a Parquet or IPC
// file, its framing and metadata are checked here (fbverify.go, checkParquet);
// Arrow then runs with parallelism off, so that a remaining panic happens
// on the caller's goroutine and is recovered into an error, and with an
// allocator that refuses absurd sizes.
//
// Writes are atomic: a temporary file in the target directory is synced
// and renamed into place, so a failed or aborted write leaves nothing.
//
// Imports of triad packages: civil, internal/atomicfile.
package tabular
