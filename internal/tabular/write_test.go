package tabular

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var allFormats = []string{"csv", "csv.gz", "tsv", "parquet", "arrow"}

func TestRoundTrip(t *testing.T) {
	for _, ext := range allFormats {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t."+ext)
			want := sampleTable()
			writeChecked(t, path, want)
			got, err := readChecked(t, path, columnsOf(want))
			require.NoError(t, err)
			require.Equal(t, "t."+ext, got.Source)
			requireSameTable(t, want, got)

			names, err := Header(path)
			require.NoError(t, err)
			require.Equal(t, want.Names(), names)
		})
	}
}
