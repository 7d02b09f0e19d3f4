// Package batchtest writes small batch manifests for tests of triad batch
// and gather: short national runs of the repository's seed-1 world.
//
// Imports of triad packages: none.
package batchtest
