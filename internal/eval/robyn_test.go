package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// robynDir holds Robyn's demo data, its own calibration_input and that
// file's single-channel rows.
var robynDir = filepath.Join("..", "..", "testdata", "peers", "robyn")

// robynRun runs triad on Robyn's demo in mode by Laplace; tests, when not
// empty, replaces the calibration_input.
func robynRun(t *testing.T, mode config.CalibrationMode, tests string) *report.Report {
	t.Helper()
	cfg := loadConfig(t, filepath.Join(robynDir, "config.yaml"))
	if tests != "" {
		p := filepath.Join(t.TempDir(), "calibration_input.csv")
		require.NoError(t, os.WriteFile(p, []byte(tests), 0o644))
		cfg.Data.LiftTests = p
	}
	return runConfig(t, cfg, func(c *config.Config) {
		c.Calibration.Mode = mode
		c.Sampler.Method = mmm.Laplace
		c.Sampler.Draws = 400
	})
}

// logDist is the distance of a channel's ROI from its test on the log
// scale, where both calibration modes weigh evidence.
func logDist(roi, test float64) float64 { return math.Abs(math.Log(roi) - math.Log(test)) }

// Robyn's demo with Robyn's own tests: in both modes every tested channel
// moves toward its test; in roi_prior mode the calibrated ROI lies between
// the MMM alone and the test (a test's prior combines with the channel's
// and never loosens it), and a more precise test pulls it closer.
func TestRobynCalibrationMovesTowardTests(t *testing.T) {
	if testing.Short() {
		t.Skip("five Laplace fits of Robyn's demo")
	}
	b, err := os.ReadFile(filepath.Join(robynDir, "calibration_single_channel.csv"))
	require.NoError(t, err)
	precise := strings.NewReplacer(",0.85,", ",0.9999,", ",0.8,", ",0.9999,").Replace(string(b))
	require.NotEqual(t, string(b), precise)

	runs := map[string]*report.Report{
		"roi_prior":      robynRun(t, config.ROIPrior, ""),
		"counterfactual": robynRun(t, config.Counterfactual, ""),
		"precise":        robynRun(t, config.ROIPrior, precise),
	}
	for _, e := range runs["roi_prior"].Experiments {
		test := e.MeasuredIROAS.Mean
		for name, r := range runs {
			ch := channelByName(t, r, e.Channel)
			alone, cal := ch.MMM.ROI.Mean, ch.Calibrated.ROI.Mean
			t.Logf("%s %s: test %.3g, MMM alone %.3g, calibrated %.3g", name, e.Channel, test, alone, cal)
			assert.Less(t, logDist(cal, test), logDist(alone, test), "%s %s moves toward its test", name, e.Channel)
			if name != "counterfactual" {
				assert.True(t, (cal-alone)*(cal-test) <= 0, "%s %s: calibrated between alone and test", name, e.Channel)
			}
		}
		loose := channelByName(t, runs["roi_prior"], e.Channel).Calibrated.ROI.Mean
		tight := channelByName(t, runs["precise"], e.Channel).Calibrated.ROI.Mean
		assert.Less(t, logDist(tight, test), logDist(loose, test), "%s: a precise test pulls harder", e.Channel)
	}
	// The calibrated priors are never wider than the channels' own.
	for _, pc := range runs["roi_prior"].Priors.Channels {
		if pc.Calibrated != nil {
			assert.LessOrEqual(t, pc.Calibrated.Sigma, pc.Sigma, pc.Name)
		}
	}
}

func channelByName(t *testing.T, r *report.Report, name string) report.Channel {
	t.Helper()
	for _, ch := range r.Channels {
		if ch.Name == name {
			require.NotNil(t, ch.Calibrated, name)
			return ch
		}
	}
	t.Fatalf("no channel %s", name)
	return report.Channel{}
}
