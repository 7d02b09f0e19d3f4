package report

import "github.com/triad-mmm/triad/civil"

// SchemaVersion is the version of report.json's layout. It changes only
// when a field is removed or changes meaning; new fields may appear at any
// version.
const SchemaVersion = "1"

// KPI types: a revenue KPI is reported as ROI (incremental revenue per unit
// of spend), a count KPI (orders, sign-ups, an awareness score) as CPIK
// (spend per incremental unit).
const (
	KPIRevenue = "revenue"
	KPICount   = "count"
)

// Report is everything triad has to say after one run. The pipeline fills
// it; WriteJSON, WriteMarkdown and WriteHTML render it. Floats that are NaN
// are unknown (null in JSON, "n/a" in text); nil slices are written as [].
type Report struct {
	SchemaVersion string `json:"schema_version"` // SchemaVersion; the renderers fill it when empty
	Generator     string `json:"generator"`      // "triad <version>"
	Title         string `json:"title,omitempty"`
	KPI           string `json:"kpi"`      // the KPI column's name
	KPIType       string `json:"kpi_type"` // KPIRevenue or KPICount
	Currency      string `json:"currency,omitempty"`
	// Interval is the credible level of every Interval, e.g. 0.9.
	Interval        float64 `json:"interval"`
	CalibrationMode string  `json:"calibration_mode,omitempty"` // counterfactual | roi_prior | none

	Period Period `json:"period"`
	// Fit is the MMM alone (without lift tests); FitCalibrated the MMM
	// with them, nil when no calibration ran.
	Fit           Fit  `json:"fit"`
	FitCalibrated *Fit `json:"fit_calibrated"`

	Header Header `json:"header"`
	// Summary is the plain-language paragraph shown first.
	Summary string `json:"summary"`

	Channels    []Channel        `json:"channels"`
	Experiments []Experiment     `json:"experiments"`
	TestNext    []TestSuggestion `json:"test_next"`
	Budget      *Budget          `json:"budget"`
	// Priors are the MMM's ROI priors; nil when unknown.
	Priors *Priors `json:"priors"`
	// Unmapped lists MTA channels that no config mapping sent to an MMM
	// channel: reported, never dropped silently.
	Unmapped []UnmappedChannel `json:"unmapped_mta_channels"`
	Warnings []string          `json:"warnings"`

	// Geos are a geo-level fit's geos (absent for a national fit); GeoNote
	// says how geos were scaled when the panel had no population column.
	Geos    []Geo  `json:"geos,omitempty"`
	GeoNote string `json:"geo_note,omitempty"`

	// Inputs beyond paid media (inputs.go): revenue per KPI for a count
	// KPI, unpaid channels, treatments, factors.
	RevenuePerKPI *RevenuePerKPI `json:"revenue_per_kpi,omitempty"`
	Organic       []Organic      `json:"organic,omitempty"`
	Treatments    []Treatment    `json:"treatments,omitempty"`
	Factors       []Factor       `json:"factors,omitempty"`

	// SincePrevious compares the run with a previous one (triad run
	// --previous); nil otherwise, and then absent from report.json.
	SincePrevious *Diff `json:"since_previous,omitempty"`

	// Charts holds the series behind the charts, so users can re-plot.
	Charts Charts `json:"series"`
}

// Period is the modelled time span.
type Period struct {
	Start   civil.Date `json:"start"`
	End     civil.Date `json:"end"`   // the last day of the last period, as validate and the stale-test flags say
	Grain   string     `json:"grain"` // week | day
	Periods int        `json:"periods"`
	Geos    []string   `json:"geos,omitempty"`
}

// Fit is a model's goodness of fit and its sampler's convergence.
type Fit struct {
	R2    float64 `json:"r2"`
	MAPE  float64 `json:"mape"` // a fraction: 0.05 is 5%
	NRMSE float64 `json:"nrmse"`
	// Holdout is the fit on the last periods, held out of the fit; nil
	// when there was no holdout.
	Holdout *Holdout `json:"holdout"`

	RHatMax       float64 `json:"rhat_max"`     // NaN for the MAP + Laplace path
	ESSBulkMin    float64 `json:"ess_bulk_min"` // NaN for the MAP + Laplace path
	ESSTailMin    float64 `json:"ess_tail_min"`
	EBFMIMin      float64 `json:"ebfmi_min"`
	Divergences   int     `json:"divergences"`
	TreeDepthHits int     `json:"treedepth_hits"`
	Chains        int     `json:"chains"`
	Draws         int     `json:"draws"` // per chain
	Seconds       float64 `json:"seconds"`
	Method        string  `json:"method"` // nuts | laplace
	// Warnings are the sampler's and the fit's own warnings.
	Warnings []string `json:"warnings"`
}

// Holdout is the fit on a time holdout.
type Holdout struct {
	R2      float64 `json:"r2"`
	MAPE    float64 `json:"mape"`
	NRMSE   float64 `json:"nrmse"`
	Periods int     `json:"periods"`
}

// Header carries the key numbers for the first screen.
type Header struct {
	TotalKPI   float64 `json:"total_kpi"`
	TotalSpend float64 `json:"total_spend"`
	// MediaContribution is the calibrated model's total media
	// contribution (the MMM alone's when there is no calibration).
	MediaContribution Interval `json:"media_contribution"`
	// BaselineShare is the share of the KPI not driven by media.
	BaselineShare Interval `json:"baseline_share"`
	// MTAAttributed is the MTA export's attributed KPI over the period,
	// summed over the mapped channels.
	MTAAttributed float64 `json:"mta_attributed"`
	// OverClaim is Σ MTA attributed / calibrated media contribution of the
	// same channels: 1.5 means MTA claims 50% more than caused.
	OverClaim Interval `json:"over_claim"`
}
