//go:build long

package pipeline

import (
	"fmt"
	"testing"
)

// TestStabilityLong is the quarterly stability target on worlds 1–10 with
// the Laplace fit (4000 draws; NUTS, at 8 minutes a world on a shared
// machine, is TestStabilityNUTSLong on one world): a refit with 13 more
// weeks keeps ≥ 90% of channels' new ROI inside the old 90% interval and
// moves ROI by ≤ 15% on average; one new precise lift test moves the
// tested channel toward it (in its direction: the test measures its own
// window's iROAS, which the ROI over the whole panel need not equal) and every other channel by less than its
// interval width.
func TestStabilityLong(t *testing.T) {
	stabilityOver(t, 10, "laplace", 1, 10, 4000)
}

// TestStabilityNUTSLong is the same on world 1 with the default NUTS fit
// (4 chains × 1000 + 1000).
func TestStabilityNUTSLong(t *testing.T) {
	stabilityOver(t, 1, "nuts", 4, 1000, 1000)
}

func stabilityOver(t *testing.T, worlds uint64, method string, chains, warmup, draws int) {
	var inside, channels, toward, closer, othersInside, others int
	var relMove, maxOther float64
	for seed := uint64(1); seed <= worlds; seed++ {
		s := measureStability(t, seed, method, chains, warmup, draws)
		t.Logf("seed %2d: %d/%d inside, mean move %.1f%%; test on %s: ROI %.3g → %.3g (test iROAS %.3g), others inside %d/%d (largest move %.2f of the width)",
			seed, s.inside, s.channels, 100*s.relMove/float64(s.channels), s.tested, s.testedOld, s.testedNew, s.testedIROAS, s.othersInside, s.others, s.maxOtherRatio)
		inside, channels, relMove = inside+s.inside, channels+s.channels, relMove+s.relMove
		if s.toward {
			toward++
		}
		if s.closer {
			closer++
		}
		othersInside, others, maxOther = othersInside+s.othersInside, others+s.others, max(maxOther, s.maxOtherRatio)
	}
	cover, move := float64(inside)/float64(channels), relMove/float64(channels)
	summary := fmt.Sprintf("13 more weeks: %d/%d = %.1f%% inside the old 90%% interval, mean ROI move %.1f%%; new precise test: tested channel moved toward it on %d/%d worlds (and ended closer to it than it started on %d), other channels within their interval width %d/%d (largest %.2f)",
		inside, channels, 100*cover, 100*move, toward, worlds, closer, othersInside, others, maxOther)
	t.Log(summary)
	if cover < 0.9 || move > 0.15 || toward < int(worlds) || othersInside < others {
		t.Error("stability target missed: " + summary)
	}
}
