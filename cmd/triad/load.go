package main

import (
	"os"

	"github.com/spf13/pflag"

	demo "github.com/triad-mmm/triad"
	"github.com/triad-mmm/triad/internal/config"
)

// loadRunConfig loads --config, or, when none is given, the embedded demo
// world unpacked into a temporary directory (removed by cleanup). The demo
// writes to ./triad-out unless --out says otherwise.
func loadRunConfig(g *globalOptions, flags *pflag.FlagSet) (*config.Config, func(), error) {
	if g.config != "" {
		c, err := loadConfig(g.config, flags)
		return c, func() {}, err
	}
	dir, err := os.MkdirTemp("", "triad-demo-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	path, err := demo.ExtractDemo(dir)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	g.log.Info("no --config given: running on the embedded demo world", "data", "testdata/world/csv")
	c, err := loadConfig(path, flags)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	if fl := flags.Lookup("out"); fl == nil || !fl.Changed {
		c.Output.Dir = "triad-out"
	}
	return c, cleanup, nil
}
