package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// diagTarget is an O(d) Gaussian, so the benchmark measures the sampler.
type diagTarget struct{ sd []float64 }

func (d diagTarget) Dim() int { return len(d.sd) }

func (d diagTarget) LogProbGrad(grad, x []float64) float64 {
	var lp float64
	for i, s := range d.sd {
		z := x[i] / s
		grad[i] = -z / s
		lp -= 0.5 * z * z
	}
	return lp
}

// BenchmarkNUTSGaussian10D times NUTS transitions on a cheap 10-D target
// with an adapted kernel and reports gradient evaluations per second and the
// sampler's own cost per leapfrog step (total minus the target's time).
func BenchmarkNUTSGaussian10D(b *testing.B) {
	sd := []float64{1, 2, 3, 4, 5, 0.1, 0.2, 0.3, 0.4, 0.5}
	tgt := diagTarget{sd: sd}
	inv := make([]float64, len(sd))
	for i, s := range sd {
		inv[i] = s * s
	}
	n := newNUTS(tgt, rand.New(rand.NewPCG(1, 1)), inv, 10)
	n.eps = 0.8
	n.z.logp = tgt.LogProbGrad(n.z.g, n.z.q)

	// Cost of the target alone.
	const probe = 100000
	g := make([]float64, len(sd))
	x := make([]float64, len(sd))
	start := time.Now()
	for i := range probe {
		x[i%len(x)] += 1e-9
		tgt.LogProbGrad(g, x)
	}
	perGrad := float64(time.Since(start).Nanoseconds()) / probe

	leap := 0
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for range b.N {
		leap += n.transition().nLeapfrog
	}
	b.StopTimer()
	elapsed := b.Elapsed().Seconds()
	b.ReportMetric(float64(leap)/elapsed, "grads/s")
	b.ReportMetric((elapsed*1e9-float64(leap)*perGrad)/float64(leap), "overhead-ns/leapfrog")
	b.ReportMetric(float64(leap)/float64(b.N), "leapfrogs/op")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		// CPU time is robust to other processes competing for the cores.
		b.ReportMetric(cpu*1e9/float64(leap), "cpu-ns/leapfrog")
	}
}

// slowTarget makes each gradient cost about as much as the MMM's (tens of
// microseconds) by repeating the work of a diagonal Gaussian.
type slowTarget struct {
	diagTarget
	reps int
}

func (s slowTarget) LogProbGrad(grad, x []float64) float64 {
	var lp float64
	for range s.reps {
		lp = s.diagTarget.LogProbGrad(grad, x)
	}
	return lp
}

// BenchmarkNUTSMMMScale runs the full default job (4 chains x 2000
// iterations) on a 20-D target costing ~25 us per gradient; seconds/op is
// the wall time of one fit.
func BenchmarkNUTSMMMScale(b *testing.B) {
	sd := make([]float64, 20)
	for i := range sd {
		sd[i] = math.Exp(float64(i%5) - 2)
	}
	base := diagTarget{sd: sd}
	// Calibrate reps to ~25 us.
	g := make([]float64, len(sd))
	x := make([]float64, len(sd))
	start := time.Now()
	for range 100000 {
		base.LogProbGrad(g, x)
	}
	reps := max(1, int(25000/(float64(time.Since(start).Nanoseconds())/100000)))
	tgt := slowTarget{diagTarget: base, reps: reps}
	var grads int
	b.ResetTimer()
	for i := range b.N {
		r, err := NUTS(context.Background(), func() Target { return tgt }, Config{Seed: uint64(i)})
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range r.Chains {
			for _, l := range c.NumLeapfrog {
				grads += l
			}
		}
	}
	b.ReportMetric(float64(grads)/float64(b.N), "sampling-grads/op")
}

// BenchmarkDiagnose times the diagnostics of a 50-parameter, 4 x 1000 result.
func BenchmarkDiagnose(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	r := &Result{Method: "nuts", Dim: 50}
	for range 4 {
		var ch Chain
		for range 1000 {
			d := make([]float64, 50)
			for i := range d {
				d[i] = rng.NormFloat64()
			}
			ch.Draws = append(ch.Draws, d)
			ch.Energy = append(ch.Energy, rng.NormFloat64())
		}
		r.Chains = append(r.Chains, ch)
	}
	b.ResetTimer()
	for range b.N {
		Diagnose(r, 10)
	}
}
