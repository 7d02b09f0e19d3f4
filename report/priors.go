package report

import (
	"fmt"

	"github.com/triad-mmm/triad/stat"
)

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
	// FreeR2 is the in-sample R² of the MMM alone's design refitted with
	// flat ROI priors (NaN when the refit failed), beside Fit.R2.
	FreeR2 float64 `json:"free_r2"`
	// Flags are the prior–data conflicts about the priors as a whole
	// (prior_conflict); channels carry their own.
	Flags []Flag `json:"flags"`
	// SensitivityFit says which fit the sensitivity refits perturb: "MMM
	// alone" or "calibrated" (the one the budget plan uses).
	SensitivityFit string `json:"sensitivity_fit"`
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
	// SDRatio is the MMM alone's posterior SD of log ROI over the prior's
	// σ (near 1: the posterior is the prior); Z is its posterior mean of
	// log ROI less μ, in prior σ (beyond ±2: piled in a tail).
	SDRatio float64 `json:"sd_ratio"`
	Z       float64 `json:"prior_z"`
	// Sensitivity is the channel's ROI under other priors; nil when the
	// refits failed.
	Sensitivity *PriorSensitivity `json:"sensitivity"`
}

// PriorSensitivity is a channel's posterior mean ROI, by Laplace from the
// same mode, under its own ROI prior (Default), one twice as wide, and
// ones whose median is moved two prior SDs down (Lower) and up (Higher).
// Move is the largest change; PriorDriven says it exceeds half the
// channel's interval, so the budget plan keeps its spend.
type PriorSensitivity struct {
	Default     float64 `json:"default"`
	Wider       float64 `json:"wider"`
	Lower       float64 `json:"lower"`
	Higher      float64 `json:"higher"`
	Move        float64 `json:"move"`
	PriorDriven bool    `json:"prior_driven"`
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
	s += fmt.Sprintf(". Before the data, the ROI priors put media at %s of the KPI; the fitted model (calibrated, when tests are used) puts them at %s.",
		formatInterval(p.MediaShare, formatShortPct), formatInterval(mediaShare(r), formatShortPct))
	if stat.Finite(p.FreeR2) {
		s += fmt.Sprintf(" With flat ROI priors the same design fits R² %s (MMM alone: %s).", formatSig(p.FreeR2), formatSig(r.Fit.R2))
	}
	if p.SensitivityFit != "" {
		s += fmt.Sprintf(" Sensitivity (%s fit, Laplace refits from its mode): each channel's ROI under its prior, one twice as wide, and ones moved two prior SDs down and up; a channel whose ROI moves by more than half its interval is prior-driven, and the budget plan keeps its spend.",
			p.SensitivityFit)
	}
	return s
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
	fit := r.Priors.SensitivityFit
	if fit == "" {
		fit = "final"
	}
	t.Head = append(t.Head, "posterior SD / prior SD", eff+" "+fit+", Laplace: default / wider / lower / higher prior", "prior-driven")
	t.Align += "rrl"
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
		sens, driven := notAvailable, ""
		if s := pc.Sensitivity; s != nil {
			f := func(v float64) string { return formatSig(r.iroasEff(Point(v)).Mean) }
			sens = f(s.Default) + " / " + f(s.Wider) + " / " + f(s.Lower) + " / " + f(s.Higher)
			driven = yesNo(s.PriorDriven)
		}
		row = append(row, formatSig(pc.SDRatio), sens, driven)
		t.Rows = append(t.Rows, row)
	}
	for _, f := range r.Priors.Flags {
		t.Notes = append(t.Notes, note{"priors", f.Code, f.Message})
	}
	return t
}
