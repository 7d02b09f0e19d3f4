// Package config defines triad's configuration: the keys of the YAML file,
// their defaults, their decoding into typed values, their validation and
// the loader (Load) that merges the file, TRIAD_<SECTION>_<KEY>
// environment variables and command-line overrides with viper. Unknown
// keys are errors wherever they come from: a key of the file or a TRIAD_*
// variable that names no key.
//
// Every mode is decoded into its type once, by the one decoder of both
// paths (unmarshal): the libraries' own types (mmm.Likelihood,
// mmm.KPIType, mmm.MediaPrior, mmm.AdstockKind, mmm.SaturationKind, mmm.Method,
// lift.Format), each with its one list of spellings, and this package's
// CalibrationMode and BudgetObjective. Library code takes a Config without
// knowing where it came from.
//
// It may import viper, the standard library and the library packages
// whose types and defaults it decodes (mmm, lift, sampler); never the
// pipeline or the command.
//
// Imports of triad packages: civil, lift, mmm, sampler, stat.
package config
