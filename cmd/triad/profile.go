package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts the CPU profile that the hidden --cpuprofile asks
// for (a debugging aid: where a run or a batch spends its CPU); main stops
// it after the command, whatever its outcome.
func (g *globalOptions) startProfile() error {
	if g.cpuProfile == "" || g.profile != nil {
		return nil
	}
	f, err := os.Create(g.cpuProfile)
	if err != nil {
		return usageError{fmt.Sprintf("--cpuprofile: %v", err)}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	g.profile = f
	return nil
}

func (g *globalOptions) stopProfile() {
	if g.profile == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := g.profile.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "triad: --cpuprofile: %v\n", err)
	}
	g.profile = nil
}
