package report

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/civil"
)

// The constructors below write the messages of the reconciliation's flags
// from the figures calibrate returns, so that the words stay here.

// Disagreement is a lift test whose measured iROAS the MMM alone cannot
// explain (|z| > 2).
type Disagreement struct {
	TestID                 string
	Measured, Predicted, Z float64
}

// DisagreesFlag is a channel's experiment_disagrees flag.
func DisagreesFlag(ds []Disagreement) Flag {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf("test %s measured iROAS %s against %s predicted by the MMM alone (z = %.1f)",
			d.TestID, proseNum(d.Measured), proseNum(d.Predicted), d.Z)
	}
	return Flag{Code: FlagExperimentDisagrees, Message: strings.Join(parts, "; ")}
}

// TestDisagreesFlag is a lift test's own experiment_disagrees flag.
func TestDisagreesFlag() Flag {
	return Flag{Code: FlagExperimentDisagrees, Message: "the test disagrees with the MMM alone (|z| > 2)"}
}

// MTAOverclaimsFlag is mta_overclaims: the incrementality factor ifc is
// below 0.5.
func MTAOverclaimsFlag(ifc Interval) Flag {
	return Flag{Code: FlagMTAOverclaims, Message: fmt.Sprintf("MTA attributes %s× the calibrated contribution (incrementality factor %s)",
		proseNum(1/ifc.Mean), proseInterval(ifc))}
}

// MTAUnderclaimsFlag is mta_underclaims: the incrementality factor ifc is
// above 2.
func MTAUnderclaimsFlag(ifc Interval) Flag {
	return Flag{Code: FlagMTAUnderclaims, Message: fmt.Sprintf("MTA attributes only %.0f%% of the calibrated contribution (incrementality factor %s)",
		100/ifc.Mean, proseInterval(ifc))}
}

// UntestedFlag is untested: no lift test entered the fit, and excluded
// were left out of it.
func UntestedFlag(excluded int) Flag {
	if excluded > 0 {
		return Flag{Code: FlagUntested, Message: fmt.Sprintf("no lift test entered the fit (%d excluded)", excluded)}
	}
	return Flag{Code: FlagUntested, Message: "no lift test"}
}

// StaleTestFlag is stale_test: the newest test ended ageWeeks before asOf,
// more than the half-life.
func StaleTestFlag(ageWeeks float64, asOf civil.Date, halfLifeWeeks float64) Flag {
	return Flag{Code: FlagStaleTest, Message: fmt.Sprintf("the newest test ended %.0f weeks before %v (half-life %.0f weeks)",
		ageWeeks, asOf, halfLifeWeeks)}
}

// PoorConvergenceFlag is poor_convergence, from the R-hat and ESS of the
// channel's ROI.
func PoorConvergenceFlag(rhat, ess float64) Flag {
	return Flag{Code: FlagPoorConvergence, Message: fmt.Sprintf("ROI sampled poorly (R-hat %.3f, ESS %.0f): treat its interval with caution", rhat, ess)}
}

// TestReason is a "test next" suggestion's reason: why the channel ranks
// where it does. boost is the flag that raised its score (FlagUntested,
// FlagStaleTest or "").
func TestReason(boost string, spend float64, roi Interval, roiSD float64) string {
	var why []string
	switch boost {
	case FlagUntested:
		why = append(why, "no lift test in the fit")
	case FlagStaleTest:
		why = append(why, "its tests are stale")
	}
	why = append(why, fmt.Sprintf("%s spend with ROI %s (SD %s)", proseNum(spend), proseInterval(roi), proseNum(roiSD)))
	return strings.Join(why, "; ")
}

// PriorNoteText is the report's line on how a lift test became ROI
// evidence in roi_prior mode: iroas is the measured iROAS (the measured
// contribution on an organic channel), capture the share of the effect
// inside the measurement window, LogNormal(mu, sigma) the evidence.
func PriorNoteText(organic bool, testID, channel string, iroas, capture, mu, sigma float64) string {
	if organic {
		return fmt.Sprintf("roi_prior: test %s on organic %s (contribution %.4g, %.1f%% of its adstocked units in the window) gives evidence on its share of the KPI, LogNormal(%.3f, %.3f), combined with the channel's prior",
			testID, channel, iroas, 100*capture, mu, sigma)
	}
	return fmt.Sprintf("roi_prior: test %s on %s (iROAS %.3g, window captures %.0f%% of the carryover) gives ROI evidence LogNormal(%.3f, %.3f), combined with the channel's prior",
		testID, channel, iroas, 100*capture, mu, sigma)
}
