// Package atomicfile writes whole files so that a reader sees either the
// old file or the complete new one, never a half-written file: triad's
// outputs must not be left partial when a run fails or is interrupted.
//
// Imports of triad packages: none.
package atomicfile
