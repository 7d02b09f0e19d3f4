//go:build long

package mmm

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/sampler"
)

// TestRecoveryLong fits 20 simulated worlds with the default sampler
// settings and checks the calibration of the 90% intervals.
// Run: go test -tags long -run RecoveryLong -v -timeout 60m ./mmm
func TestRecoveryLong(t *testing.T) {
	var rs []recovery
	for seed := uint64(1); seed <= 20; seed++ {
		r := recoverWorld(t, seed, FitConfig{Sampler: sampler.Config{Seed: seed}}, 0.9)
		assert.Less(t, r.rhat, 1.05, "seed %d", seed)
		rs = append(rs, r)
	}
	cov := reportRecovery(t, rs)
	assert.GreaterOrEqual(t, cov, 0.8)
	assert.LessOrEqual(t, cov, 0.99)
}

// TestCalibrationLong fits the same worlds with their lift tests: the ROI
// intervals of tested channels must narrow and still cover, and the
// predicted lifts must cover the true lifts.
// Run: go test -tags long -run CalibrationLong -v -timeout 60m ./mmm
func TestCalibrationLong(t *testing.T) {
	var alone, cal []recovery
	for seed := uint64(1); seed <= 10; seed++ {
		cfg := FitConfig{Sampler: sampler.Config{Seed: seed}}
		alone = append(alone, recoverWorldLifts(t, seed, cfg, 0.9, false))
		cal = append(cal, recoverWorldLifts(t, seed, cfg, 0.9, true))
	}
	t.Log("MMM alone:")
	reportRecovery(t, alone)
	t.Log("calibrated:")
	cov := reportRecovery(t, cal)
	var wa, wc float64
	var lifts, covered, tested int
	for i := range cal {
		wa += alone[i].testedWidth
		wc += cal[i].testedWidth
		tested += cal[i].tested
		lifts += cal[i].lifts
		covered += cal[i].liftsCovered
	}
	t.Logf("tested channels: mean log interval width %.3f alone, %.3f calibrated; lifts covered %d/%d",
		wa/float64(tested), wc/float64(tested), covered, lifts)
	assert.Less(t, wc, wa)
	assert.GreaterOrEqual(t, cov, 0.8)
}
