package manifest

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkDescribe5M hashes and counts a 5-million-row MTA export (about
// 250 MB), the cost manifest.json adds to a run with such an input.
func BenchmarkDescribe5M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "mta.csv")
	writeMTA(b, path, 5_000_000)
	b.ResetTimer()
	for b.Loop() {
		in, err := Describe(context.Background(), "data.mta", path)
		if err != nil || in.Rows != 5_000_000 {
			b.Fatal(in.Rows, err)
		}
		b.SetBytes(in.Bytes)
	}
}
