package report

// Channel is one media channel seen by every method.
type Channel struct {
	Name string `json:"name"`
	// Offline says MTA cannot see the channel (TV, OOH, …); nil when no
	// one said and there is no MTA export to tell.
	Offline *bool   `json:"offline"`
	Spend   float64 `json:"spend"`
	// MMM is the model without lift tests, Calibrated the model with them
	// (nil when calibration is off).
	MMM        ChannelEstimates  `json:"mmm"`
	Calibrated *ChannelEstimates `json:"calibrated"`
	// MTA is nil for channels without MTA data.
	MTA      *MTAEstimates `json:"mta"`
	Flags    []Flag        `json:"flags"`
	Quarters []QuarterRow  `json:"quarters"`
}

// ChannelEstimates are one model's posterior summaries for a channel.
type ChannelEstimates struct {
	ROI          Interval `json:"roi"`  // contribution / spend
	MROI         Interval `json:"mroi"` // d contribution / d spend at +1% spend
	Contribution Interval `json:"contribution"`
	// CPIK is spend / contribution, for count KPIs. Nil means "derive it
	// from Contribution", which the renderers do.
	CPIK *Interval `json:"cpik,omitempty"`
	// RevenueROI is incremental revenue / spend when revenue per KPI turns
	// a count KPI into revenue: Meridian's ROI beside the cost per KPI.
	RevenueROI *Interval `json:"revenue_roi,omitempty"`
	// OptimalFrequency is set for reach and frequency channels.
	OptimalFrequency *OptimalFrequency `json:"optimal_frequency,omitempty"`
}

// OptimalFrequency is the average frequency per period at which a reach
// and frequency channel's ROI peaks with its spend and impressions held
// (Meridian's optimal frequency), the ROI there, and the frequency the
// panel shows (impressions over reach).
type OptimalFrequency struct {
	Frequency Interval `json:"frequency"`
	ROI       Interval `json:"roi"`
	Current   float64  `json:"current"`
}

// MTAEstimates are the MTA export's numbers for a channel.
type MTAEstimates struct {
	Attributed float64 `json:"attributed"`
	ROAS       float64 `json:"roas"` // attributed / spend
	// IncrementalityFactor is calibrated MMM contribution / MTA attributed
	// over the period: below 1, MTA over-credits the channel.
	IncrementalityFactor Interval `json:"incrementality_factor"`
}

// Flag codes. Codes are stable identifiers; messages are for people.
const (
	FlagExperimentDisagrees = "experiment_disagrees" // |z| > 2 against the MMM alone
	FlagMTAOverclaims       = "mta_overclaims"       // IF < 0.5
	FlagMTAUnderclaims      = "mta_underclaims"      // IF > 2
	FlagUntested            = "untested"             // no lift test entered the fit
	FlagStaleTest           = "stale_test"           // the newest test is older than the half-life
	FlagPoorConvergence     = "poor_convergence"     // R-hat > 1.05 or ESS < 100
	// FlagPriorDominated: the channel's ROI posterior is its prior (the
	// data said nothing about it).
	FlagPriorDominated = "prior_dominated"
	// FlagPriorConflict: the priors and the data disagree (an implausible
	// implied media share, a fit the priors hold back, a posterior piled
	// in a tail of its prior).
	FlagPriorConflict = "prior_conflict"
	// FlagPriorDriven: the channel's ROI moves by more than half its
	// interval under a wider or shifted prior; the budget plan keeps its
	// spend.
	FlagPriorDriven = "prior_driven"
)

// Flag is a finding worth a person's attention.
type Flag struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// QuarterRow is a channel's reconciliation within one calendar quarter.
type QuarterRow struct {
	Quarter                string    `json:"quarter"` // 2024Q1
	Spend                  float64   `json:"spend"`
	MMMContribution        Interval  `json:"mmm_contribution"`
	CalibratedContribution *Interval `json:"calibrated_contribution"`
	MTAAttributed          float64   `json:"mta_attributed"`
	// IncrementalityFactor is nil without MTA data for the quarter.
	IncrementalityFactor *Interval `json:"incrementality_factor"`
}

// UnmappedChannel is an MTA channel that maps to no MMM channel.
type UnmappedChannel struct {
	Name       string  `json:"name"`
	Rows       int     `json:"rows"`
	Attributed float64 `json:"attributed"`
}
