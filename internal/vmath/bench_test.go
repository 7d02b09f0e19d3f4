package vmath

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkHillGrad is one channel's series in the geo benchmark (40
// geos × 156 weeks), by the series kernel and by the pure-Go loop.
func BenchmarkHillGrad(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	a := seriesInputs(rng, 40*156, 0)
	s, dsda, dc, dls := make([]float64, len(a)), make([]float64, len(a)), make([]float64, len(a)), make([]float64, len(a))
	b.Run("series", func(b *testing.B) {
		for b.Loop() {
			HillGrad(s, dsda, dc, dls, a, 1.3, -0.2, 1.1, -0.1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(a)), "ns/value")
	})
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			hillGradGo(s, dsda, dc, dls, a, 1.3, -0.2, 1.1, -0.1)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(a)), "ns/value")
	})
}
