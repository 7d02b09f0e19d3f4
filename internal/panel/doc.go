// Package panel loads the MMM input panel: one row per period (a day or a
// week), national, with the KPI, the spend of every media channel and the
// control variables.
//
// Load reads the configured columns through internal/tabular, sums a
// geo-level panel into a national one, and validates what the model assumes:
// dates that parse, are unique and evenly spaced; a KPI in every period;
// non-negative spend with no gaps; controls without gaps. Problems are
// reported as *tabular.CellError, naming the file, the 1-based data row and
// the column, so a user can go straight to the bad cell.
//
// A Panel also answers calendar questions other packages need (which period
// holds a day, how much was spent between two days), so that lift tests and
// MTA exports dated by day can be lined up with the panel's periods.
//
// Imports of triad packages: civil, internal/tabular, stat.
package panel
