// Package civil holds calendar dates without a time of day or zone.
//
// Marketing data is dated by day: a week is labelled by its first day and
// lift-test windows are inclusive day ranges. Keeping dates as a day count
// avoids time-zone surprises and makes date arithmetic exact.
//
// Imports of triad packages: none.
package civil
