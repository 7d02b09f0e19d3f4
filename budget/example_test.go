package budget_test

import (
	"fmt"
	"math"

	"github.com/triad-mmm/triad/budget"
)

// curves is a single-draw response a_c·log(1 + x/b_c).
type curves struct{ a, b []float64 }

func (r curves) Channels() int { return len(r.a) }
func (r curves) Draws() int    { return 1 }
func (r curves) Contribution(dst []float64, c int, spend float64) {
	dst[0] = r.a[c] * math.Log1p(spend/r.b[c])
}

func ExampleOptimize() {
	r := curves{a: []float64{300e3, 200e3, 500e3}, b: []float64{50e3, 100e3, 80e3}}
	p := budget.Problem{
		Current: []float64{200e3, 100e3, 100e3},
		Bounds:  budget.DefaultBounds([]float64{200e3, 100e3, 100e3}, 0.3),
	}
	plan, err := budget.Optimize(r, p, 0.9)
	if err != nil {
		fmt.Println(err)
		return
	}
	for c, x := range plan.Recommended {
		fmt.Printf("channel %d: %.0f → %.0f (mROI %.3f → %.3f)\n", c, p.Current[c], x,
			plan.MROICurrent[c].Mean, plan.MROIRecommended[c].Mean)
	}
	fmt.Printf("gain %.0f\n", plan.ExpectedGain.Mean)
	// Output:
	// channel 0: 200000 → 200000 (mROI 1.200 → 1.200)
	// channel 1: 100000 → 70000 (mROI 1.000 → 1.176)
	// channel 2: 100000 → 130000 (mROI 2.778 → 2.381)
	// gain 44572
}

func ExampleMaxBudgetForTargetROI() {
	// Each channel is funded up to where its marginal return a/(b+x)
	// falls to the target: x = a/target − b.
	r := curves{a: []float64{300e3, 200e3, 500e3}, b: []float64{50e3, 100e3, 80e3}}
	wide := []budget.Bounds{{Max: 1e6}, {Max: 1e6}, {Max: 1e6}}
	p := budget.Problem{Current: []float64{200e3, 100e3, 100e3}, Bounds: wide}
	total, plan, err := budget.MaxBudgetForTargetROI(r, p, 1.5, 0.9)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("budget %.0f\n", total)
	for c, x := range plan.Recommended {
		fmt.Printf("channel %d: %.0f (mROI %.3f)\n", c, x, plan.MROIRecommended[c].Mean)
	}
	// Output:
	// budget 436667
	// channel 0: 150000 (mROI 1.500)
	// channel 1: 33333 (mROI 1.500)
	// channel 2: 253333 (mROI 1.500)
}
