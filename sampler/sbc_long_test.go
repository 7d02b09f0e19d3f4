//go:build long

package sampler

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSBCLong is the thorough calibration check: 4000 replications, 20 bins.
// Run with go test -tags long.
func TestSBCLong(t *testing.T) {
	ranks, l := sbcRanks(t, 4000, nil)
	for p, r := range ranks {
		x2 := chiSquareUniform(r, l, 20)
		t.Logf("parameter %d: chi-square %.1f, df 19", p, x2)
		assert.Lessf(t, x2, chi2Crit999[19], "parameter %d: chi-square %.1f, df 19", p, x2)
	}
}
