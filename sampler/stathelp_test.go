package sampler

import "github.com/triad-mmm/triad/stat"

// Short names the tests use for the shared statistics.
func meanVar(x []float64) (mean, variance float64)  { return stat.MeanVar(x) }
func quantile7(sorted []float64, p float64) float64 { return stat.Quantile(sorted, p) }
