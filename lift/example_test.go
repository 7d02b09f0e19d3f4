package lift_test

import (
	"fmt"

	"github.com/triad-mmm/triad/lift"
)

// A two-sided 90% interval [1710, 8290] around an estimate of 5000 implies
// se = (8290 − 1710) / (2·z(0.95)) ≈ 2000.
func ExampleIntervalSE() {
	se, err := lift.IntervalSE(5000, 1710, 8290, 0.90, lift.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("se = %.0f\n", se)
	// Output: se = 2000
}
