package eval

import (
	"fmt"

	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
)

// ChannelResult is one channel of one world: its truth and both models'
// ROI estimates.
type ChannelResult struct {
	Name    string
	Spend   float64
	TrueROI float64
	// Tested is true when an included lift test on the channel entered
	// the calibrated fit.
	Tested     bool
	Alone      report.Interval
	Calibrated report.Interval // Unknown without calibration
}

// Result holds every metric of one world.
type Result struct {
	Seed uint64
	// Alone is the MMM without lift tests, Calibrated the MMM with them,
	// over all channels; the Tested and Untested pairs split the channels
	// by whether a test entered the calibrated fit. The calibrated ones
	// are zero when HasCalibrated is false.
	HasCalibrated                     bool
	Alone, Calibrated                 Accuracy
	TestedAlone, TestedCalibrated     Accuracy
	UntestedAlone, UntestedCalibrated Accuracy
	Channels                          []ChannelResult
	// IF scores the digital channels (those MTA sees and the world
	// attributes KPI to).
	IF []IFScore
	// Budget is nil when the report has no budget section.
	Budget *BudgetScore
}

// Evaluate scores report r against the truth of world w, the world r was
// computed from. Every channel of w must be in r; the report's experiments
// tell which channels were tested.
func Evaluate(w *simulate.World, r *report.Report) (Result, error) {
	res := Result{Seed: w.Options.Seed}
	byName := make(map[string]int, len(r.Channels))
	for i, ch := range r.Channels {
		byName[ch.Name] = i
	}
	tested := map[string]bool{}
	for _, e := range r.Experiments {
		if e.Used {
			tested[e.Channel] = true
		}
	}
	res.HasCalibrated = true
	var alone, cal, tAlone, tCal, uAlone, uCal []Pair
	for _, tc := range w.Truth.Channels {
		i, ok := byName[tc.Name]
		if !ok {
			return Result{}, fmt.Errorf("eval: channel %q of the world is not in the report", tc.Name)
		}
		rc := r.Channels[i]
		cr := ChannelResult{Name: tc.Name, Spend: tc.Spend, TrueROI: tc.ROI, Tested: tested[tc.Name],
			Alone: rc.MMM.ROI, Calibrated: report.Unknown}
		pa := Pair{Channel: tc.Name, Spend: tc.Spend, TrueROI: tc.ROI, TrueContribution: tc.Contribution,
			ROI: rc.MMM.ROI, Contribution: rc.MMM.Contribution}
		alone = append(alone, pa)
		if cr.Tested {
			tAlone = append(tAlone, pa)
		} else {
			uAlone = append(uAlone, pa)
		}
		if rc.Calibrated == nil {
			res.HasCalibrated = false
		} else {
			cr.Calibrated = rc.Calibrated.ROI
			pc := pa
			pc.ROI, pc.Contribution = rc.Calibrated.ROI, rc.Calibrated.Contribution
			cal = append(cal, pc)
			if cr.Tested {
				tCal = append(tCal, pc)
			} else {
				uCal = append(uCal, pc)
			}
		}
		res.Channels = append(res.Channels, cr)
		if tc.IncrementalityFactor != nil && rc.MTA != nil {
			res.IF = append(res.IF, IFScore{Channel: tc.Name, Est: rc.MTA.IncrementalityFactor, True: *tc.IncrementalityFactor})
		}
	}
	res.Alone, res.TestedAlone, res.UntestedAlone = Score(alone), Score(tAlone), Score(uAlone)
	if res.HasCalibrated {
		res.Calibrated, res.TestedCalibrated, res.UntestedCalibrated = Score(cal), Score(tCal), Score(uCal)
	} else {
		for i := range res.Channels {
			res.Channels[i].Calibrated = report.Unknown
		}
	}
	if r.Budget != nil {
		b, err := ScoreBudget(w, r.Budget)
		if err != nil {
			return Result{}, err
		}
		res.Budget = &b
	}
	return res, nil
}
