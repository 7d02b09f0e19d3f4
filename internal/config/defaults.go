package config

import (
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// Defaults returns every scalar key with its default value, keyed by its
// dotted name. The loader registers them so that TRIAD_* environment
// variables can reach every key. Where a library owns a default (the
// sampler's settings, the MMM's target acceptance and Student-t degrees
// of freedom, the modes' zero values) the value here is that library's, so
// that each default has one source.
func Defaults() map[string]any {
	return map[string]any{
		"data.panel":                  "",
		"data.lift_tests":             "",
		"data.mta":                    "",
		"model.kpi":                   "",
		"model.kpi_type":              mmm.Revenue.String(),
		"model.media_prior":           mmm.AutoMediaPrior.String(),
		"model.date":                  "date",
		"model.geo":                   "",
		"model.geo_model":             GeoModelAuto.String(),
		"model.population":            "",
		"model.controls":              []string{},
		"model.fourier_order":         2,
		"model.trend":                 true,
		"model.likelihood":            mmm.NormalLikelihood.String(),
		"model.student_nu":            mmm.DefaultStudentNu,
		"model.holdout":               0,
		"model.revenue_per_kpi":       "",
		"model.factors":               []string{},
		"sampler.method":              mmm.NUTS.String(),
		"sampler.chains":              sampler.DefaultChains,
		"sampler.warmup":              sampler.DefaultWarmup,
		"sampler.draws":               sampler.DefaultDraws,
		"sampler.seed":                1,
		"sampler.max_tree_depth":      sampler.DefaultMaxTreeDepth,
		"sampler.target_accept":       mmm.DefaultTargetAccept,
		"sampler.metric":              "diag",
		"calibration.mode":            CalibrationAuto.String(),
		"calibration.format":          lift.Canonical.String(),
		"calibration.tau":             0.0,
		"calibration.half_life_weeks": 52.0,
		"calibration.relative_se":     0.3,
		"mta.value":                   "attributed_kpi",
		"mta.date":                    "date",
		"mta.channel":                 "channel",
		"mta.campaign":                "campaign",
		"mta.spend":                   "",
		"mta.model":                   "",
		"mta.geo":                     "",
		"mta.calibrated_csv":          false,
		"report.interval":             0.9,
		"budget.total":                0.0,
		"budget.bounds":               0.3,
		"budget.objective":            MeanObjective.String(),
		"budget.quantile":             0.2,
		"budget.target_roi":           0.0,
		"output.dir":                  "triad-out",
	}
}
