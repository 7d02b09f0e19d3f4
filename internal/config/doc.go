// Package config defines triad's configuration: the keys of the YAML file,
// their defaults and their validation.
//
// Loading (file, TRIAD_* environment variables, flags) is done by cmd/triad
// with viper; this package only holds the typed result so that library code
// can take a Config without knowing where it came from.
package config
