package mmm

import (
	"context"
	"testing"

	"github.com/triad-mmm/triad/sampler"
)

// benchModel is the 156-week, 6-channel model of the targets and
// the world's true parameters as an unconstrained point.
func benchModel(b *testing.B) (*Model, []float64) {
	w := simWorldGen(1, simOptions{n: 156, channels: 6, controls: 2, fourier: 2, trend: true, noise: 0.05})
	m, err := NewModel(w.data, w.spec)
	if err != nil {
		b.Fatal(err)
	}
	x, err := m.Unconstrain(w.params)
	if err != nil {
		b.Fatal(err)
	}
	return m, x
}

func BenchmarkLogProbGrad(b *testing.B) {
	m, x := benchModel(b)
	x[0] = 0.8
	grad := make([]float64, m.Dim())
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		m.LogProbGrad(grad, x)
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1e9/float64(b.N), "cpu-ns/op")
}

// BenchmarkLogProbGradMixed covers every adstock and saturation kind and
// the lift terms: delayed and Weibull adstock, Hill and logistic curves,
// three lift tests.
func BenchmarkLogProbGradMixed(b *testing.B) {
	w := simWorldGen(1, simOptions{n: 156, channels: 6, controls: 2, fourier: 2, trend: true, noise: 0.05,
		delayed: true, weibull: true, logistic: true, lifts: 3})
	m, err := NewModel(w.data, w.spec)
	if err != nil {
		b.Fatal(err)
	}
	x, err := m.Unconstrain(w.params)
	if err != nil {
		b.Fatal(err)
	}
	x[0] = 0.8
	grad := make([]float64, m.Dim())
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		m.LogProbGrad(grad, x)
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1e9/float64(b.N), "cpu-ns/op")
}

// BenchmarkFit156x6 is the target: 156 weeks × 6 channels, 4 chains
// × (1000 + 1000).
func BenchmarkFit156x6(b *testing.B) {
	m, _ := benchModel(b)
	for b.Loop() {
		cpu0 := cpuSeconds()
		p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Seed: 1}})
		if err != nil {
			b.Fatal(err)
		}
		d := p.Diagnostics()
		b.ReportMetric(d.RHatMax, "rhat")
		b.ReportMetric(float64(d.Divergences), "divergences")
		b.ReportMetric(d.ESSBulkMin, "ess_bulk_min")
		nl := 0
		for _, ch := range p.Result().Chains {
			for _, v := range ch.NumLeapfrog {
				nl += v
			}
		}
		b.ReportMetric(float64(nl)/float64(p.Draws()), "leapfrog/draw")
		// CPU seconds, because wall time on a shared machine says little:
		// on two idle cores the wall time is about half of it.
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
	}
}

// BenchmarkSpendResponse is one budget-optimiser evaluation: 4000 draws of
// one channel over 156 weeks.
func BenchmarkSpendResponse(b *testing.B) {
	m, x := benchModel(b)
	draws := make([][]float64, 4000)
	for d := range draws {
		draws[d] = x
	}
	p, err := newPosterior(m, &sampler.Result{Dim: m.Dim(), Chains: []sampler.Chain{{Draws: draws}}}, 10)
	if err != nil {
		b.Fatal(err)
	}
	r := p.SpendResponse()
	dst := make([]float64, p.Draws())
	r.Contribution(dst, 0, r.Current(0))
	for b.Loop() {
		r.Contribution(dst, 0, 1.1*r.Current(0))
	}
}

// BenchmarkPriorChecks is what a run adds to BenchmarkFit156x6's fit for
// the prior checks: the four sensitivity refits and the flat-prior fit,
// from the fit's mode, as the pipeline runs them (400 draws each). Its
// cpu-s against BenchmarkFit156x6's is the "< 25% of the main run".
func BenchmarkPriorChecks(b *testing.B) {
	m, _ := benchModel(b)
	p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Seed: 1, Chains: 1, Warmup: 100, Draws: 100}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cpu0 := cpuSeconds()
		if _, err := ROISensitivity(context.Background(), p, SensitivityConfig{Draws: 400}); err != nil {
			b.Fatal(err)
		}
		if _, err := FreeFit(context.Background(), p); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
	}
}
