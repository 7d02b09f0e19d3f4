package panel

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// Summary describes a panel in a few numbers, for `triad validate` and the
// report's data section.
type Summary struct {
	Source   string         `json:"source"`
	Start    civil.Date     `json:"start"`
	End      civil.Date     `json:"end"` // last day covered
	Grain    string         `json:"grain"`
	Periods  int            `json:"periods"`
	KPIName  string         `json:"kpi"`
	KPITotal float64        `json:"kpi_total"`
	Channels []ChannelTotal `json:"channels"`
	Controls []string       `json:"controls"`
}

// ChannelTotal is one channel's spend over the whole panel.
type ChannelTotal struct {
	Name  string  `json:"name"`
	Spend float64 `json:"spend"`
	Share float64 `json:"share"` // of all channels' spend; 0 if nothing was spent
}

// Summary returns the panel's date range, grain, size and totals.
func (p *Panel) Summary() Summary {
	s := Summary{
		Source:   p.Source,
		Grain:    p.Grain(),
		Periods:  p.Len(),
		KPIName:  p.KPIName,
		KPITotal: stat.Sum(p.KPI),
		Controls: append([]string(nil), p.ControlNames...),
	}
	if p.Len() > 0 {
		s.Start, s.End = p.Start(), p.End()
	}
	all := 0.0
	for c, name := range p.Channels {
		v := stat.Sum(p.Spend[c])
		all += v
		s.Channels = append(s.Channels, ChannelTotal{Name: name, Spend: v})
	}
	if all > 0 {
		for c := range s.Channels {
			s.Channels[c].Share = s.Channels[c].Spend / all
		}
	}
	return s
}

// String lays the summary out as a small text table.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "panel %s: %s to %s, %d %s periods\n", s.Source, s.Start, s.End, s.Periods, s.Grain)
	fmt.Fprintf(&b, "KPI %s: total %s\n", s.KPIName, formatAmount(s.KPITotal))
	// Names left-aligned, numbers right-aligned.
	nameW, spendW := len("channel"), len("spend")
	for _, c := range s.Channels {
		nameW = max(nameW, len(c.Name))
		spendW = max(spendW, len(formatAmount(c.Spend)))
	}
	fmt.Fprintf(&b, "%-*s  %*s  %6s\n", nameW, "channel", spendW, "spend", "share")
	for _, c := range s.Channels {
		fmt.Fprintf(&b, "%-*s  %*s  %5.1f%%\n", nameW, c.Name, spendW, formatAmount(c.Spend), 100*c.Share)
	}
	if len(s.Controls) > 0 {
		fmt.Fprintf(&b, "controls: %s\n", strings.Join(s.Controls, ", "))
	}
	return b.String()
}

// formatAmount writes v rounded to a whole number with thousands
// separators, the way spend is read in a report.
func formatAmount(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatFloat(v, 'f', 0, 64)
	var out []byte
	for i, d := range []byte(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, d)
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
