// Package testworld is the one description of the repository's seed-1
// simulated world (testdata/world, written by internal/simulate) that tests
// build their inputs from: where its files are and what its config.yaml
// says the panel holds. The world tests of lift, mta and the pipeline read
// it instead of spelling the channels out by hand, so a regenerated world
// cannot leave one of them behind.
//
// A missing world is a failure, not a skip: a test that cannot run must
// not pass.
//
// Imports of triad packages: internal/panel.
package testworld
