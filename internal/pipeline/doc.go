// Package pipeline runs triad's data flow: ingest and validate the three
// inputs, fit the MMM with and without lift tests, reconcile the methods,
// plan the budget and assemble the report.
//
// It takes a config.Config and knows nothing of flags or terminals; cmd/triad
// owns those and passes callbacks for progress and notices.
package pipeline
