package mmm

import "github.com/triad-mmm/triad/stat"

// meanSD is the tests' short name for the statistic NewModel standardises
// controls with.
func meanSD(x []float64) (mean, sd float64) { return stat.MeanSD(x) }
