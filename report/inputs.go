package report

import "fmt"

// RevenuePerKPI says how a count KPI (conversions) was turned into
// revenue: Column names the panel column (empty for a constant) and Mean
// is the KPI-weighted mean over the panel.
type RevenuePerKPI struct {
	Column string  `json:"column,omitempty"`
	Mean   float64 `json:"mean"`
}

// Organic is an unpaid channel's effect: no spend, so no ROI.
type Organic struct {
	Name   string  `json:"name"`
	Units  float64 `json:"units"` // total over the panel
	Column string  `json:"column,omitempty"`
	// Contribution and Share (of the total KPI) per fit: Calibrated is nil
	// when no calibration ran.
	Contribution           Interval  `json:"contribution"`
	Share                  Interval  `json:"share"`
	CalibratedContribution *Interval `json:"calibrated_contribution,omitempty"`
	CalibratedShare        *Interval `json:"calibrated_share,omitempty"`
}

// Treatment is a non-media variable's incremental effect over the panel
// against its baseline; it may be negative.
type Treatment struct {
	Name     string  `json:"name"`
	Column   string  `json:"column"`
	Baseline float64 `json:"baseline"`
	// Contribution is from the final fit (calibrated when there is one).
	Contribution Interval `json:"contribution"`
}

// Factor is a categorical column turned into one indicator per level.
type Factor struct {
	Column    string   `json:"column"`
	Reference string   `json:"reference"` // "" for the empty / na level
	Levels    []string `json:"levels"`
}

// inputsTable lists organic channels and treatments with their effects.
func inputsTable(r *Report) table {
	t := table{Head: []string{"term", "kind", "units or baseline", "contribution MMM alone", "contribution calibrated", "share of " + r.kpiName()}, Align: "llrrrr"}
	for _, o := range r.Organic {
		cal := notAvailable
		if o.CalibratedContribution != nil {
			cal = formatInterval(*o.CalibratedContribution, formatCompact)
		}
		share := o.Share
		if o.CalibratedShare != nil {
			share = *o.CalibratedShare
		}
		t.Rows = append(t.Rows, []string{o.Name, "organic media", formatCompact(o.Units),
			formatInterval(o.Contribution, formatCompact), cal, formatInterval(share, formatShortPct)})
	}
	for _, tr := range r.Treatments {
		// The effect is the final fit's: the calibrated one when it ran.
		alone, cal := formatInterval(tr.Contribution, formatCompact), notAvailable
		if r.FitCalibrated != nil {
			alone, cal = notAvailable, alone
		}
		t.Rows = append(t.Rows, []string{tr.Name, "treatment", fmt.Sprintf("baseline %s", formatSig(tr.Baseline)),
			alone, cal, notAvailable})
	}
	return t
}

func (r *Report) kpiName() string {
	if r.KPI == "" {
		return "KPI"
	}
	return r.KPI
}

// withRevenueROI inserts, before the channel table's last column (flags),
// the ROI in revenue when revenue per KPI gave one: Meridian's two views
// of a conversions model, cost per KPI and ROI, side by side.
func withRevenueROI(r *Report, t table) table {
	if r.RevenuePerKPI == nil || len(t.Rows) != len(r.Channels) {
		return t
	}
	insert := func(row []string, v string) []string {
		last := len(row) - 1
		return append(append(append([]string(nil), row[:last]...), v), row[last])
	}
	t.Head = insert(t.Head, "ROI (revenue)")
	t.Align = t.Align[:len(t.Align)-1] + "r" + t.Align[len(t.Align)-1:]
	for i, c := range r.Channels {
		e := c.MMM
		if c.Calibrated != nil {
			e = *c.Calibrated
		}
		v := notAvailable
		if e.RevenueROI != nil {
			v = formatInterval(*e.RevenueROI, formatSig)
		}
		t.Rows[i] = insert(t.Rows[i], v)
	}
	return t
}
