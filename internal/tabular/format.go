package tabular

import (
	"fmt"
	"path/filepath"
	"strings"
)

// format is a file format triad reads and writes.
type format int

const (
	formatCSV format = iota
	formatCSVGzip
	formatTSV
	formatParquet
	formatArrow
)

// formatOf chooses the format from the file name's extension.
func formatOf(path string) (format, error) {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".csv.gz"):
		return formatCSVGzip, nil
	case strings.HasSuffix(lower, ".csv"):
		return formatCSV, nil
	case strings.HasSuffix(lower, ".tsv"):
		return formatTSV, nil
	case strings.HasSuffix(lower, ".parquet"), strings.HasSuffix(lower, ".pq"):
		return formatParquet, nil
	case strings.HasSuffix(lower, ".arrow"), strings.HasSuffix(lower, ".feather"),
		strings.HasSuffix(lower, ".ipc"), strings.HasSuffix(lower, ".arrows"):
		return formatArrow, nil
	}
	return 0, &CellError{File: sourceName(path), Msg: fmt.Sprintf("unknown file type %s (want .csv, .csv.gz, .tsv, .parquet, .pq, .arrow, .feather or .ipc)",
		Quote(filepath.Ext(path)))}
}

// sourceName is how errors name a file: its base name, as users see it in
// their config and as in "panel.csv: row 10, column spend_tv: ...".
func sourceName(path string) string { return filepath.Base(path) }
