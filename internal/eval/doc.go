// Package eval measures how well a triad report recovers the truth of a
// simulated world.
//
// A world from internal/simulate keeps every parameter of the process that
// made its data; a report is what triad concluded from that data alone. The
// functions here put the two side by side and compute the figures the
// project's targets are stated in: whether the credible intervals of ROI
// cover the truth, how far ROI and contribution estimates are from it, what
// calibration by lift tests changed for tested and untested channels, how
// close the incrementality factors of the digital channels come, and how
// much of the truly achievable budget gain the recommended plan earns.
//
// The metric functions are plain arithmetic on values, so they are tested on
// hand-made inputs; Evaluate assembles them for one world and one report, and
// Summary pools many worlds into the table the issue notes quote.
//
// Imports of triad packages: internal/simulate, report, stat.
package eval
