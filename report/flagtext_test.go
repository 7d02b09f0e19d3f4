package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/civil"
)

func TestFlagMessages(t *testing.T) {
	ifc := Interval{Mean: 0.325, Lo: 0.25, Hi: 0.4}
	for _, c := range []struct {
		got  Flag
		code string
		msg  string
	}{
		{DisagreesFlag([]Disagreement{{"A", 0.8, 0.25, 2.61}, {"B", 1234.5, 12, -3}}), FlagExperimentDisagrees,
			"test A measured iROAS 0.80 against 0.25 predicted by the MMM alone (z = 2.6); test B measured iROAS 1,235 against 12.0 predicted by the MMM alone (z = -3.0)"},
		{MTAOverclaimsFlag(ifc), FlagMTAOverclaims, "MTA attributes 3.08× the calibrated contribution (incrementality factor 0.33 (0.25–0.40))"},
		{MTAUnderclaimsFlag(Interval{Mean: 3.2, Lo: 2.5, Hi: 4}), FlagMTAUnderclaims, "MTA attributes only 31% of the calibrated contribution (incrementality factor 3.20 (2.50–4.00))"},
		{UntestedFlag(0), FlagUntested, "no lift test"},
		{UntestedFlag(2), FlagUntested, "no lift test entered the fit (2 excluded)"},
		{StaleTestFlag(60.4, civil.Date(19723), 52), FlagStaleTest, "the newest test ended 60 weeks before 2024-01-01 (half-life 52 weeks)"},
		{PoorConvergenceFlag(1.0712, 43.6), FlagPoorConvergence, "ROI sampled poorly (R-hat 1.071, ESS 44): treat its interval with caution"},
	} {
		assert.Equal(t, c.code, c.got.Code)
		assert.Equal(t, c.msg, c.got.Message)
	}
	roi := Interval{Mean: 2.1, Lo: 1.6, Hi: 2.7}
	assert.Equal(t, "no lift test in the fit; 7,582,404 spend with ROI 2.10 (1.60–2.70) (SD 0.31)", TestReason(FlagUntested, 7582404, roi, 0.31))
	assert.Equal(t, "its tests are stale; 80.0 spend with ROI 2.10 (1.60–2.70) (SD 0.31)", TestReason(FlagStaleTest, 80, roi, 0.31))
	assert.Equal(t, "80.0 spend with ROI 2.10 (1.60–2.70) (SD 0.31)", TestReason("", 80, roi, 0.31))
}

func TestPriorNoteText(t *testing.T) {
	assert.Equal(t, "roi_prior: test LT1 on tv (iROAS 1.23, window captures 80% of the carryover) gives ROI evidence LogNormal(0.100, 0.500), combined with the channel's prior",
		PriorNoteText(false, "LT1", "tv", 1.2345, 0.8, 0.1, 0.5))
	assert.Equal(t, "roi_prior: test LT2 on organic mail (contribution 1.235e+04, 42.0% of its adstocked units in the window) gives evidence on its share of the KPI, LogNormal(-3.000, 0.250), combined with the channel's prior",
		PriorNoteText(true, "LT2", "mail", 12346, 0.42, -3, 0.25))
}
