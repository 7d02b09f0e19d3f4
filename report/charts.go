package report

import "github.com/triad-mmm/triad/civil"

// Charts holds the series behind the report's charts. All per-period
// slices are aligned with Dates; a renderer uses the common prefix when
// lengths disagree and skips a chart with no data.
type Charts struct {
	Dates  []civil.Date `json:"dates"`
	Actual []float64    `json:"actual"`
	// Fitted is the calibrated model's (else the MMM alone's) posterior
	// predictive mean and interval per period.
	Fitted []Interval `json:"fitted"`
	// HoldoutStart is the index of the first held-out period; 0 or less
	// means no holdout.
	HoldoutStart int `json:"holdout_start"`

	// The decomposition of the fitted mean: Baseline (intercept, trend,
	// seasonality), Controls (sum of control effects) and one series per
	// media channel.
	Baseline []float64     `json:"baseline"`
	Controls []float64     `json:"controls"`
	Media    []NamedSeries `json:"media"`

	ResponseCurves []Curve          `json:"response_curves"`
	Adstock        []AdstockWeights `json:"adstock"`
}

// NamedSeries is one channel's series.
type NamedSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// Curve is a channel's response curve: total contribution over the period
// against total spend (historical flighting scaled).
type Curve struct {
	Channel          string       `json:"channel"`
	Points           []CurvePoint `json:"points"`
	CurrentSpend     float64      `json:"current_spend"`
	RecommendedSpend *float64     `json:"recommended_spend"`
}

// CurvePoint is one point of a response curve with its interval.
type CurvePoint struct {
	Spend float64 `json:"spend"`
	Mean  float64 `json:"mean"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// AdstockWeights is a channel's carryover: the share of a period's effect
// felt at lag 0, 1, 2, … with intervals.
type AdstockWeights struct {
	Channel string     `json:"channel"`
	Weights []Interval `json:"weights"`
}
