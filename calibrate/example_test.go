package calibrate_test

import (
	"fmt"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/mmm"
)

func ExampleCaptureShare() {
	w := []float64{1, 0.5, 0.25, 0.125} // geometric carryover, α = 0.5, three lags
	twoWeeks := []float64{1, 1}
	// Measured only during the two treatment weeks, the test sees two thirds
	// of the effect of the spend it withheld; two weeks of cooldown catch
	// nearly all of it.
	fmt.Printf("%.3f\n", calibrate.CaptureShare(w, twoWeeks, twoWeeks))
	fmt.Printf("%.3f\n", calibrate.CaptureShare(w, twoWeeks, []float64{1, 1, 1, 1}))
	// Output:
	// 0.667
	// 0.967
}

func ExampleCombineLogNormal() {
	// Two tests on one channel: a precise one at ROI ≈ e^0.5 and a vague one
	// at ROI ≈ e^1. Their precisions (1/0.1², 1/0.3²) weight the log-scale means.
	p := calibrate.CombineLogNormal([]mmm.LogNormal{{Mu: 0.5, Sigma: 0.1}, {Mu: 1, Sigma: 0.3}})
	fmt.Printf("mu %.3f sigma %.4f\n", p.Mu, p.Sigma)
	// Output:
	// mu 0.550 sigma 0.0949
}
