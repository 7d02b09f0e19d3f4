package batch

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkExecute runs four short national runs (2 chains × (60 + 60)
// draws) from scratch per iteration, one and two at a time, to show what
// overlapping runs gains on this machine's cores.
func BenchmarkExecute(b *testing.B) {
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				m := testManifest(b, b.TempDir(), 4, false)
				b.StartTimer()
				s, err := Execute(context.Background(), m, Options{Jobs: jobs})
				if err != nil || s.Count(StatusOK) != 4 {
					b.Fatalf("%v: %d ok", err, s.Count(StatusOK))
				}
			}
		})
	}
}
