package report

import "github.com/triad-mmm/triad/civil"

// DiffSchemaVersion is the version of diff.json's layout.
const DiffSchemaVersion = "1"

// Names of the files WriteDiffAll writes.
const (
	DiffJSONFile     = "diff.json"
	DiffMarkdownFile = "diff.md"
	DiffHTMLFile     = "diff.html"
)

// Diff is what changed between two runs of triad (a quarter and the
// next): per channel the estimates before and after and the probability
// that they really moved, what the new data added, which lift tests
// arrived and what they moved, flags that appeared or went away, and the
// budget plan's changes. triad diff writes it as diff.json, diff.md and
// diff.html; triad run --previous puts it in report.json as
// since_previous. Unknown numbers are NaN (null in JSON).
type Diff struct {
	SchemaVersion string  `json:"schema_version"`
	Generator     string  `json:"generator"`
	KPI           string  `json:"kpi"`
	KPIType       string  `json:"kpi_type"`
	Interval      float64 `json:"interval"`
	Before        RunRef  `json:"before"`
	After         RunRef  `json:"after"`
	// Fit names the fit compared: "calibrated" when both runs have one,
	// else "mmm" (the MMM alone).
	Fit string `json:"fit"`
	// PeriodsAdded is the number of periods the new panel has beyond the
	// old one's end (negative if it ends earlier).
	PeriodsAdded int `json:"periods_added"`
	// PeriodsDropped counts old periods missing at the new panel's start
	// (a rolling window).
	PeriodsDropped int             `json:"periods_dropped"`
	SpendAdded     SpendAdded      `json:"spend_added"`
	Channels       []ChannelChange `json:"channels"`
	TestsAdded     []TestAdded     `json:"tests_added"`
	TestsRemoved   []string        `json:"tests_removed"`
	FlagsAppeared  []FlagChange    `json:"flags_appeared"`
	FlagsGone      []FlagChange    `json:"flags_gone"`
	BudgetChanges  []BudgetChange  `json:"budget_changes"`
	InputsChanged  []InputChange   `json:"inputs_changed"`
	ConfigChanged  []ConfigChange  `json:"config_changed"`
	// Attribution says how causes were attributed (nil: not run).
	Attribution *Attribution `json:"attribution"`
	// Notes explain what the comparison could not do.
	Notes []string `json:"notes"`
}

// RunRef identifies one run of a comparison.
type RunRef struct {
	Dir     string `json:"dir"`
	Version string `json:"version"`
	Period  Period `json:"period"`
	Seed    uint64 `json:"seed"`
}

// SpendAdded is the media spend of the added periods, in total and per
// channel (the new panel's spend less the old one's).
type SpendAdded struct {
	Total    float64        `json:"total"`
	Channels []ChannelSpend `json:"channels"`
}

// ChannelSpend is one channel's spend before and after.
type ChannelSpend struct {
	Name   string  `json:"name"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
	Added  float64 `json:"added"`
}

// ChannelChange is one channel's estimates before and after.
type ChannelChange struct {
	Name   string           `json:"name"`
	Before ChannelEstimates `json:"before"`
	After  ChannelEstimates `json:"after"`
	// ROIChange is after − before, from pairing the two runs' draws (the
	// fits are independent); RelativeChange is ROIChange.Mean / before's
	// mean ROI.
	ROIChange      Interval `json:"roi_change"`
	RelativeChange float64  `json:"relative_change"`
	// ProbabilityChanged is the posterior probability that the ROI moved
	// in the direction of the change: max(P(after > before), P(after <
	// before)) over pairs of draws. 0.5 is no evidence of a move; null
	// when a run has no draws.
	ProbabilityChanged float64 `json:"probability_changed"`
	// Direction is "up", "down" or "" (no draws).
	Direction string `json:"direction"`
	// Causes split the ROI change among its causes (see Cause).
	Causes []Cause `json:"causes"`
}

// Cause codes.
const (
	CauseNewData  = "new_data"  // the added (or dropped) periods
	CauseNewTests = "new_tests" // the lift tests that arrived
	CauseConfig   = "config"    // the configuration changed
)

// Cause is one reason a channel's ROI moved.
type Cause struct {
	Cause string `json:"cause"`
	// ROIChange is the part of the channel's ROI change due to the cause,
	// null when it was not measured (triad diff --attribute refits to
	// measure it).
	ROIChange Interval `json:"roi_change"`
	// Tests are the new tests on the channel, for new_tests.
	Tests   []string `json:"tests,omitempty"`
	Message string   `json:"message"`
}

// TestAdded is a lift test in the new run that the old one did not have.
type TestAdded struct {
	TestID        string     `json:"test_id"`
	Channel       string     `json:"channel"`
	Start         civil.Date `json:"start"`
	End           civil.Date `json:"end"`
	MeasuredIROAS Interval   `json:"measured_iroas"`
	// Used says whether the new fit used it.
	Used bool `json:"used"`
	// ROIBefore and ROIAfter are the tested channel's ROI in the two runs;
	// Toward says whether it moved toward the test's measurement.
	ROIBefore Interval `json:"roi_before"`
	ROIAfter  Interval `json:"roi_after"`
	Toward    *bool    `json:"toward"`
	// Contradicts lists earlier tests on the channel this one disagrees
	// with (|z| > 2 between the two measurements).
	Contradicts []string `json:"contradicts"`
}

// FlagChange is a flag that appeared or went away on a channel.
type FlagChange struct {
	Channel string `json:"channel"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// BudgetChange is one channel's recommended spend before and after.
type BudgetChange struct {
	Name              string  `json:"name"`
	CurrentBefore     float64 `json:"current_before"`
	CurrentAfter      float64 `json:"current_after"`
	RecommendedBefore float64 `json:"recommended_before"`
	RecommendedAfter  float64 `json:"recommended_after"`
	// Change is the change of the recommended share of the budget, in
	// points of share (0.05 is five points more).
	ShareChange float64 `json:"share_change"`
}

// InputChange is an input file whose content differs between the runs.
type InputChange struct {
	Key        string `json:"key"`
	RowsBefore int64  `json:"rows_before"`
	RowsAfter  int64  `json:"rows_after"`
	SHA256     string `json:"sha256"` // the new file's
}

// ConfigChange is a configuration key whose value differs.
type ConfigChange struct {
	Key    string `json:"key"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// Attribution records the refits behind the causes.
type Attribution struct {
	// Refits names each extra fit: "new data + old tests", "old data +
	// new tests".
	Refits  []string `json:"refits"`
	Seconds float64  `json:"seconds"`
	Method  string   `json:"method"`
}
