package tabular

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/triad-mmm/triad/civil"
)

// writeMTALike writes n rows shaped like an MTA export (date, channel,
// campaign, value) to path, in batches as a streaming producer would.
func writeMTALike(tb testing.TB, path string, n int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	channels := []string{"search", "social", "display", "video", "email", "affiliate"}
	const batch = 100_000
	mk := func(first, m int) *Table {
		t := NewTable("gen", m)
		d := make([]civil.Date, m)
		ch := make([]string, m)
		camp := make([]string, m)
		v := make([]float64, m)
		for i := range m {
			r := first + i
			d[i] = civil.New(2023, 1, 1).AddDays(r % 730)
			c := rng.IntN(len(channels))
			ch[i] = channels[c]
			camp[i] = fmt.Sprintf("%s_%03d", channels[c], rng.IntN(200))
			v[i] = rng.ExpFloat64() * 100
		}
		t.SetDates("date", d, nil)
		t.SetStrings("channel", ch, nil)
		t.SetStrings("campaign", camp, nil)
		t.SetFloats("value", v, nil)
		return t
	}
	w, err := Create(path, mk(0, 1))
	if err != nil {
		tb.Fatal(err)
	}
	for first := 0; first < n; first += batch {
		if err := w.Write(mk(first, min(batch, n-first))); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
}

var mtaCols = []Column{
	{Name: "date", Kind: Date}, {Name: "channel", Kind: String},
	{Name: "campaign", Kind: String}, {Name: "value", Kind: Float},
}

func benchmarkScan(b *testing.B, ext string) {
	const rows = 1_000_000
	path := filepath.Join(b.TempDir(), "mta."+ext)
	writeMTALike(b, path, rows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := Scan(path, mtaCols, 64<<10, func(t *Table) error {
			n += t.Len()
			return nil
		})
		if err != nil || n != rows {
			b.Fatalf("read %d rows: %v", n, err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkScanParquet streams a 1M-row MTA-shaped Parquet file.
func BenchmarkScanParquet(b *testing.B) { benchmarkScan(b, "parquet") }

func BenchmarkScanArrow(b *testing.B) { benchmarkScan(b, "arrow") }

func BenchmarkScanCSV(b *testing.B) { benchmarkScan(b, "csv") }

func BenchmarkWriteParquet(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		writeMTALike(b, filepath.Join(dir, "mta.parquet"), 1_000_000)
	}
	b.ReportMetric(1e6*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
