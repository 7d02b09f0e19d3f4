package budget

import "github.com/triad-mmm/triad/stat"

// Short names the tests use for the shared statistics.
func meanOf(x []float64) float64 { return stat.Mean(x) }
