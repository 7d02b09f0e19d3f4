package config

// Defaults returns every scalar key with its default value, keyed by its
// dotted name. The loader registers them so that TRIAD_* environment
// variables can reach every key.
func Defaults() map[string]any {
	return map[string]any{
		"data.panel":                  "",
		"data.lift_tests":             "",
		"data.mta":                    "",
		"model.kpi":                   "",
		"model.kpi_type":              "revenue",
		"model.date":                  "date",
		"model.geo":                   "",
		"model.controls":              []string{},
		"model.fourier_order":         2,
		"model.trend":                 true,
		"model.likelihood":            "normal",
		"model.student_nu":            5.0,
		"model.holdout":               0,
		"sampler.method":              "nuts",
		"sampler.chains":              4,
		"sampler.warmup":              1000,
		"sampler.draws":               1000,
		"sampler.seed":                1,
		"sampler.max_tree_depth":      10,
		"sampler.target_accept":       0.9,
		"calibration.mode":            "",
		"calibration.format":          "canonical",
		"calibration.tau":             0.0,
		"calibration.half_life_weeks": 52.0,
		"calibration.relative_se":     0.3,
		"mta.value":                   "attributed_kpi",
		"mta.date":                    "date",
		"mta.channel":                 "channel",
		"mta.campaign":                "campaign",
		"mta.spend":                   "",
		"mta.model":                   "",
		"mta.calibrated_csv":          false,
		"report.interval":             0.9,
		"budget.total":                0.0,
		"budget.bounds":               0.3,
		"budget.objective":            "mean",
		"budget.quantile":             0.2,
		"budget.target_roi":           0.0,
		"output.dir":                  "triad-out",
	}
}
