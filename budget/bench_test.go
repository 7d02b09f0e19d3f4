package budget

import "testing"

// BenchmarkOptimize is the reference load: 6 channels, 4000 draws of Hill
// curves whose K and β vary by draw.
func BenchmarkOptimize(b *testing.B) {
	r, cur := newDrawCurves(6, 4000, 1)
	p := Problem{Current: cur}
	b.ReportAllocs()
	var calls int
	for b.Loop() {
		plan, err := Optimize(r, p, 0.9)
		if err != nil {
			b.Fatal(err)
		}
		calls = plan.Calls
	}
	b.ReportMetric(float64(calls), "calls/op")
}

func BenchmarkOptimizeWide(b *testing.B) {
	r, cur := newDrawCurves(6, 4000, 1)
	p := Problem{Current: cur, Bounds: DefaultBounds(cur, 1)}
	var calls int
	for b.Loop() {
		plan, err := Optimize(r, p, 0.9)
		if err != nil {
			b.Fatal(err)
		}
		calls = plan.Calls
	}
	b.ReportMetric(float64(calls), "calls/op")
}

func BenchmarkOptimizeQuantile(b *testing.B) {
	r, cur := newDrawCurves(6, 4000, 1)
	p := Problem{Current: cur, Objective: Quantile{Q: 0.1}}
	var calls int
	for b.Loop() {
		plan, err := Optimize(r, p, 0.9)
		if err != nil {
			b.Fatal(err)
		}
		calls = plan.Calls
	}
	b.ReportMetric(float64(calls), "calls/op")
}

func BenchmarkMaxBudgetForTargetROI(b *testing.B) {
	r, cur := newDrawCurves(6, 4000, 1)
	p := Problem{Current: cur, Bounds: DefaultBounds(cur, 1)}
	for b.Loop() {
		if _, _, err := MaxBudgetForTargetROI(r, p, 1.5, 0.9); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContribution is one Response call of the reference load, to
// relate Optimize's time to its calls/op.
func BenchmarkContribution(b *testing.B) {
	r, cur := newDrawCurves(6, 4000, 1)
	dst := make([]float64, 4000)
	for b.Loop() {
		r.Contribution(dst, 2, cur[2])
	}
}
