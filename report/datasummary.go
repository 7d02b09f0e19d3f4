package report

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/civil"
)

// DataSummary is the inputs as read, before any fit: what triad validate
// prints and data_summary.txt holds. The pipeline fills it with numbers;
// Text writes the words.
type DataSummary struct {
	Panel    string // the panel file's base name
	Period   Period
	KPI      string
	KPITotal float64
	Channels []DataChannel
	Controls []string
	// Window says how many panel rows model.window left out; nil when
	// the window is not set.
	Window        *DataWindow
	RevenuePerKPI *RevenuePerKPI
	Factors       []Factor
	Treatments    []DataTreatment
	// Tests are the lift tests; HasTests is false when the config names no
	// lift-test file (the MMM is then not calibrated).
	HasTests    bool
	Tests       []DataTest
	Calibration string
	MTA         *DataMTA // nil without an MTA export
	Warnings    int
}

// DataChannel is one channel's inputs.
type DataChannel struct {
	Name  string
	Spend float64
	// Offline is nil when neither the config nor an MTA export says.
	Offline *bool
	// Attributed is the MTA's attributed KPI (read only with an export).
	Attributed float64
	// Units are the impressions or other units that drive the channel
	// (HasUnits false when its spend does); Organic channels have no spend.
	HasUnits    bool
	Units       float64
	UnitsColumn string
	Organic     bool
	// Reach and Frequency (impressions-weighted average) replace the units
	// of a reach and frequency channel (ReachColumn empty for others).
	Reach, Frequency             float64
	ReachColumn, FrequencyColumn string
}

// DataWindow counts the panel rows outside model.window: Before feed the
// carryover only, After are left out.
type DataWindow struct{ Before, After int }

// DataTreatment is a treatment column's range and the baseline its effect
// is measured against.
type DataTreatment struct {
	Name, Column       string
	Baseline, Min, Max float64
}

// DataTest is one lift test as read.
type DataTest struct {
	ID, Channel            string
	Start, End             civil.Date
	Spend, Incremental, SE float64
	SESource               string
	Include                bool
}

// DataMTA is the MTA export's aggregate.
type DataMTA struct {
	File                    string // base name
	Rows, Campaigns, Mapped int
	Unmapped                []DataUnmapped
	OutsideRows             int
	OutsideAttributed       float64
}

// DataUnmapped is an MTA channel with no model channel.
type DataUnmapped struct {
	Name       string
	Rows       int
	Attributed float64
}

// Text is the summary as aligned lines, one block per input.
func (s *DataSummary) Text() string {
	var b strings.Builder
	p := s.Period
	fmt.Fprintf(&b, "panel     %s\n", s.Panel)
	fmt.Fprintf(&b, "period    %s .. %s, %d %s periods\n", p.Start, p.End, p.Periods, p.Grain)
	fmt.Fprintf(&b, "kpi       %s, total %s\n", s.KPI, Amount(s.KPITotal))
	fmt.Fprintf(&b, "channels  %d\n", len(s.Channels))
	for _, c := range s.Channels {
		s.channelLine(&b, c)
	}
	if len(s.Controls) > 0 {
		fmt.Fprintf(&b, "controls  %s\n", strings.Join(s.Controls, ", "))
	}
	if w := s.Window; w != nil {
		fmt.Fprintf(&b, "window    fitted %s .. %s (%d periods); %d earlier periods feed the carryover only, %d later ones are left out\n",
			p.Start, p.End, p.Periods, w.Before, w.After)
	}
	s.inputsLines(&b)
	s.testLines(&b)
	s.mtaLines(&b)
	if s.Warnings > 0 {
		fmt.Fprintf(&b, "warnings  %d (see the log)\n", s.Warnings)
	}
	return b.String()
}

func (s *DataSummary) channelLine(b *strings.Builder, c DataChannel) {
	kind := "online"
	switch {
	case c.Offline == nil:
		kind = ""
	case *c.Offline:
		kind = "offline"
	}
	fmt.Fprintf(b, "  %-16s spend %12s  %s", c.Name, Amount(c.Spend), kind)
	if s.MTA != nil {
		fmt.Fprintf(b, "  mta attributed %s", Amount(c.Attributed))
	}
	switch {
	case !c.HasUnits:
	case c.ReachColumn != "":
		fmt.Fprintf(b, "  reach %s (%s), average frequency %.2f (%s)", Amount(c.Reach), c.ReachColumn, c.Frequency, c.FrequencyColumn)
	case c.Organic:
		fmt.Fprintf(b, "  organic, units %s (%s)", Amount(c.Units), c.UnitsColumn)
	default:
		fmt.Fprintf(b, "  units %s (%s) drive it", Amount(c.Units), c.UnitsColumn)
	}
	b.WriteString("\n")
}

// inputsLines are the lines of the inputs keys: revenue per KPI, factors
// and treatments.
func (s *DataSummary) inputsLines(b *strings.Builder) {
	if r := s.RevenuePerKPI; r != nil {
		src := "constant"
		if r.Column != "" {
			src = "column " + r.Column
		}
		fmt.Fprintf(b, "revenue   per %s: %s (%s, KPI-weighted mean); the KPI is fitted as a count\n", s.KPI, Amount(r.Mean), src)
	}
	for _, f := range s.Factors {
		ref := f.Reference
		if ref == "" {
			ref = "empty/na"
		}
		fmt.Fprintf(b, "factor    %s: levels %s (reference %s)\n", f.Column, strings.Join(f.Levels, ", "), ref)
	}
	for _, t := range s.Treatments {
		fmt.Fprintf(b, "treatment %s (column %s): baseline %s, range %s .. %s\n", t.Name, t.Column,
			Amount(t.Baseline), Amount(t.Min), Amount(t.Max))
	}
}

func (s *DataSummary) testLines(b *strings.Builder) {
	if !s.HasTests {
		b.WriteString("tests     none (the MMM is not calibrated)\n")
		return
	}
	used := 0
	for _, t := range s.Tests {
		if t.Include {
			used++
		}
	}
	fmt.Fprintf(b, "tests     %d lift tests (%d used in the fit), calibration %s\n", len(s.Tests), used, s.Calibration)
	for _, t := range s.Tests {
		fmt.Fprintf(b, "  %-12s %-10s %s .. %s  spend %s  incremental %s ± %s (%s)\n", t.ID, t.Channel, t.Start, t.End,
			Amount(t.Spend), Amount(t.Incremental), Amount(t.SE), t.SESource)
	}
}

func (s *DataSummary) mtaLines(b *strings.Builder) {
	a := s.MTA
	if a == nil {
		b.WriteString("mta       none\n")
		return
	}
	fmt.Fprintf(b, "mta       %s: %d rows, %d campaigns, %d channels mapped, %d unmapped\n",
		a.File, a.Rows, a.Campaigns, a.Mapped, len(a.Unmapped))
	for _, u := range a.Unmapped {
		fmt.Fprintf(b, "  unmapped %-16s %d rows, attributed %s\n", u.Name, u.Rows, Amount(u.Attributed))
	}
	if a.OutsideRows > 0 {
		fmt.Fprintf(b, "  %d rows (attributed %s) fall outside the panel's dates and are not used\n", a.OutsideRows, Amount(a.OutsideAttributed))
	}
}
