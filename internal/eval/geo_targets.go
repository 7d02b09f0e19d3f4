package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/gonum/stat/distuv"
)

// GeoWorld is one geo world fitted twice: with the geo model and summed to
// national (the same tests at their geos' spend share), with the geo
// model's per-geo ROI coverage (GeoCoverage of its report).
type GeoWorld struct {
	Geo, National        Result
	GeoCovered, GeoPairs int
}

// GeoRecovery pools geo worlds and scores them against issue 11's truth
// recovery targets.
type GeoRecovery struct {
	Worlds []GeoWorld
}

// Target is one figure of a target with its band [Lo, Hi].
type Target struct {
	Name   string
	Value  float64
	Lo, Hi float64
}

// Pass reports whether the value lies in the band; NaN fails.
func (t Target) Pass() bool { return t.Lo <= t.Value && t.Value <= t.Hi }

// CalibrationEffect is one channel's paired change of |ROI error| from the
// geo model alone to the geo model calibrated, over the worlds where the
// channel had (Tested) or had not a test.
type CalibrationEffect struct {
	Name   string
	Tested bool
	Worlds int
	// Alone and Calibrated are the mean |ROI error|; Diff the mean of the
	// per-world calibrated − alone differences and SE its standard error
	// (NaN with fewer than two worlds).
	Alone, Calibrated float64
	Diff, SE          float64
}

// Worse reports whether calibration made the channel systematically worse:
// its mean |ROI error| grows by more than slack·alone and the paired
// difference is more than two standard errors above zero. A change within
// the worlds' noise is not a change; with one world any growth beyond
// slack counts.
func (e CalibrationEffect) Worse(slack float64) bool {
	if e.Worlds == 0 || e.Calibrated <= e.Alone*(1+slack) {
		return false
	}
	return !(e.SE >= 0) || e.Diff > 2*e.SE
}

// summaries returns the geo fits and the national fits as Summaries.
func (g GeoRecovery) summaries() (geo, national Summary) {
	for _, w := range g.Worlds {
		geo.Results = append(geo.Results, w.Geo)
		national.Results = append(national.Results, w.National)
	}
	return geo, national
}

// PerGeoCoverage is the share of geo × channel 90% ROI intervals of the geo
// model that hold the true per-geo ROI, over all worlds.
func (g GeoRecovery) PerGeoCoverage() float64 {
	k, n := 0, 0
	for _, w := range g.Worlds {
		k, n = k+w.GeoCovered, n+w.GeoPairs
	}
	if n == 0 {
		return math.NaN()
	}
	return float64(k) / float64(n)
}

// CalibrationEffects returns, per channel of the geo model (in the order
// they first appear), the paired effect of calibration on the worlds where
// it was untested and on those where it was tested; a split with no world
// is left out.
func (g GeoRecovery) CalibrationEffects() []CalibrationEffect {
	type key struct {
		name   string
		tested bool
	}
	var order []key
	diffs := map[key][]float64{}
	sums := map[key][2]float64{}
	for _, w := range g.Worlds {
		if !w.Geo.HasCalibrated {
			continue
		}
		for _, c := range w.Geo.Channels {
			k := key{c.Name, c.Tested}
			if _, ok := diffs[k]; !ok {
				order = append(order, k)
			}
			a, b := math.Abs(c.Alone.Mean-c.TrueROI), math.Abs(c.Calibrated.Mean-c.TrueROI)
			diffs[k] = append(diffs[k], b-a)
			s := sums[k]
			sums[k] = [2]float64{s[0] + a, s[1] + b}
		}
	}
	slices.SortStableFunc(order, func(a, b key) int {
		if a.tested != b.tested {
			if a.tested {
				return 1
			}
			return -1
		}
		return 0
	})
	out := make([]CalibrationEffect, 0, len(order))
	for _, k := range order {
		d := diffs[k]
		n := float64(len(d))
		e := CalibrationEffect{Name: k.name, Tested: k.tested, Worlds: len(d),
			Alone: sums[k][0] / n, Calibrated: sums[k][1] / n, SE: math.NaN()}
		for _, x := range d {
			e.Diff += x / n
		}
		if len(d) > 1 {
			v := 0.0
			for _, x := range d {
				v += (x - e.Diff) * (x - e.Diff)
			}
			e.SE = math.Sqrt(v / (n - 1) / n)
		}
		out = append(out, e)
	}
	return out
}

// Targets scores the pooled worlds against the targets: the geo model's
// calibrated mean |ROI error| at most 0.6× the national fit's over all
// channels and over the untested ones; its spend-weighted contribution
// error at most 0.20; its 90% ROI intervals covering 80–97% of channel ×
// world pairs and its per-geo intervals likewise; the geo tests lowering
// the tested channels' error (ratio below 1). Whether any channel is made
// worse is CalibrationEffects' Worse, per channel.
func (g GeoRecovery) Targets() []Target {
	geo, nat := g.summaries()
	gt, nt := geo.Totals(), nat.Totals()
	return []Target{
		{Name: "ROI error geo/national, calibrated", Value: gt.Calibrated.MeanAbsROIError / nt.Calibrated.MeanAbsROIError, Lo: 0, Hi: 0.6},
		{Name: "ROI error geo/national, untested channels", Value: gt.UntestedCalibrated.MeanAbsROIError / nt.UntestedCalibrated.MeanAbsROIError, Lo: 0, Hi: 0.6},
		{Name: "spend-weighted contribution error, calibrated", Value: gt.Calibrated.SpendWeightedError, Lo: 0, Hi: 0.2},
		{Name: "90% ROI interval coverage, calibrated", Value: gt.Calibrated.Coverage(), Lo: 0.8, Hi: 0.97},
		{Name: "per-geo 90% ROI interval coverage", Value: g.PerGeoCoverage(), Lo: 0.8, Hi: 0.97},
		{Name: "tested channels' ROI error calibrated/alone", Value: gt.TestedRatio, Lo: 0, Hi: 1},
	}
}

// String prints one row per world (geo model against the national fit),
// the calibration effect per channel, and the targets with their verdicts.
func (g GeoRecovery) String() string {
	var b strings.Builder
	fmt.Fprintln(&b, "Per world (mae: mean |ROI error|, alone/calibrated; swe: spend-weighted contribution error, calibrated; cov: 90% interval coverage, calibrated; per-geo: geo × channel coverage)")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "seed\tgeo mae\tnational mae\tratio calib\tuntested geo\tuntested nat\tgeo swe\tnat swe\tgeo cov\tnat cov\tper-geo cov\ttested geo alone→calib\t")
	for _, w := range g.Worlds {
		ge, na := w.Geo, w.National
		fmt.Fprintf(tw, "%d\t%s/%s\t%s/%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s→%s\t\n", ge.Seed,
			num(ge.Alone.MeanAbsROIError), num(ge.Calibrated.MeanAbsROIError),
			num(na.Alone.MeanAbsROIError), num(na.Calibrated.MeanAbsROIError),
			num(ge.Calibrated.MeanAbsROIError/na.Calibrated.MeanAbsROIError),
			num(ge.UntestedCalibrated.MeanAbsROIError), num(na.UntestedCalibrated.MeanAbsROIError),
			num(ge.Calibrated.SpendWeightedError), num(na.Calibrated.SpendWeightedError),
			frac(ge.Calibrated.Covered, ge.Calibrated.N), frac(na.Calibrated.Covered, na.Calibrated.N),
			frac(w.GeoCovered, w.GeoPairs),
			num(ge.TestedAlone.MeanAbsROIError), num(ge.TestedCalibrated.MeanAbsROIError))
	}
	tw.Flush()

	fmt.Fprintln(&b, "\nCalibration by the geo tests, per channel (geo model; diff: mean of calibrated − alone |ROI error| over the worlds, ± its SE)")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "channel\ttested\tworlds\tmae alone\tmae calib\tdiff\tSE\tworse\t")
	for _, e := range g.CalibrationEffects() {
		tested, worse := "no", ""
		if e.Tested {
			tested = "yes"
		}
		if e.Worse(0.1) {
			worse = "WORSE"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%+.3f\t%s\t%s\t\n", e.Name, tested, e.Worlds, num(e.Alone), num(e.Calibrated), e.Diff, num(e.SE), worse)
	}
	tw.Flush()

	geo, nat := g.summaries()
	gt, nt := geo.Totals(), nat.Totals()
	fmt.Fprintf(&b, "\nWithout the tests: ROI error geo/national %s / %s = %s; untested %s / %s; coverage geo %s, national %s\n",
		num(gt.Alone.MeanAbsROIError), num(nt.Alone.MeanAbsROIError), num(gt.Alone.MeanAbsROIError/nt.Alone.MeanAbsROIError),
		num(gt.UntestedAlone.MeanAbsROIError), num(nt.UntestedAlone.MeanAbsROIError),
		frac(gt.Alone.Covered, gt.Alone.N), frac(nt.Alone.Covered, nt.Alone.N))
	fmt.Fprintf(&b, "Calibrated: ROI error geo/national %s / %s; untested %s / %s; swe geo %s, national %s; coverage geo %s, national %s\n",
		num(gt.Calibrated.MeanAbsROIError), num(nt.Calibrated.MeanAbsROIError),
		num(gt.UntestedCalibrated.MeanAbsROIError), num(nt.UntestedCalibrated.MeanAbsROIError),
		num(gt.Calibrated.SpendWeightedError), num(nt.Calibrated.SpendWeightedError),
		frac(gt.Calibrated.Covered, gt.Calibrated.N), frac(nt.Calibrated.Covered, nt.Calibrated.N))

	k, n := gt.Calibrated.Covered, gt.Calibrated.N
	fmt.Fprintf(&b, "Coverage %d/%d: if the intervals held the truth 90%% of the time, P(at most %d) = %.3f, P(at least %d) = %.3f\n",
		k, n, k, binomialCDF(k, n, 0.9), k, 1-binomialCDF(k-1, n, 0.9))

	fmt.Fprintf(&b, "\nTargets over %d worlds\n", len(g.Worlds))
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, t := range g.Targets() {
		verdict := "pass"
		if !t.Pass() {
			verdict = "FAIL"
		}
		fmt.Fprintf(tw, "%s\t%s\t[%g, %g]\t%s\n", t.Name, num(t.Value), t.Lo, t.Hi, verdict)
	}
	tw.Flush()
	return b.String()
}

// binomialCDF is P(X ≤ k) for X ~ Binomial(n, p): 0 for k < 0.
func binomialCDF(k, n int, p float64) float64 {
	if k < 0 {
		return 0
	}
	return distuv.Binomial{N: float64(n), P: p}.CDF(float64(k))
}
