package batchtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Manifest writes dir/runs.yaml: output_root dir/out and runs m1..mN (seeds
// 1..N, 2 chains × (60 + 60) draws of the seed-1 world's panel, no lift
// tests or MTA), plus m99, whose panel dir/missing.csv does not exist, when
// bad. It returns the manifest's path.
func Manifest(dir string, runs int, bad bool) (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("batchtest: no caller information")
	}
	here := filepath.Dir(file)
	panel := filepath.Join(here, "..", "..", "..", "testdata", "world", "csv", "panel.csv")
	var b strings.Builder
	fmt.Fprintf(&b, "output_root: out\ntemplate:\n  config: %s\n  name: m${seed}\n  table:\n", filepath.Join(here, "template.yaml"))
	for i := 1; i <= runs; i++ {
		fmt.Fprintf(&b, "    - {seed: %d, panel: %q}\n", i, panel)
	}
	if bad {
		fmt.Fprintf(&b, "    - {seed: 99, panel: %q}\n", filepath.Join(dir, "missing.csv"))
	}
	p := filepath.Join(dir, "runs.yaml")
	return p, os.WriteFile(p, []byte(b.String()), 0o644)
}
