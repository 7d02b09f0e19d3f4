// Package compare finds what changed between two runs of triad, the
// quarterly question: per channel the ROI, marginal ROI and contribution
// before and after with the probability that the ROI really moved (from
// the two runs' posterior draws), what the new data added, which lift
// tests arrived and what they moved, flags that appeared or went away,
// the budget plan's changes, and which inputs and settings differ.
//
// It reads output directories (report.json, manifest.json,
// posterior.parquet) and fills a report.Diff; it fits nothing (the
// pipeline refits for cause attribution and hands the results in).
//
// Imports of triad packages: internal/manifest, internal/tabular, report, stat.
package compare
