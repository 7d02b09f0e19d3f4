// Package report holds triad's report: a plain data model of what the MMM,
// the lift tests and the MTA export say about each channel, and its three
// renderings — report.json (a stable, versioned interface), report.md (for a
// terminal or a code review) and report.html (one self-contained file with
// inline SVG charts that works offline).
//
// The package knows nothing of models or samplers: the pipeline fills a
// Report with numbers and this package only shows them. The words are all
// here: the summary paragraph (Prose), the inputs summary of triad validate
// and data_summary.txt (DataSummary.Text), the flag messages and "test next"
// reasons of the reconciliation (flagtext.go), the budget and forecast tables of
// the optimize and forecast commands, and budget.json (MarshalBudget, the
// report's budget object through the same NaN-safe encoder). Every estimate is an
// Interval at the report's credible level. Unknown numbers are NaN in Go and
// null in JSON; the renderers never fail on them and never emit NaN or Inf.
//
// Imports of triad packages: civil, internal/atomicfile, stat.
package report
