package calibrate

import (
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// Flag codes, stable identifiers for the report.
const (
	FlagExperimentDisagrees = "experiment_disagrees" // a test's |z| against the MMM alone exceeds 2
	FlagMTAOverclaims       = "mta_overclaims"       // IF < 0.5: MTA credits more than twice the causal contribution
	FlagMTAUnderclaims      = "mta_underclaims"      // IF > 2: MTA credits less than half of it
	FlagUntested            = "untested"             // no lift test entered the fit
	FlagStaleTest           = "stale_test"           // the newest test is older than the half-life
	FlagPoorConvergence     = "poor_convergence"     // R-hat of the channel's ROI > 1.05 or ESS < 100
)

// Thresholds of the flags.
const (
	OverclaimIF  = 0.5
	UnderclaimIF = 2
	MaxRHat      = 1.05
	MinESS       = 100
)

// Flag is a finding about a channel or a test, with a message in plain words.
type Flag struct {
	Code    string
	Message string
}

// addFlags sets the channel flags from the experiments and the MTA figures.
func addFlags(in Input, r *Result) {
	for c := range r.Channels {
		ch := &r.Channels[c]
		var used, excluded int
		newest := math.Inf(1) // age of the newest used test, weeks
		var disagree []string
		for _, e := range r.Experiments {
			if e.Channel != ch.Name {
				continue
			}
			if e.Disagrees {
				disagree = append(disagree, fmt.Sprintf("test %s measured iROAS %s against %s predicted by the MMM alone (z = %.1f)",
					e.TestID, num(e.Measured.Mean), num(e.MMM.Mean), *e.Z))
			}
			if e.Used {
				used++
				newest = min(newest, e.AgeWeeks)
			} else {
				excluded++
			}
		}
		if len(disagree) > 0 {
			ch.Flags = append(ch.Flags, Flag{FlagExperimentDisagrees, strings.Join(disagree, "; ")})
		}
		if m := ch.MTA; m != nil && m.IF != nil {
			switch {
			case m.IF.Mean < OverclaimIF:
				ch.Flags = append(ch.Flags, Flag{FlagMTAOverclaims, fmt.Sprintf("MTA attributes %s× the calibrated contribution (incrementality factor %s)",
					num(1/m.IF.Mean), intervalText(*m.IF))})
			case m.IF.Mean > UnderclaimIF:
				ch.Flags = append(ch.Flags, Flag{FlagMTAUnderclaims, fmt.Sprintf("MTA attributes only %.0f%% of the calibrated contribution (incrementality factor %s)",
					100/m.IF.Mean, intervalText(*m.IF))})
			}
		}
		switch {
		case used == 0 && excluded > 0:
			ch.Flags = append(ch.Flags, Flag{FlagUntested, fmt.Sprintf("no lift test entered the fit (%d excluded)", excluded)})
		case used == 0:
			ch.Flags = append(ch.Flags, Flag{FlagUntested, "no lift test"})
		case newest > in.HalfLifeWeeks:
			ch.Flags = append(ch.Flags, Flag{FlagStaleTest, fmt.Sprintf("the newest test ended %.0f weeks before %v (half-life %.0f weeks)",
				newest, in.AsOf, in.HalfLifeWeeks)})
		}
		rh, ess := in.Channels[c].RHat, in.Channels[c].ESS
		if (stat.Finite(rh) && rh > MaxRHat) || (stat.Finite(ess) && ess > 0 && ess < MinESS) {
			ch.Flags = append(ch.Flags, Flag{FlagPoorConvergence, fmt.Sprintf("ROI sampled poorly (R-hat %.3f, ESS %.0f): treat its interval with caution", rh, ess)})
		}
	}
}

// HasFlag reports whether the channel carries the flag code.
func (r ChannelResult) HasFlag(code string) bool {
	for _, f := range r.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}
