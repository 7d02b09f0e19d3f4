package mmm

import (
	"errors"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// validateSpec checks the parts of s that do not depend on a channel.
func validateSpec(d Data, s Spec) error {
	n := len(d.KPI)
	if len(s.Channels) != len(d.Channels) {
		return fmt.Errorf("mmm: spec has %d channels, data %d", len(s.Channels), len(d.Channels))
	}
	if s.Holdout < 0 {
		return fmt.Errorf("mmm: holdout %d periods, want >= 0", s.Holdout)
	}
	nFit := n - s.Holdout
	if nFit < 8 {
		return fmt.Errorf("mmm: %d periods left to fit after a holdout of %d, want at least 8", nFit, s.Holdout)
	}
	if s.FourierOrder < 0 || s.FourierOrder > 10 {
		return fmt.Errorf("mmm: Fourier order %d, want 0..10", s.FourierOrder)
	}
	if s.Likelihood != NormalLikelihood && s.Likelihood != StudentTLikelihood {
		return fmt.Errorf("mmm: unknown likelihood %v", s.Likelihood)
	}
	if s.Weekday && (d.StepDays != 1 || nFit < 14) {
		return fmt.Errorf("mmm: day-of-week effects need daily data with at least 14 fitted days (step %d days, %d periods)", d.StepDays, nFit)
	}
	if !(s.StudentNu > 0) || math.IsInf(s.StudentNu, 0) {
		return fmt.Errorf("mmm: Student-t degrees of freedom %g, want > 0", s.StudentNu)
	}
	if s.KPIType != Revenue && s.KPIType != Count {
		return fmt.Errorf("mmm: unknown KPI type %v", s.KPIType)
	}
	if !(s.LiftTau >= 0) || math.IsInf(s.LiftTau, 0) {
		return fmt.Errorf("mmm: lift mismatch allowance %g, want >= 0", s.LiftTau)
	}
	for _, p := range []struct {
		name string
		ok   bool
	}{
		{"intercept", s.Intercept.valid()}, {"trend", s.TrendSlope.valid()}, {"Fourier", s.Fourier.valid()},
		{"control", s.Control.valid()}, {"sigma", s.Sigma.valid()},
	} {
		if !p.ok {
			return fmt.Errorf("mmm: invalid %s prior", p.name)
		}
	}
	return nil
}

func validateData(d Data) error {
	n := len(d.KPI)
	if n == 0 {
		return errors.New("mmm: no periods")
	}
	if len(d.Dates) != n {
		return fmt.Errorf("mmm: %d dates for %d KPI values", len(d.Dates), n)
	}
	if d.StepDays <= 0 {
		return fmt.Errorf("mmm: step of %d days, want > 0", d.StepDays)
	}
	for t := 1; t < n; t++ {
		if int(d.Dates[t]-d.Dates[t-1]) != d.StepDays {
			return fmt.Errorf("mmm: dates are not regular: %v follows %v, want a step of %d days", d.Dates[t], d.Dates[t-1], d.StepDays)
		}
	}
	for t, v := range d.KPI {
		if !stat.Finite(v) {
			return fmt.Errorf("mmm: KPI in period %d (%v) is %g", t+1, d.Dates[t], v)
		}
	}
	if len(d.Channels) == 0 {
		return errors.New("mmm: no media channels")
	}
	if len(d.Spend) != len(d.Channels) {
		return fmt.Errorf("mmm: %d spend series for %d channels", len(d.Spend), len(d.Channels))
	}
	seen := map[string]bool{}
	for c, name := range d.Channels {
		if seen[name] {
			return fmt.Errorf("mmm: channel %q appears twice", name)
		}
		seen[name] = true
		if len(d.Spend[c]) != n {
			return fmt.Errorf("mmm: channel %q has %d spend values for %d periods", name, len(d.Spend[c]), n)
		}
		for t, v := range d.Spend[c] {
			if !stat.Finite(v) || v < 0 {
				return fmt.Errorf("mmm: channel %q spend in period %d (%v) is %g, want finite and >= 0", name, t+1, d.Dates[t], v)
			}
		}
	}
	if err := validateUnits(d, n); err != nil {
		return err
	}
	if err := validateCarry(d); err != nil {
		return err
	}
	if err := validateFrequency(d, n); err != nil {
		return err
	}
	if len(d.Controls) != len(d.ControlNames) {
		return fmt.Errorf("mmm: %d control series for %d control names", len(d.Controls), len(d.ControlNames))
	}
	for j, name := range d.ControlNames {
		if len(d.Controls[j]) != n {
			return fmt.Errorf("mmm: control %q has %d values for %d periods", name, len(d.Controls[j]), n)
		}
		for t, v := range d.Controls[j] {
			if !stat.Finite(v) {
				return fmt.Errorf("mmm: control %q in period %d (%v) is %g", name, t+1, d.Dates[t], v)
			}
		}
	}
	return nil
}

// validateChannelSpec checks a channel spec with its defaults filled in,
// for n periods.
func validateChannelSpec(name string, c ChannelSpec, n int) error {
	switch {
	case c.MaxLag < 0 || c.MaxLag >= n:
		return fmt.Errorf("mmm: channel %q: max lag %d, want 0..%d", name, c.MaxLag, n-1)
	case c.MaxLag < c.Adstock.MinLag():
		return fmt.Errorf("mmm: channel %q: %v adstock needs a max lag >= %d", name, c.Adstock.Kind(), c.Adstock.MinLag())
	case !c.ROI.valid():
		return fmt.Errorf("mmm: channel %q: invalid ROI prior %+v", name, c.ROI)
	}
	for _, ps := range [][]Param{c.Adstock.Params(), c.Saturation.Params()} {
		for _, p := range ps {
			if !p.Prior.valid() {
				return fmt.Errorf("mmm: channel %q: invalid %s prior %+v", name, p.Name, p.Prior)
			}
		}
	}
	return nil
}
