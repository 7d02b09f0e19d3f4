package budget

import "github.com/triad-mmm/triad/stat"

// Interval is a posterior mean with a central credible interval [Lo, Hi].
type Interval = stat.Interval
