// Package pipeline runs triad's data flow: ingest and validate the three
// inputs, fit the MMM with and without lift tests, reconcile the methods,
// plan the budget and assemble the report.
//
// It takes a config.Config and knows nothing of flags or terminals; cmd/triad
// owns those and passes callbacks for progress and notices.
//
// Imports of triad packages: budget, calibrate, civil, internal/compare, internal/config, internal/manifest, internal/outdir, internal/panel, internal/tabular, lift, mmm, mta, report, sampler, stat.
package pipeline
