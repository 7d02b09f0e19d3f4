package mta

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

const benchRows = 5_000_000

var benchPlatforms = []string{"Paid Search", "Facebook", "Instagram", "Programmatic", "YouTube", "Email", "Affiliate", "TikTok"}

// benchFile returns a 5M-row Parquet MTA export (date, channel, campaign,
// value, spend): three years of daily rows, eight platforms, 600 campaigns.
// It is generated once into the temp directory and reused across runs.
func benchFile(b *testing.B, start civil.Date, days int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("triad-mta-bench-%d-v1.parquet", benchRows))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	rng := rand.New(rand.NewPCG(7, 11))
	const batch = 1 << 18
	perDay := (benchRows + days - 1) / days
	campaigns := make([]string, 600)
	for i := range campaigns {
		campaigns[i] = fmt.Sprintf("campaign_%03d", i)
	}
	var w *tabular.Writer
	for lo := 0; lo < benchRows; lo += batch {
		n := min(batch, benchRows-lo)
		dates := make([]civil.Date, n)
		chans := make([]string, n)
		camps := make([]string, n)
		vals := make([]float64, n)
		spend := make([]float64, n)
		for i := range n {
			r := lo + i
			dates[i] = start.AddDays(r / perDay)
			chans[i] = benchPlatforms[r%len(benchPlatforms)]
			camps[i] = campaigns[(r/len(benchPlatforms))%len(campaigns)]
			vals[i] = rng.ExpFloat64() * 40
			spend[i] = rng.ExpFloat64() * 12
		}
		t := tabular.NewTable("bench", n)
		t.SetDates("date", dates, nil)
		t.SetStrings("channel", chans, nil)
		t.SetStrings("campaign", camps, nil)
		t.SetFloats("attributed_kpi", vals, nil)
		t.SetFloats("spend", spend, nil)
		if w == nil {
			var err error
			if w, err = tabular.Create(path, t); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Write(t); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAggregate5M reads and aggregates a 5-million-row Parquet MTA
// export onto a weekly panel, reporting rows/s and the peak live heap.
func BenchmarkAggregate5M(b *testing.B) {
	start := civil.New(2022, time.January, 3)
	cal := grid{start: start, step: 7, n: 157}
	path := benchFile(b, start, 7*156)
	m, err := NewMapping([]MapEntry{
		{MTA: "Paid Search", Channel: "search"}, {MTA: "Facebook", Channel: "social"},
		{MTA: "Instagram", Channel: "social"}, {MTA: "Programmatic", Channel: "display"},
		{MTA: "YouTube", Channel: "video"},
	}, []string{"search", "social", "display", "video", "tv"})
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		agg, _, err := AggregateFile(path, Spec{}, m, cal)
		if err != nil {
			b.Fatal(err)
		}
		if agg.Rows != benchRows {
			b.Fatalf("aggregated %d rows, want %d", agg.Rows, benchRows)
		}
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}
