package calibrate

import (
	"math"
	"strconv"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// FlagCode identifies a channel flag. String gives the stable identifier
// the report uses ("mta_overclaims").
type FlagCode int

// Flag codes.
const (
	FlagExperimentDisagrees FlagCode = iota + 1 // a test's |z| against the MMM alone exceeds 2
	FlagMTAOverclaims                           // IF < 0.5: MTA credits more than twice the causal contribution
	FlagMTAUnderclaims                          // IF > 2: MTA credits less than half of it
	FlagUntested                                // no lift test entered the fit
	FlagStaleTest                               // the newest test is older than the half-life
	FlagPoorConvergence                         // R-hat of the channel's ROI > 1.05 or ESS < 100
)

var flagNames = [...]string{
	FlagExperimentDisagrees: "experiment_disagrees",
	FlagMTAOverclaims:       "mta_overclaims",
	FlagMTAUnderclaims:      "mta_underclaims",
	FlagUntested:            "untested",
	FlagStaleTest:           "stale_test",
	FlagPoorConvergence:     "poor_convergence",
}

func (c FlagCode) String() string {
	if c > 0 && int(c) < len(flagNames) {
		return flagNames[c]
	}
	return "flag(" + strconv.Itoa(int(c)) + ")"
}

// Thresholds of the flags.
const (
	OverclaimIF  = 0.5
	UnderclaimIF = 2
	MaxRHat      = 1.05
	MinESS       = 100
)

// Flag is a finding about a channel with the figures behind it; the
// report writes its words. Which figures are set depends on Code.
type Flag struct {
	Code FlagCode
	// Disagreements are the tests behind FlagExperimentDisagrees.
	Disagreements []Disagreement
	// IF is the incrementality factor behind the MTA flags.
	IF Interval
	// Excluded counts the channel's tests left out of the fit
	// (FlagUntested).
	Excluded int
	// AgeWeeks is the newest used test's age at AsOf, against
	// HalfLifeWeeks (FlagStaleTest).
	AgeWeeks, HalfLifeWeeks float64
	AsOf                    civil.Date
	// RHat and ESS are those of the channel's ROI (FlagPoorConvergence).
	RHat, ESS float64
}

// Disagreement is a test whose measured iROAS the MMM alone cannot
// explain: Z = (Measured − MMM) / combined SD.
type Disagreement struct {
	TestID           string
	Measured, MMM, Z float64
}

// addFlags sets the channel flags from the experiments and the MTA figures.
func addFlags(in Input, r *Result) {
	for c := range r.Channels {
		ch := &r.Channels[c]
		var used, excluded int
		newest := math.Inf(1) // age of the newest used test, weeks
		var disagree []Disagreement
		for _, e := range r.Experiments {
			if e.Channel != ch.Name {
				continue
			}
			if e.Disagrees {
				disagree = append(disagree, Disagreement{TestID: e.TestID, Measured: e.Measured.Mean, MMM: e.MMM.Mean, Z: *e.Z})
			}
			if e.Used {
				used++
				newest = min(newest, e.AgeWeeks)
			} else {
				excluded++
			}
		}
		if len(disagree) > 0 {
			ch.Flags = append(ch.Flags, Flag{Code: FlagExperimentDisagrees, Disagreements: disagree})
		}
		if m := ch.MTA; m != nil && m.IF != nil {
			switch {
			case m.IF.Mean < OverclaimIF:
				ch.Flags = append(ch.Flags, Flag{Code: FlagMTAOverclaims, IF: *m.IF})
			case m.IF.Mean > UnderclaimIF:
				ch.Flags = append(ch.Flags, Flag{Code: FlagMTAUnderclaims, IF: *m.IF})
			}
		}
		switch {
		case used == 0:
			ch.Flags = append(ch.Flags, Flag{Code: FlagUntested, Excluded: excluded})
		case newest > in.HalfLifeWeeks:
			ch.Flags = append(ch.Flags, Flag{Code: FlagStaleTest, AgeWeeks: newest, HalfLifeWeeks: in.HalfLifeWeeks, AsOf: in.AsOf})
		}
		rh, ess := in.Channels[c].RHat, in.Channels[c].ESS
		if (stat.Finite(rh) && rh > MaxRHat) || (stat.Finite(ess) && ess > 0 && ess < MinESS) {
			ch.Flags = append(ch.Flags, Flag{Code: FlagPoorConvergence, RHat: rh, ESS: ess})
		}
	}
}

// HasFlag reports whether the channel carries the flag code.
func (r ChannelResult) HasFlag(code FlagCode) bool {
	for _, f := range r.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}
