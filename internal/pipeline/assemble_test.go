package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/report"
)

// calibrate names its flag codes and report words them: the two must use
// the same identifiers, since report.json carries report's.
func TestFlagCodesAgree(t *testing.T) {
	for c := calibrate.FlagExperimentDisagrees; c <= calibrate.FlagPoorConvergence; c++ {
		f := flag(calibrate.Flag{Code: c, Disagreements: []calibrate.Disagreement{{TestID: "A"}}, IF: calibrate.Interval{Mean: 1, Lo: 1, Hi: 1}})
		assert.Equal(t, c.String(), f.Code)
		assert.NotEmpty(t, f.Message, c.String())
	}
	assert.Equal(t, report.FlagUntested, boost(calibrate.FlagUntested))
	assert.Equal(t, report.FlagStaleTest, boost(calibrate.FlagStaleTest))
	assert.Equal(t, "", boost(0))
}
