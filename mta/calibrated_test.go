package mta

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/tabular"
)

func TestWriteCalibrated(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	m := mustMapping(t, "search", "social", "tv")
	src := writeFile(t, "mta.csv", "date,channel,campaign,conversions_value,spend\n"+
		"2024-01-02,Paid Search,brand,100,10\n"+ // search, week 0: factor 0.5
		"2024-01-09,facebook,prospecting,40,5\n"+ // social, week 1: factor 2
		"2024-01-10,Email,newsletter,7,\n"+ // unmapped: kept, null
		"2023-12-30,search,brand,3,1\n"+ // before the panel: kept, null
		"2024-01-16,search,generic,,2\n"+ // no value: kept, null
		"2024-01-23,facebook,retarget,9,1\n") // social week 3: no factor
	factor := func(_ string, c, p int) (float64, bool) {
		switch {
		case c == 0:
			return 0.5, true
		case c == 1 && p < 3:
			return 2, true
		}
		return 0, false
	}
	for _, ext := range []string{"csv", "parquet"} {
		t.Run(ext, func(t *testing.T) {
			dst := filepath.Join(t.TempDir(), "calibrated_mta."+ext)
			st, err := WriteCalibrated(context.Background(), dst, src, testSpec, m, cal, factor)
			require.NoError(t, err)
			assert.Equal(t, Stats{Rows: 6, Calibrated: 2, Unmapped: 1, NoFactor: 1, Outside: 1, NullValue: 1,
				Attributed: 140, CalibratedTotal: 130}, st)

			cols := append(columns(testSpec),
				tabular.Column{Name: "mmm_channel", Kind: tabular.String},
				tabular.Column{Name: "incrementality_factor", Kind: tabular.Float},
				tabular.Column{Name: "conversions_value_calibrated", Kind: tabular.Float})
			out, err := tabular.Read(dst, cols)
			require.NoError(t, err)
			require.Equal(t, 6, out.Len())
			assert.Equal(t, []string{"Paid Search", "facebook", "Email", "search", "search", "facebook"}, out.Strings("channel"))
			assert.Equal(t, []string{"brand", "prospecting", "newsletter", "brand", "generic", "retarget"}, out.Strings("campaign"))
			calv := out.Floats("conversions_value_calibrated")
			assert.Equal(t, 50.0, calv[0])
			assert.Equal(t, 80.0, calv[1])
			for i, want := range []bool{true, true, false, false, false, false} {
				assert.Equal(t, want, out.Valid("conversions_value_calibrated", i), "row %d", i)
				assert.Equal(t, want, out.Valid("incrementality_factor", i), "row %d", i)
			}
			assert.Equal(t, []string{"search", "social", "", "search", "search", "social"}, out.Strings("mmm_channel"))
			assert.False(t, out.Valid("mmm_channel", 2))
			assert.False(t, out.Valid("spend", 2), "nulls round trip")
			assert.False(t, out.Valid("conversions_value", 4))
		})
	}
}

func TestWriteCalibratedLeavesNothingOnError(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	m := mustMapping(t, "search", "social")
	// The bad row comes after the first batch has been written.
	var b strings.Builder
	b.WriteString("date,channel,conversions_value\n")
	for i := 0; i < batchRows+10; i++ {
		b.WriteString("2024-01-02,search,1\n")
	}
	b.WriteString("2024-99-02,search,1\n")
	src := writeFile(t, "mta.csv", b.String())
	dir := t.TempDir()
	dst := filepath.Join(dir, "out.parquet")
	_, err := WriteCalibrated(context.Background(), dst, src, testSpec, m, cal, func(string, int, int) (float64, bool) { return 1, true })
	assert.ErrorContains(t, err, "row 65547, column date")
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries)

	_, err = WriteCalibrated(context.Background(), dst, src, Spec{Value: "incrementality_factor"}, m, cal, nil)
	assert.EqualError(t, err, `mta: column "incrementality_factor" of the export clashes with a column WriteCalibrated adds`)
}

// An interrupted write stops at the next batch and leaves nothing.
func TestWriteCalibratedStopsWhenCancelled(t *testing.T) {
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	m := mustMapping(t, "search", "social")
	var b strings.Builder
	b.WriteString("date,channel,conversions_value\n")
	for i := 0; i < 3*batchRows; i++ {
		b.WriteString("2024-01-02,search,1\n")
	}
	src := writeFile(t, "mta.csv", b.String())
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	rows := 0
	_, err := WriteCalibrated(ctx, filepath.Join(dir, "out.parquet"), src, testSpec, m, cal, func(string, int, int) (float64, bool) {
		if rows++; rows == batchRows+1 {
			cancel() // during the second batch
		}
		return 1, true
	})
	require.ErrorIs(t, err, context.Canceled)
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries)
}
