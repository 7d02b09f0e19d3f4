package eval

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/triad-mmm/triad/report"
)

// Summary gathers the results of several worlds.
type Summary struct {
	Results []Result
}

// Totals are a Summary's figures pooled over its worlds.
type Totals struct {
	Worlds int
	// HasCalibrated is true when any world had a calibrated fit; the
	// calibrated accuracies pool only those worlds.
	HasCalibrated                     bool
	Alone, Calibrated                 Accuracy
	TestedAlone, TestedCalibrated     Accuracy
	UntestedAlone, UntestedCalibrated Accuracy
	// TestedRatio is the calibrated over the MMM-alone mean absolute ROI
	// error of the tested channels (issue target: below 0.6).
	TestedRatio float64
	// IFError is the mean relative error of the digital channels'
	// incrementality factors over channel × world pairs, IFCoverage the
	// share of their intervals holding the truth.
	IFError, IFCoverage float64
	IFChannels          int
	// BudgetRatio is the mean over worlds of the share of the truly
	// achievable gain the recommendation earns, BudgetMin the worst world.
	BudgetRatio, BudgetMin float64
	BudgetWorlds           int
}

// Totals pools the results.
func (s Summary) Totals() Totals {
	t := Totals{Worlds: len(s.Results)}
	var a, c, ta, tc, ua, uc []Accuracy
	var ifSum float64
	ifCovered := 0
	var bSum float64
	t.BudgetMin = math.NaN()
	for _, r := range s.Results {
		a, ta, ua = append(a, r.Alone), append(ta, r.TestedAlone), append(ua, r.UntestedAlone)
		if r.HasCalibrated {
			t.HasCalibrated = true
			c, tc, uc = append(c, r.Calibrated), append(tc, r.TestedCalibrated), append(uc, r.UntestedCalibrated)
		}
		for _, f := range r.IF {
			ifSum += f.RelError()
			if f.Covered() {
				ifCovered++
			}
			t.IFChannels++
		}
		if r.Budget != nil {
			x := r.Budget.Ratio()
			if !math.IsNaN(x) {
				bSum += x
				t.BudgetWorlds++
				if !(x >= t.BudgetMin) {
					t.BudgetMin = x
				}
			}
		}
	}
	t.Alone, t.TestedAlone, t.UntestedAlone = Pool(a), Pool(ta), Pool(ua)
	t.Calibrated, t.TestedCalibrated, t.UntestedCalibrated = Pool(c), Pool(tc), Pool(uc)
	t.TestedRatio = t.TestedCalibrated.MeanAbsROIError / t.TestedAlone.MeanAbsROIError
	t.IFError, t.IFCoverage = math.NaN(), math.NaN()
	if t.IFChannels > 0 {
		t.IFError = ifSum / float64(t.IFChannels)
		t.IFCoverage = float64(ifCovered) / float64(t.IFChannels)
	}
	t.BudgetRatio = math.NaN()
	if t.BudgetWorlds > 0 {
		t.BudgetRatio = bSum / float64(t.BudgetWorlds)
	}
	return t
}

// String prints two tables, one row per world and a last row pooled over
// them: the recovery of ROI and contribution by the MMM alone and the
// calibrated MMM over all channels; then what calibration did to tested and
// untested channels, the incrementality-factor error and the budget ratio.
// Unknown figures print as n/a.
func (s Summary) String() string {
	var b strings.Builder
	t := s.Totals()

	fmt.Fprintln(&b, "ROI recovery, all channels (cov: 90% interval covers the truth; mae: mean |ROI error|; mre: mean |ROI error|/ROI; swe: spend-weighted contribution error; tme: total-media error)")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "seed\tcov alone\tcov calib\tmae alone\tmae calib\tmre alone\tmre calib\tswe alone\tswe calib\ttme alone\ttme calib\t")
	row := func(label string, a, c Accuracy, hasCal bool) {
		if !hasCal {
			c = Score(nil)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", label,
			frac(a.Covered, a.N), frac(c.Covered, c.N),
			num(a.MeanAbsROIError), num(c.MeanAbsROIError),
			pct(a.MeanRelROIError), pct(c.MeanRelROIError),
			num(a.SpendWeightedError), num(c.SpendWeightedError),
			pct(a.TotalMediaError), pct(c.TotalMediaError))
	}
	for _, r := range s.Results {
		row(fmt.Sprint(r.Seed), r.Alone, r.Calibrated, r.HasCalibrated)
	}
	row("all", t.Alone, t.Calibrated, t.HasCalibrated)
	tw.Flush()

	fmt.Fprintln(&b)
	fmt.Fprintln(&b, "Calibration, IF and budget (tested/untested: mean |ROI error| alone → calibrated; ratio: calibrated/alone; IF: mean |IF error|/IF; budget: true gain of the plan / true optimal gain)")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "seed\ttested\tmae alone\tmae calib\tratio\tuntested\tmae alone\tmae calib\tIF err\tbudget\t")
	row2 := func(label string, ta, tc, ua, uc Accuracy, hasCal bool, ifErr, budget float64) {
		if !hasCal {
			tc, uc = Score(nil), Score(nil)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t\n", label,
			ta.N, num(ta.MeanAbsROIError), num(tc.MeanAbsROIError), num(tc.MeanAbsROIError/ta.MeanAbsROIError),
			ua.N, num(ua.MeanAbsROIError), num(uc.MeanAbsROIError), pct(ifErr), num(budget))
	}
	for _, r := range s.Results {
		budget := math.NaN()
		if r.Budget != nil {
			budget = r.Budget.Ratio()
		}
		row2(fmt.Sprint(r.Seed), r.TestedAlone, r.TestedCalibrated, r.UntestedAlone, r.UntestedCalibrated,
			r.HasCalibrated, MeanIFError(r.IF), budget)
	}
	row2("all", t.TestedAlone, t.TestedCalibrated, t.UntestedAlone, t.UntestedCalibrated, t.HasCalibrated, t.IFError, t.BudgetRatio)
	tw.Flush()
	fmt.Fprintf(&b, "\nIF intervals cover the truth for %s digital channel × world pairs; worst budget ratio %s over %d worlds\n",
		frac(int(math.Round(t.IFCoverage*float64(t.IFChannels))), t.IFChannels), num(t.BudgetMin), t.BudgetWorlds)
	return b.String()
}

// Channels prints every channel of every world: truth, both estimates and
// whether each interval covers the truth (*: a miss).
func (s Summary) Channels() string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "seed\tchannel\ttested\tspend\ttrue ROI\talone [90%]\t\tcalibrated [90%]\t\t")
	for _, r := range s.Results {
		for _, c := range r.Channels {
			tested := ""
			if c.Tested {
				tested = "yes"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%.4g\t%.3f\t%s\t%s\t%s\t%s\t\n", r.Seed, c.Name, tested, c.Spend, c.TrueROI,
				interval(c.Alone), miss(Covers(c.Alone, c.TrueROI)),
				interval(c.Calibrated), miss(Covers(c.Calibrated, c.TrueROI) || !c.Calibrated.Known()))
		}
	}
	tw.Flush()
	return b.String()
}

func miss(covered bool) string {
	if covered {
		return ""
	}
	return "*"
}

func frac(k, n int) string {
	if n == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d/%d=%.2f", k, n, float64(k)/float64(n))
}

func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", x)
}

func pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

func interval(iv report.Interval) string {
	if !iv.Known() {
		return "n/a"
	}
	return fmt.Sprintf("%.3f [%.3f, %.3f]", iv.Mean, iv.Lo, iv.Hi)
}

// Budgets prints, per world, each channel's current spend and the changes
// the recommended and the truly optimal plans make to it, so a low budget
// ratio can be traced to the channels the plan moved the wrong way.
func (s Summary) Budgets() string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "seed\tchannel\tcurrent\trecommended\ttrue optimum\t")
	for _, r := range s.Results {
		if r.Budget == nil {
			continue
		}
		bs := r.Budget
		for c, name := range bs.Channels {
			fmt.Fprintf(tw, "%d\t%s\t%.4g\t%s\t%s\t\n", r.Seed, name, bs.CurrentSpend[c],
				change(bs.RecommendedSpend[c], bs.CurrentSpend[c]), change(bs.OptimalSpend[c], bs.CurrentSpend[c]))
		}
		fmt.Fprintf(tw, "%d\tgain\t\t%.4g\t%.4g\t\n", r.Seed, bs.Recommended-bs.Current, bs.Optimal-bs.Current)
	}
	tw.Flush()
	return b.String()
}

func change(x, ref float64) string {
	if ref == 0 {
		return fmt.Sprintf("%.4g", x)
	}
	return fmt.Sprintf("%+.1f%%", 100*(x/ref-1))
}
