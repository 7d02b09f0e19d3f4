// Package mta reads multi-touch attribution exports, maps their platform
// channels onto the MMM's channels and aggregates them to the panel's
// periods, and writes the "calibrated MTA": the same rows with the
// attributed KPI multiplied by its channel's incrementality factor.
//
// An export has one row per date × channel [× campaign]: date, channel,
// campaign, the attributed KPI (column named by Spec.Value), optionally
// spend and the attribution model. Files of millions of rows are streamed in
// batches, so memory stays bounded.
//
// Channel names are mapped exact match first, then case-insensitively; MMM
// channel names map to themselves unless an entry says otherwise. Rows of
// channels without a mapping are never dropped silently: Aggregate lists
// them with their row counts and attributed totals, and WriteCalibrated
// keeps them with a null calibrated value.
//
// Rows are placed in the panel period containing their date (period t covers
// Dates[t] .. Dates[t]+StepDays−1), so daily rows roll up to weeks that start
// on whatever weekday the panel's weeks start. Rows dated outside the panel
// are counted, not aggregated.
//
// An export holding several attribution models (an attribution_model column
// with more than one value) would double-count if summed: Spec.UseModel must
// then choose one.
//
// Imports of triad packages: civil, internal/tabular.
package mta
