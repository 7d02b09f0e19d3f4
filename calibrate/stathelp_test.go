package calibrate

import "github.com/triad-mmm/triad/stat"

// meanSD is the tests' short name for the statistic the package reports
// predictions with.
func meanSD(x []float64) (mean, sd float64) { return stat.MeanSD(x) }
