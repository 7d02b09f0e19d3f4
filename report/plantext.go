package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/triad-mmm/triad/civil"
)

// Amount formats a number for a text table: whole numbers with thousands
// separators from 1,000 up, two decimals from 1, three significant digits
// below. It is the one thousands-separator formatter of the tool.
func Amount(x float64) string {
	neg := x < 0
	if neg {
		x = -x
	}
	var s string
	switch {
	case x >= 1000:
		s = thousands(x)
	case x >= 1:
		s = fmt.Sprintf("%.2f", x)
	default:
		s = fmt.Sprintf("%.3g", x)
	}
	if neg {
		return "-" + s
	}
	return s
}

// thousands writes x ≥ 0 rounded to a whole number with a comma between
// groups of three digits.
func thousands(x float64) string {
	s := fmt.Sprintf("%.0f", x)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// MarshalBudget returns budget.json, the optimize command's file:
// {"budget": b}, the object report.json holds as its budget (a target-ROI
// plan inside it as target_roi), through the report's encoder, so unknown
// numbers are null there too.
func MarshalBudget(b *Budget) ([]byte, error) {
	if b == nil {
		return nil, errors.New("report: nil budget")
	}
	v := struct {
		Budget *Budget `json:"budget"`
	}{b}
	var out bytes.Buffer
	if err := writeIndentedJSON(&out, &v); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// BudgetTable lays a plan out for a terminal: one row per channel, then
// the total and the expected gain at the interval level; a target-ROI plan
// follows when there is one.
func BudgetTable(b *Budget, level float64) string {
	var w strings.Builder
	budgetRows(&w, b.Channels)
	budgetTotal(&w, b.Total, b.Objective, b.ExpectedGain, level)
	if t := b.TargetROI; t != nil {
		fmt.Fprintf(&w, "\nLargest budget whose marginal ROI stays at or above %g: %s\n", t.Target, Amount(t.Total))
		budgetRows(&w, t.Channels)
		budgetTotal(&w, t.Total, "target_roi", t.ExpectedGain, level)
	}
	return w.String()
}

func budgetRows(w *strings.Builder, chs []BudgetChannel) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "channel\tcurrent\trecommended\tchange\tmin\tmax\tmROI now\tmROI after\t\n")
	for _, c := range chs {
		change := "locked"
		if !c.Locked {
			change = fmt.Sprintf("%+.1f%%", 100*(c.Recommended/c.Current-1))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t\n", c.Name, Amount(c.Current), Amount(c.Recommended), change,
			Amount(c.Min), Amount(c.Max), c.MROICurrent.Mean, c.MROIRecommended.Mean)
	}
	tw.Flush()
}

func budgetTotal(w *strings.Builder, total float64, objective string, g Interval, level float64) {
	fmt.Fprintf(w, "total %s (%s); expected gain %s (%.0f%% interval %s to %s)\n", Amount(total), objective,
		Amount(g.Mean), 100*level, Amount(g.Lo), Amount(g.Hi))
}

// BudgetSentence is the summary's sentence on the plan's expected gain,
// in KPI units for a count KPI, in revenue otherwise.
func BudgetSentence(b *Budget, level float64, count bool) string {
	g := b.ExpectedGain
	unit := "revenue"
	if count {
		unit = "KPI"
	}
	return fmt.Sprintf("Reallocating the same budget within the bounds is expected to add %s %s (%.0f%% interval %s to %s).",
		Amount(g.Mean), unit, 100*level, Amount(g.Lo), Amount(g.Hi))
}

// Forecast is a forecast as the forecast command prints it: per period the
// KPI and its media part with intervals and the baseline, then the totals.
type Forecast struct {
	KPI           string // the KPI's name
	Level         float64
	Dates         []civil.Date
	Values, Media []Interval
	Baseline      []float64
	Total         Interval
	MediaTotal    Interval
	Channels      []string
	ChannelTotals []Interval
}

// ForecastTable lays f out for a terminal.
func ForecastTable(f Forecast) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	pct := fmt.Sprintf("%.0f%%", 100*f.Level)
	fmt.Fprintf(tw, "period\t%s\t%s lo\t%s hi\tmedia\tbaseline\t\n", f.KPI, pct, pct)
	for i, d := range f.Dates {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", d, Amount(f.Values[i].Mean), Amount(f.Values[i].Lo), Amount(f.Values[i].Hi),
			Amount(f.Media[i].Mean), Amount(f.Baseline[i]))
	}
	tw.Flush()
	fmt.Fprintf(&b, "total %s (%s interval %s to %s), of which media %s (%s to %s)\n",
		Amount(f.Total.Mean), pct, Amount(f.Total.Lo), Amount(f.Total.Hi),
		Amount(f.MediaTotal.Mean), Amount(f.MediaTotal.Lo), Amount(f.MediaTotal.Hi))
	for c, name := range f.Channels {
		iv := f.ChannelTotals[c]
		fmt.Fprintf(&b, "  %-16s %s (%s to %s)\n", name, Amount(iv.Mean), Amount(iv.Lo), Amount(iv.Hi))
	}
	return b.String()
}
