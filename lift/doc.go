// Package lift reads incrementality (lift) test results into canonical
// records, derives their standard errors and checks them against the MMM's
// panel before calibration.
//
// # Canonical layout
//
// One row per test. Required: test_id, channel, start_date, end_date
// (inclusive treatment window), spend (spend the test moved in the treated
// scope: withheld by a holdout, added by a heavy-up) and the estimate,
// incremental_kpi or iroas (then incremental = iroas × spend). Optional:
// scope_share (default 1), test_type (holdout, heavy_up, conversion_lift),
// cooldown_end (measurement continued to this day), include (default true),
// geos (a geo test's treated geos, ';'-separated; each must be one of
// ParseOptions.Geos, the panel's geos). A geo test without scope_share
// takes its geos' share of the channel's spend in the window
// (SetGeoScopes); a scope_share the file gives wins.
//
// The standard error comes from the first of these a row has:
//
//	se                                   given
//	ci_lower, ci_upper, confidence       two-sided: se = (U − L) / (2·z((1+c)/2))
//	  with ci_sided = lower              se = (est − L) / z(c)
//	  with ci_sided = upper              se = (U − est) / z(c)
//	p_value                              se = |est| / z(1 − p/2)   (weakest; warned)
//
// confidence may be written 0.9 or 90. When the estimate is given as iroas,
// se and the interval are read on the iROAS scale and multiplied by spend.
// A row without any of these is an error unless ParseOptions.RelativeSE is
// set (calibration.relative_se), in which case se = RelativeSE × |est| with a
// warning.
//
// # Adapters
//
// Robyn's calibration_input (channel, liftStartDate, liftEndDate, liftAbs,
// spend, confidence, metric, calibration_scope). Robyn uses a point estimate
// only, and documents confidence as "1 − p-value" of a frequentist test, so
// triad derives se = |liftAbs| / z((1 + confidence)/2), warned as the weakest
// source; an optional se column overrides it and RelativeSE is the fallback.
// calibration_scope "immediate" measures the window only; "total" means the
// lift includes carryover, taken to last ParseOptions.TotalScopeDays (default
// 56) after liftEndDate, clipped to the panel. Combined channels ("a+b") are
// rejected. Test ids are robyn-<row> unless a test_id column is present.
//
// PyMC-Marketing lift frames (channel, x, delta_x, delta_y, sigma, as given to
// add_lift_test_measurements). x and delta_x are per-period spend levels and
// delta_y the per-period lift they compare with saturation(x + delta_x) −
// saturation(x). A row becomes a test over its start_date..end_date if the
// frame has them, else over the whole panel; with n the number of periods in
// that window: Spend = |delta_x|·n, BaseSpend = x·n, Incremental =
// delta_y·sign(delta_x)·n, SE = sigma·n, holdout when delta_x < 0 and
// heavy-up when delta_x > 0. The measured iROAS delta_y/delta_x is unchanged.
//
// GeoLift summaries, one row per test, with columns named after GeoLift's
// summary: channel, start_date, end_date, spend, incremental, lower, upper
// (the conformal interval), confidence (default 0.9, GeoLift's default),
// p_value, and optionally test_id (default geolift-<row>), se, ci_sided,
// scope_share (share of the KPI in the treated markets), test_type,
// cooldown_end, include, location (the treated locations, ',' or
// ';'-separated as GeoLiftMarketSelection lists them, matched to the
// panel's geos ignoring case since GeoLift lower-cases them). The SE rules are those of the canonical layout.
//
// # Checks
//
// Check compares tests with the panel: window inside the panel and channel
// known (errors), spend within ±10% of the panel's spend in the window ×
// scope_share (warning; skipped for heavy-ups unless the base spend is
// known), significantly negative (est + 1.645·se < 0), stale (ended more than
// the half-life before the panel's end) and overlapping tests on one channel
// (info). CheckCarryover flags tests shorter than the channel's carryover.
//
// Imports of triad packages: civil, internal/tabular.
package lift
