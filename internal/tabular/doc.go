// Package tabular reads and writes the tables triad exchanges with users:
// CSV, Parquet and Arrow IPC files, chosen by file extension.
//
// It is the only package that imports Arrow. Callers see plain Go columns
// (float64, string, civil.Date, bool) with validity masks, so the rest of
// triad never depends on the Arrow version in use.
package tabular
