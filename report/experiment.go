package report

import "github.com/triad-mmm/triad/civil"

// Experiment is one lift test next to the models' predictions for it.
type Experiment struct {
	TestID  string `json:"test_id"`
	Channel string `json:"channel"`
	// Channels lists the channels of a combined-channel test ("a+b"),
	// whose measured lift is the sum of theirs.
	Channels []string   `json:"channels,omitempty"`
	TestType string     `json:"test_type,omitempty"` // holdout | heavy_up | conversion_lift
	Start    civil.Date `json:"start"`
	End      civil.Date `json:"end"`
	Spend    float64    `json:"spend"`
	// MeasuredIncremental is the test's incremental KPI, Lo and Hi from its
	// standard error at the report's level.
	MeasuredIncremental Interval `json:"measured_incremental"`
	// MeasuredIROAS is MeasuredIncremental / Spend.
	MeasuredIROAS Interval `json:"measured_iroas"`
	// MMMIROAS and CalibratedIROAS are the models' predictions of the
	// test's iROAS (nil when that model did not run).
	MMMIROAS        Interval  `json:"mmm_iroas"`
	CalibratedIROAS *Interval `json:"calibrated_iroas"`
	// A test on an organic channel moved no spend: it measured the
	// channel's contribution in its window (MeasuredIncremental), which
	// MMMContribution and CalibratedContribution predict; its iROAS fields
	// are null.
	MMMContribution        *Interval `json:"mmm_contribution,omitempty"`
	CalibratedContribution *Interval `json:"calibrated_contribution,omitempty"`
	// Z is (measured − MMM-alone prediction) / sqrt(se² + sd²); nil when
	// not computable.
	Z *float64 `json:"z"`
	// Used is false for records kept for the report but not the fit.
	Used bool `json:"used"`
	// IncrementalityFactor is measured incremental / MTA attributed in the
	// test's window and scope; nil without MTA data.
	IncrementalityFactor *Interval `json:"incrementality_factor"`
	Flags                []Flag    `json:"flags"`
	// Geos are a geo test's treated geos (absent for a national test); its
	// predictions are then the models' lift on exactly those geos.
	Geos []string `json:"geos,omitempty"`
}

// TestSuggestion is a channel worth testing next and a test design for it.
type TestSuggestion struct {
	Channel string  `json:"channel"`
	Rank    int     `json:"rank"` // 1 is most valuable
	Score   float64 `json:"score"`
	Reason  string  `json:"reason"`
	// HoldoutShare, Weeks and ExpectedSE describe the suggested test: hold
	// out this share of the channel's spend for this many weeks to measure
	// its iROAS with about this standard error.
	HoldoutShare float64 `json:"holdout_share"`
	Weeks        int     `json:"weeks"`
	ExpectedSE   float64 `json:"expected_se"`
	// CooldownWeeks of measurement follow the treatment to catch the
	// carryover; Reaches says ExpectedSE meets the precision the test
	// aims at (else the design is the most precise one considered).
	CooldownWeeks int  `json:"cooldown_weeks"`
	Reaches       bool `json:"reaches_target"`
	// ROI is the channel's ROI now, under the final fit.
	ROI Interval `json:"roi"`
	// Geos, on a geo panel, are the geos to hold out: a set with about
	// HoldoutShare of the KPI whose pre-period KPI moves most like the
	// other geos' (GeoCorrelation), GeoLift-style. Absent otherwise.
	Geos           []string `json:"geos,omitempty"`
	GeoCorrelation *float64 `json:"geo_correlation,omitempty"`
}
