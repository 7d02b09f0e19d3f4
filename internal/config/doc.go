// Package config defines triad's configuration: the keys of the YAML file,
// their defaults, their validation and the loader (Load) that merges the
// file, TRIAD_<SECTION>_<KEY> environment variables and command-line
// overrides with viper. Unknown keys are errors wherever they come from: a
// key of the file or a TRIAD_* variable that names no key.
//
// It imports viper and the standard library only, so that library code can
// take a Config without knowing where it came from.
package config
