package config

import (
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
)

// Config is the whole run configuration. Field tags are the YAML keys.
type Config struct {
	Data        Data        `mapstructure:"data"`
	Model       Model       `mapstructure:"model"`
	Sampler     Sampler     `mapstructure:"sampler"`
	Calibration Calibration `mapstructure:"calibration"`
	MTA         MTA         `mapstructure:"mta"`
	Report      Report      `mapstructure:"report"`
	Budget      Budget      `mapstructure:"budget"`
	Output      Output      `mapstructure:"output"`
}

// Data names the input files. Relative paths are resolved against the
// directory of the config file.
type Data struct {
	Panel     string `mapstructure:"panel"`
	LiftTests string `mapstructure:"lift_tests"`
	MTA       string `mapstructure:"mta"`
}

// Model describes the panel's columns and the MMM's structure.
type Model struct {
	KPI     string      `mapstructure:"kpi"`
	KPIType mmm.KPIType `mapstructure:"kpi_type"`
	// MediaPrior is the family of the default ROI prior (auto, roi, share).
	MediaPrior mmm.MediaPrior `mapstructure:"media_prior"`
	Date       string         `mapstructure:"date"`
	Geo        string         `mapstructure:"geo"`
	// GeoModel chooses the geo model or today's sum to national; auto is
	// the geo model when Geo is set (Config.GeoModel).
	GeoModel GeoModel `mapstructure:"geo_model"`
	// Population names the geos' population column (constant or per
	// period); without it geos are scaled by their mean KPI.
	Population   string         `mapstructure:"population"`
	Channels     []Channel      `mapstructure:"channels"`
	Controls     []string       `mapstructure:"controls"`
	FourierOrder int            `mapstructure:"fourier_order"`
	Trend        bool           `mapstructure:"trend"`
	Likelihood   mmm.Likelihood `mapstructure:"likelihood"`
	StudentNu    float64        `mapstructure:"student_nu"`
	Holdout      int            `mapstructure:"holdout"` // periods at the end kept out of the fit
	// Weekday switches day-of-week effects on or off; unset, they are on
	// for daily panels (and impossible for coarser ones).
	Weekday *bool `mapstructure:"weekday"`

	// Inputs as Robyn and Meridian users bring them (inputs.go).
	RevenuePerKPI RevenuePerKPI `mapstructure:"revenue_per_kpi"`
	Factors       []string      `mapstructure:"factors"`
	Window        Window        `mapstructure:"window"`
	Organic       []Organic     `mapstructure:"organic"`
	Treatments    []Treatment   `mapstructure:"treatments"`
}

// Channel is one media channel of the panel.
type Channel struct {
	Name        string `mapstructure:"name"`
	Spend       string `mapstructure:"spend"`
	Impressions string `mapstructure:"impressions"`
	// Reach and Frequency make a reach and frequency channel (Meridian's
	// R&F media): the people reached per period and their average
	// frequency. Both or neither; not with Impressions.
	Reach     string `mapstructure:"reach"`
	Frequency string `mapstructure:"frequency"`
	// Offline marks channels MTA cannot see (TV, out-of-home, print). When
	// unset, a channel without any MTA rows is treated as offline.
	Offline    *bool              `mapstructure:"offline"`
	Adstock    mmm.AdstockKind    `mapstructure:"adstock"`
	MaxLag     int                `mapstructure:"max_lag"` // periods; 0 is the model's default
	Saturation mmm.SaturationKind `mapstructure:"saturation"`
	// ROIPrior overrides the default LogNormal ROI prior (on the log scale).
	ROIPrior *mmm.LogNormal `mapstructure:"roi_prior"`
	// Priors override the default priors of the adstock's and the
	// saturation's parameters. They are the channel's other keys, named
	// <parameter>_prior as the YAML spells them: alpha_prior: {a, b} for a
	// Beta prior, k_prior: {mu, sigma} for a LogNormal one (on the log
	// scale). The parameters are those of mmm's registered kinds
	// (mmm.ComponentParams); a prior for a parameter the channel's kinds
	// lack is accepted and unused, so one channel entry can carry the
	// priors of several kinds. Validate rejects any other key.
	Priors map[string]mmm.Prior `mapstructure:"<parameter>_prior"`
}

// Sampler chooses the inference method and its settings.
type Sampler struct {
	Method       mmm.Method `mapstructure:"method"`
	Chains       int        `mapstructure:"chains"`
	Warmup       int        `mapstructure:"warmup"`
	Draws        int        `mapstructure:"draws"`
	Seed         uint64     `mapstructure:"seed"`
	MaxTreeDepth int        `mapstructure:"max_tree_depth"`
	TargetAccept float64    `mapstructure:"target_accept"`
	// Metric is NUTS's mass matrix adapted in warmup: "diag" (Stan's
	// diag_e, the default) or "dense" (Stan's dense_e, shrunk towards its
	// diagonal), for posteriors whose correlations the model's own
	// whitening at the mode leaves.
	Metric string `mapstructure:"metric"`
}

// Calibration controls how lift tests enter the model.
type Calibration struct {
	Mode          CalibrationMode `mapstructure:"mode"`
	Format        lift.Format     `mapstructure:"format"`
	Tau           float64         `mapstructure:"tau"` // mismatch allowance, KPI units
	HalfLifeWeeks float64         `mapstructure:"half_life_weeks"`
	// RelativeSE is the SE assumed, relative to the estimate, for formats
	// that carry no uncertainty (Robyn's calibration_input).
	RelativeSE float64 `mapstructure:"relative_se"`
}

// MTA names the columns of the MTA export and maps its channels.
type MTA struct {
	Value    string `mapstructure:"value"`
	Date     string `mapstructure:"date"`
	Channel  string `mapstructure:"channel"`
	Campaign string `mapstructure:"campaign"`
	Spend    string `mapstructure:"spend"`
	Model    string `mapstructure:"model"`
	// Geo names the export's geo column: rows are aggregated per geo too
	// and calibrated with their geo's factor where the model has one.
	Geo string `mapstructure:"geo"`
	// UseModel selects one attribution model when the export mixes several.
	UseModel   string       `mapstructure:"use_model"`
	ChannelMap []ChannelMap `mapstructure:"channel_map"`
	// CalibratedCSV also writes the calibrated MTA rows as CSV.
	CalibratedCSV bool `mapstructure:"calibrated_csv"`
}

// ChannelMap maps one MTA platform channel onto an MMM channel.
type ChannelMap struct {
	MTA     string `mapstructure:"mta"`
	Channel string `mapstructure:"channel"`
}

// Report controls the report.
type Report struct {
	Interval float64 `mapstructure:"interval"`
}

// Budget controls the budget optimiser.
type Budget struct {
	Total     float64         `mapstructure:"total"` // 0: the period's spend
	Bounds    float64         `mapstructure:"bounds"`
	Objective BudgetObjective `mapstructure:"objective"`
	Quantile  float64         `mapstructure:"quantile"`
	TargetROI float64         `mapstructure:"target_roi"`
	Channels  []BudgetChannel `mapstructure:"channels"`
}

// BudgetChannel overrides the bounds of one channel.
type BudgetChannel struct {
	Name   string   `mapstructure:"name"`
	Min    *float64 `mapstructure:"min"`
	Max    *float64 `mapstructure:"max"`
	Locked bool     `mapstructure:"locked"`
}

// Output says where results go.
type Output struct {
	Dir string `mapstructure:"dir"`
}
