package report

import "fmt"

// Priors says which ROI priors the fits used and what they implied before
// the data.
type Priors struct {
	// Family is the family of the default ROI prior the run chose: "share"
	// (centred on a share of the KPI per unit of spend, the same in any
	// units) or "roi" (Meridian's, ROI in KPI per unit of spend).
	Family string `json:"family"`
	// Requested is model.media_prior as configured: auto, roi or share.
	Requested string `json:"requested"`
	// MediaShare is the media's total share of the KPI that the MMM
	// alone's ROI priors imply before the data (mean and central interval);
	// Header.BaselineShare gives the fit's answer.
	MediaShare Interval       `json:"media_share"`
	Channels   []PriorChannel `json:"channels"`
}

// PriorChannel is one channel's ROI prior.
type PriorChannel struct {
	Name string `json:"name"`
	// Source is where the MMM alone's prior came from: the family's name,
	// or "stated" (model.channels[].roi_prior).
	Source string `json:"source"`
	// ROI is the prior's mean and central interval at the report's level;
	// Mu and Sigma its LogNormal parameters (log scale).
	ROI   Interval `json:"roi"`
	Mu    float64  `json:"mu"`
	Sigma float64  `json:"sigma"`
	// Calibrated is the prior of the calibrated fit where it differs
	// (roi_prior mode: the channel's prior combined with its tests); nil
	// elsewhere.
	Calibrated *LogNormalPrior `json:"calibrated"`
}

// LogNormalPrior is a LogNormal ROI prior: its parameters on the log scale
// and its mean and central interval.
type LogNormalPrior struct {
	ROI   Interval `json:"roi"`
	Mu    float64  `json:"mu"`
	Sigma float64  `json:"sigma"`
}

// priorIntro is the sentence above the priors table.
func priorIntro(r *Report) string {
	p := r.Priors
	s := fmt.Sprintf("Default ROI prior: the %s family (model.media_prior: %s)", p.Family, p.Requested)
	switch p.Family {
	case "share":
		s += ", centred so that media explain a fixed share of the KPI whatever the units of spend and KPI"
	case "roi":
		s += ", LogNormal(0.2, 0.9) on ROI in KPI per unit of spend"
	}
	return s + fmt.Sprintf(". Before the data, the ROI priors put media at %s of the KPI; the fitted model (calibrated, when tests are used) puts them at %s.",
		formatInterval(p.MediaShare, formatShortPct), formatInterval(mediaShare(r), formatShortPct))
}

// mediaShare is one minus the baseline share.
func mediaShare(r *Report) Interval {
	b := r.Header.BaselineShare
	if !b.Known() {
		return Unknown
	}
	return Interval{Mean: 1 - b.Mean, Lo: 1 - b.Hi, Hi: 1 - b.Lo}
}

func priorTable(r *Report) table {
	eff := r.effName()
	t := table{Head: []string{"channel", "prior source", "prior " + eff, eff + " MMM alone"}, Align: "llrr"}
	withTests := false
	for _, pc := range r.Priors.Channels {
		withTests = withTests || pc.Calibrated != nil
	}
	if withTests {
		t.Head = append(t.Head, "prior with tests (roi_prior)")
		t.Align += "r"
	}
	for c, pc := range r.Priors.Channels {
		post := notAvailable
		if c < len(r.Channels) {
			post = formatInterval(r.efficiency(r.Channels[c].Spend, r.Channels[c].MMM), formatSig)
		}
		row := []string{pc.Name, pc.Source, formatInterval(r.iroasEff(pc.ROI), formatSig), post}
		if withTests {
			cal := ""
			if pc.Calibrated != nil {
				cal = formatInterval(r.iroasEff(pc.Calibrated.ROI), formatSig)
			}
			row = append(row, cal)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
