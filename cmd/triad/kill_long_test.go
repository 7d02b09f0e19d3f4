//go:build long

package main

import (
	"testing"
)

// TestKillLong SIGKILLs 20 runs with a 5M-row MTA export at random
// moments: see killRuns.
func TestKillLong(t *testing.T) {
	res := killRuns(t, 5_000_000, 20, 2026)
	t.Logf("5M-row MTA: run %.1fs, writing from %.1fs; outcomes %v; kills landed in %v",
		res.Run.Seconds(), res.WriteAt.Seconds(), res.Outcomes, res.Phases)
}
