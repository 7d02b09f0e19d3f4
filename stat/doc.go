// Package stat holds the few summary statistics that the model, calibration,
// budget and sampler packages all need: sums and moments, the type-7
// quantile of sorted data and the central interval of posterior draws.
//
// It exists so that every package computes an interval the same way, with
// the same arithmetic in the same order: a report that shows the MMM's
// interval next to the calibrated one must not differ in the last digit
// because two copies of the quantile drifted apart. Interval is the one
// summary type those packages share.
//
// Imports of triad packages: none.
package stat
