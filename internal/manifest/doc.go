// Package manifest holds manifest.json, the record of one run that triad
// writes into its output directory: the triad version, the resolved
// configuration (every default filled in), each input file's path, size,
// row count and SHA-256, the seed, the choices the run made by itself
// (calibration mode, adstock and saturation kinds, lags, priors) and its
// timings. A later run reads it to compare against (triad diff, run
// --previous) or to repeat the same structure on new inputs (run --like).
//
// manifest.json is the last file of a run's generation (see
// internal/outdir): while a new generation is switched in it is absent, so
// a directory holding one holds a complete run. Read is the reader for
// other tools and commands.
//
// Imports of triad packages: internal/outdir, internal/tabular.
package manifest
