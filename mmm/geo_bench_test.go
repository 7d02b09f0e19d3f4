package mmm

import (
	"context"
	"testing"

	"github.com/triad-mmm/triad/sampler"
)

// benchGeoModel is the speed target: 40 geos × 156 weeks × 6
// channels, two controls (one by geo), Fourier 2, trend, shared shocks.
func benchGeoModel(b testing.TB, lifts int) (*GeoModel, []float64) {
	w := geoSimWorldGen(1, geoSimOptions{geos: 40, n: 156, channels: 6, controls: 2, geoControl: true,
		fourier: 2, trend: true, shocks: true, noise: 0.05, eta: 0.2, lifts: lifts})
	m, err := NewGeoModel(w.data, w.spec)
	if err != nil {
		b.Fatal(err)
	}
	return m, m.center()
}

// BenchmarkGeoLogProbGrad reports the time per geo-period in ns/geo-period.
func BenchmarkGeoLogProbGrad(b *testing.B) {
	m, x := benchGeoModel(b, 4)
	grad := make([]float64, m.Dim())
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		m.LogProbGrad(grad, x)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(m.G*m.nFit), "ns/geo-period")
	// CPU time per gradient: wall time on a shared machine counts waiting.
	b.ReportMetric((cpuSeconds()-cpu0)*1e9/float64(b.N), "cpu-ns/op")
}

// BenchmarkGeoFit40x156x6 is the speed target for one fit: 40
// geos × 156 weeks × 6 channels, 4 chains × (1000 + 1000).
func BenchmarkGeoFit40x156x6(b *testing.B) {
	m, _ := benchGeoModel(b, 0)
	for b.Loop() {
		cpu0 := cpuSeconds()
		p, err := GeoFit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 4, Warmup: 1000, Draws: 1000, Seed: 1}})
		if err != nil {
			b.Fatal(err)
		}
		d := p.Diagnostics()
		lf, it := 0, 0
		for _, c := range p.Result().Chains {
			for _, n := range c.NumLeapfrog {
				lf += n
				it++
			}
		}
		b.ReportMetric(d.RHatMax, "rhat_max")
		b.ReportMetric(float64(d.Divergences), "divergences")
		b.ReportMetric(float64(lf)/float64(it), "leapfrogs/draw")
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
	}
}

// BenchmarkGeoSamplerLogProbGrad is one leapfrog's evaluation as NUTS sees
// it: the gradient in centred coordinates behind the dense preconditioner
// (at the model's centre, not its mode: the cost is the same).
func BenchmarkGeoSamplerLogProbGrad(b *testing.B) {
	m, x := benchGeoModel(b, 4)
	sp := m.space(m.NewTarget(), x)
	y := make([]float64, m.Dim())
	sp.fromModel(y, x)
	t := newPreconditioner(sp.target(), y).target(sp.target())
	z, grad := make([]float64, m.Dim()), make([]float64, m.Dim())
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		t.LogProbGrad(grad, z)
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1e9/float64(b.N), "cpu-ns/op")
}
