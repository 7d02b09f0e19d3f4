package lift

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Sided says which bounds a confidence interval gives.
type Sided int

const (
	// TwoSided intervals [L, U] leave (1−c)/2 in each tail.
	TwoSided Sided = iota
	// LowerBound intervals [L, ∞) leave 1−c below L.
	LowerBound
	// UpperBound intervals (−∞, U] leave 1−c above U.
	UpperBound
)

func (s Sided) String() string {
	switch s {
	case TwoSided:
		return "two"
	case LowerBound:
		return "lower"
	case UpperBound:
		return "upper"
	}
	return fmt.Sprintf("Sided(%d)", int(s))
}

// ParseSided reads a ci_sided cell; empty means two-sided.
func ParseSided(s string) (Sided, error) {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_") {
	case "", "two", "two_sided", "twosided", "both":
		return TwoSided, nil
	case "lower", "lower_bound", "one_sided_lower", "greater":
		return LowerBound, nil
	case "upper", "upper_bound", "one_sided_upper", "less":
		return UpperBound, nil
	}
	return 0, fmt.Errorf("unknown ci_sided %s (want two, lower or upper)", tabular.Quote(s))
}

// z returns the standard normal quantile of p.
func z(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// NormalizeConfidence reads a confidence level given either as a share in
// (0, 1), such as 0.9, or as a percentage from 50 up to 100 (exclusive),
// such as 90, and returns the share. Anything else is an error: 1.5 is no
// share, and read as 1.5% it would be a level no one reports an interval
// at (a typo for 0.95 or 95, most likely), so it is not guessed at.
func NormalizeConfidence(c float64) (float64, error) {
	switch {
	case math.IsNaN(c):
		return 0, errors.New("confidence is not a number")
	case c > 0 && c < 1:
		return c, nil
	case c >= 50 && c < 100:
		return c / 100, nil
	case c > 1 && c < 50:
		return 0, fmt.Errorf("confidence %v is neither a share in (0, 1) nor a percentage from 50 to 100: give 0.9 or 90", c)
	}
	return 0, fmt.Errorf("confidence %v outside (0, 1) (give 0.9 or 90)", c)
}

// IntervalSE returns the standard error implied by a normal confidence
// interval at level c (a fraction):
//
//	two-sided [L, U]:   se = (U − L) / (2·z((1+c)/2))
//	lower bound L:      se = (est − L) / z(c)
//	upper bound U:      se = (U − est) / z(c)
//
// It fails when the implied SE is not positive, which for one-sided bounds
// means the bound lies on the wrong side of the estimate.
func IntervalSE(est, lower, upper, c float64, sided Sided) (float64, error) {
	if !(c > 0 && c < 1) {
		return 0, fmt.Errorf("confidence %v outside (0, 1)", c)
	}
	var se float64
	switch sided {
	case TwoSided:
		se = (upper - lower) / (2 * z((1+c)/2))
	case LowerBound:
		se = (est - lower) / z(c)
	case UpperBound:
		se = (upper - est) / z(c)
	default:
		return 0, fmt.Errorf("unknown interval side %v", sided)
	}
	if !(se > 0) || math.IsInf(se, 0) {
		return 0, fmt.Errorf("interval gives non-positive SE %v", se)
	}
	return se, nil
}

// PValueSE returns the standard error implied by a two-sided p-value of
// the estimate against zero under a normal test statistic:
// se = |est| / z(1 − p/2). It is the weakest source: it assumes the test
// was a z-test centred on the estimate, which permutation or synthetic
// control tests are not.
func PValueSE(est, p float64) (float64, error) {
	if !(p > 0 && p < 1) {
		return 0, fmt.Errorf("p_value %v outside (0, 1)", p)
	}
	se := math.Abs(est) / z(1-p/2)
	if !(se > 0) || math.IsInf(se, 0) {
		return 0, fmt.Errorf("p_value %v with estimate %v gives non-positive SE", p, est)
	}
	return se, nil
}
