package config

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
	KPI          string    `mapstructure:"kpi"`
	KPIType      string    `mapstructure:"kpi_type"` // revenue | count
	Date         string    `mapstructure:"date"`
	Geo          string    `mapstructure:"geo"`
	Channels     []Channel `mapstructure:"channels"`
	Controls     []string  `mapstructure:"controls"`
	FourierOrder int       `mapstructure:"fourier_order"`
	Trend        bool      `mapstructure:"trend"`
	Likelihood   string    `mapstructure:"likelihood"` // normal | student_t
	StudentNu    float64   `mapstructure:"student_nu"`
	Holdout      int       `mapstructure:"holdout"` // periods at the end kept out of the fit
	// Weekday switches day-of-week effects on or off; unset, they are on
	// for daily panels (and impossible for coarser ones).
	Weekday *bool `mapstructure:"weekday"`
}

// Channel is one media channel of the panel.
type Channel struct {
	Name        string `mapstructure:"name"`
	Spend       string `mapstructure:"spend"`
	Impressions string `mapstructure:"impressions"`
	// Offline marks channels MTA cannot see (TV, out-of-home, print). When
	// unset, a channel without any MTA rows is treated as offline.
	Offline    *bool  `mapstructure:"offline"`
	Adstock    string `mapstructure:"adstock"`    // geometric | delayed | weibull
	MaxLag     int    `mapstructure:"max_lag"`    // periods
	Saturation string `mapstructure:"saturation"` // hill | logistic
	// ROIPrior overrides the default LogNormal ROI prior (on the log scale).
	ROIPrior *LogNormal `mapstructure:"roi_prior"`
	// The other priors, each overriding its default when set: adstock decay
	// α (geometric, delayed), peak lag θ as a share of max_lag (delayed),
	// Weibull shape and scale (scale as a share of max_lag+1 periods), Hill
	// half-saturation K and slope, logistic rate λ (K and λ on spend scaled
	// to 1 = the channel's mean spend).
	AlphaPrior  *Beta      `mapstructure:"alpha_prior"`
	ThetaPrior  *Beta      `mapstructure:"theta_prior"`
	ShapePrior  *LogNormal `mapstructure:"shape_prior"`
	ScalePrior  *Beta      `mapstructure:"scale_prior"`
	KPrior      *LogNormal `mapstructure:"k_prior"`
	SlopePrior  *LogNormal `mapstructure:"slope_prior"`
	LambdaPrior *LogNormal `mapstructure:"lambda_prior"`
}

// LogNormal is a prior given by the mean and SD of log x.
type LogNormal struct {
	Mu    float64 `mapstructure:"mu"`
	Sigma float64 `mapstructure:"sigma"`
}

// Beta is a Beta(A, B) prior.
type Beta struct {
	A float64 `mapstructure:"a"`
	B float64 `mapstructure:"b"`
}

// Sampler chooses the inference method and its settings.
type Sampler struct {
	Method       string  `mapstructure:"method"` // nuts | laplace
	Chains       int     `mapstructure:"chains"`
	Warmup       int     `mapstructure:"warmup"`
	Draws        int     `mapstructure:"draws"`
	Seed         uint64  `mapstructure:"seed"`
	MaxTreeDepth int     `mapstructure:"max_tree_depth"`
	TargetAccept float64 `mapstructure:"target_accept"`
}

// Calibration controls how lift tests enter the model.
type Calibration struct {
	Mode          string  `mapstructure:"mode"`   // counterfactual | roi_prior | none
	Format        string  `mapstructure:"format"` // canonical | robyn | pymc | geolift
	Tau           float64 `mapstructure:"tau"`    // mismatch allowance, KPI units
	HalfLifeWeeks float64 `mapstructure:"half_life_weeks"`
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
	Objective string          `mapstructure:"objective"` // mean | quantile
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
