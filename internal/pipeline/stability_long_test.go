//go:build long

package pipeline

import (
	"fmt"
	"testing"
)

// TestStabilityLong is the quarterly stability target on worlds 1–10 with
// the default NUTS fit (4 chains × 1000 + 1000): a refit with 13 more
// weeks keeps ≥ 90% of channels' new ROI inside the old 90% interval and
// moves ROI by ≤ 15% on average; one new precise lift test moves the
// tested channel toward it and every other channel by less than its
// interval width.
func TestStabilityLong(t *testing.T) {
	var inside, channels, toward, othersInside, others int
	var relMove, maxOther float64
	for seed := uint64(1); seed <= 10; seed++ {
		s := measureStability(t, seed, "nuts", 4, 1000, 1000)
		t.Logf("seed %2d: %d/%d inside, mean move %.1f%%; test on %s: ROI %.3g → %.3g (test iROAS %.3g), others inside %d/%d (largest move %.2f of the width)",
			seed, s.inside, s.channels, 100*s.relMove/float64(s.channels), s.tested, s.testedOld, s.testedNew, s.testedIROAS, s.othersInside, s.others, s.maxOtherRatio)
		inside, channels, relMove = inside+s.inside, channels+s.channels, relMove+s.relMove
		if s.toward {
			toward++
		}
		othersInside, others, maxOther = othersInside+s.othersInside, others+s.others, max(maxOther, s.maxOtherRatio)
	}
	cover, move := float64(inside)/float64(channels), relMove/float64(channels)
	summary := fmt.Sprintf("13 more weeks: %d/%d = %.1f%% inside the old 90%% interval, mean ROI move %.1f%%; new precise test: tested channel toward it on %d/10 worlds, other channels within their interval width %d/%d (largest %.2f)",
		inside, channels, 100*cover, 100*move, toward, othersInside, others, maxOther)
	t.Log(summary)
	if cover < 0.9 || move > 0.15 || toward < 10 || othersInside < others {
		t.Error("stability target missed: " + summary)
	}
}
