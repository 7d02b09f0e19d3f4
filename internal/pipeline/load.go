package pipeline

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/mta"
	"github.com/triad-mmm/triad/stat"
)

// Inputs are the three inputs, read and validated against each other.
type Inputs struct {
	Config   *config.Config
	Panel    *panel.Panel
	Tests    []lift.Test
	Findings []lift.Finding
	MTA      *mta.Aggregate // nil without an MTA export
	Mapping  mta.Mapping
	// Extras holds the columns of the inputs keys (revenue per KPI,
	// factors, organic media, treatments), aligned to the panel.
	Extras *extras
	// Carry holds each channel's drive in the panel rows before
	// model.window (nil without a window); window says how many rows the
	// window left out.
	Carry [][]float64
	// CarryFrequency holds an R&F channel's frequency in those rows.
	CarryFrequency [][]float64
	// GeoCarry holds, on a geo panel, each channel's drive per geo in
	// those rows ([channel][geo][t], the geo model's mmm.GeoData.Carry).
	GeoCarry [][][]float64
	window   windowInfo
	// Offline[c] reports whether channel c is invisible to MTA; nil when
	// the config does not say and there is no MTA export to tell.
	Offline  []*bool
	Warnings []string
}

// Load reads and validates every input named by cfg. It writes nothing.
// Problems with the data come back as errors that IsInputError recognises;
// the first is an input that some command would overwrite with an output.
func Load(cfg *config.Config) (*Inputs, error) {
	if err := checkOverlap(cfg); err != nil {
		return nil, err
	}
	if cfg.Model.RevenuePerKPI.IsSet() {
		// Revenue per KPI makes the KPI a count (conversions): the model
		// fits it and the report adds the ROI in revenue.
		cfg.Model.KPIType = mmm.Count
	}
	in := &Inputs{Config: cfg}
	p, warn, err := panel.Load(cfg.Data.Panel, panelSpec(cfg))
	if err != nil {
		return nil, asInput(err)
	}
	in.Panel = p
	in.Warnings = append(in.Warnings, warn...)
	in.warnGeoInputs()
	if in.Extras, err = readExtras(cfg, p.Dates); err != nil {
		return nil, asInput(err)
	}
	in.appendOrganic()
	geoUnits, geoTreatments, geoFactors, err := readGeoColumns(cfg, p.Geos)
	if err != nil {
		return nil, asInput(err)
	}
	in.appendGeoOrganic(geoUnits)
	in.Extras.geoTreatments, in.Extras.geoFactors = geoTreatments, geoFactors
	if err := in.applyReach(); err != nil {
		return nil, asInput(err)
	}
	if err := in.applyWindow(); err != nil {
		return nil, asInput(err)
	}

	if cfg.Data.LiftTests != "" {
		if err := in.loadTests(); err != nil {
			return nil, asInput(err)
		}
	}
	if cfg.Data.MTA != "" {
		if err := in.loadMTA(); err != nil {
			return nil, asInput(err)
		}
	}
	in.Offline = make([]*bool, len(p.Channels))
	for c, ch := range cfg.Model.Channels {
		switch {
		case ch.Offline != nil:
			v := *ch.Offline
			in.Offline[c] = &v
		case in.MTA != nil:
			v := stat.Sum(in.MTA.Attributed[c]) == 0
			in.Offline[c] = &v
		}
	}
	return in, nil
}

// checkOverlap refuses a configuration in which an output file of any
// command is one of the data files (or extra inputs), after resolving links.
func checkOverlap(cfg *config.Config, extra ...outdir.Input) error {
	inputs := append([]outdir.Input{
		{Key: "data.panel", Path: cfg.Data.Panel},
		{Key: "data.lift_tests", Path: cfg.Data.LiftTests},
		{Key: "data.mta", Path: cfg.Data.MTA},
	}, extra...)
	err := outdir.CheckInputs(cfg.Output.Dir, allOutputs(cfg), inputs)
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var p []string
		for _, e := range joined.Unwrap() {
			p = append(p, e.Error())
		}
		return &config.Error{Problems: p}
	}
	return &config.Error{Problems: []string{err.Error()}}
}

func panelSpec(cfg *config.Config) panel.Spec {
	s := panel.Spec{Date: cfg.Model.Date, KPI: cfg.Model.KPI, Controls: cfg.Model.Controls, Geo: cfg.Model.Geo,
		Population: cfg.Model.Population}
	for _, ch := range cfg.Model.Channels {
		s.Channels = append(s.Channels, panel.ChannelColumn{Name: ch.Name, Spend: ch.Spend, Impressions: ch.Impressions})
	}
	return s
}

func (in *Inputs) loadTests() error {
	cfg := in.Config
	path := cfg.Data.LiftTests
	opts := lift.ParseOptions{
		PanelStart: in.Panel.Dates[0],
		PanelEnd:   in.Panel.End(),
		StepDays:   in.Panel.StepDays,
		RelativeSE: cfg.Calibration.RelativeSE,
		KPI:        cfg.Model.KPI,
		KPIType:    cfg.Model.KPIType.String(),
	}
	if in.Panel.Geos != nil {
		opts.Geos = in.Panel.Geos.Names
	}
	in.liftAliases(&opts)
	opts.RevenuePerKPI = cfg.Model.RevenuePerKPI.IsSet()
	tests, warn, err := lift.Read(path, cfg.Calibration.Format, opts)
	if err != nil {
		return err
	}
	in.revenueTestsToKPI(tests)
	// A geo test's scope is its geos' share of the spend, unless the file
	// says otherwise; the geo model evaluates it on the geos themselves.
	lift.SetGeoScopes(tests, in.Panel)
	in.Warnings = append(in.Warnings, warn...)
	findings := lift.Check(tests, in.Panel, lift.CheckOptions{
		Source:        path,
		HalfLifeWeeks: cfg.Calibration.HalfLifeWeeks,
		AgeWeighted:   cfg.Calibration.Mode == config.ROIPrior,
		Format:        cfg.Calibration.Format,
	})
	var errs []string
	for _, f := range findings {
		switch f.Severity {
		case lift.Error:
			errs = append(errs, f.String())
		case lift.Warning:
			in.Warnings = append(in.Warnings, f.String())
		}
	}
	if len(errs) > 0 {
		// Each finding names the file, row and column already.
		return inputErrorf("%s", strings.Join(errs, "\n"))
	}
	in.Tests, in.Findings = tests, findings
	return nil
}

func (in *Inputs) loadMTA() error {
	cfg := in.Config
	var pairs []mta.MapEntry
	for _, m := range cfg.MTA.ChannelMap {
		pairs = append(pairs, mta.MapEntry{MTA: m.MTA, Channel: m.Channel})
	}
	m, err := mta.NewMapping(pairs, in.Panel.Channels)
	if err != nil {
		return &config.Error{Problems: []string{err.Error()}}
	}
	agg, warn, err := mta.AggregateFile(cfg.Data.MTA, mtaSpec(cfg), m, in.Panel)
	if err != nil {
		return err
	}
	in.Warnings = append(in.Warnings, warn...)
	if w := unknownMTAGeos(cfg.Data.MTA, agg, in.Panel); w != "" {
		in.Warnings = append(in.Warnings, w)
	}
	in.MTA, in.Mapping = agg, m
	return nil
}

// unknownMTAGeos warns about geos of the MTA export that the panel lacks:
// their rows can only be calibrated with the national factors.
func unknownMTAGeos(source string, agg *mta.Aggregate, p *panel.Panel) string {
	if agg.Geos == nil {
		return ""
	}
	var unknown []string
	for _, g := range agg.Geos {
		if p.Geos == nil {
			break
		}
		if _, ok := p.Geos.Index(g); !ok {
			unknown = append(unknown, g)
		}
	}
	switch {
	case p.Geos == nil:
		return fmt.Sprintf("%s: mta.geo is set but the panel has no geos (model.geo): MTA rows are calibrated with national factors", filepath.Base(source))
	case len(unknown) > 0:
		return fmt.Sprintf("%s: %d MTA geos are not panel geos (%s): their rows are calibrated with national factors",
			filepath.Base(source), len(unknown), strings.Join(unknown[:min(len(unknown), 5)], ", "))
	}
	return ""
}

func mtaSpec(cfg *config.Config) mta.Spec {
	return mta.Spec{
		Date: cfg.MTA.Date, Channel: cfg.MTA.Channel, Campaign: cfg.MTA.Campaign,
		Value: cfg.MTA.Value, Spend: cfg.MTA.Spend, Model: cfg.MTA.Model, UseModel: cfg.MTA.UseModel,
		Geo: cfg.MTA.Geo,
	}
}

// asInput marks data errors (those that point into a file) as input errors.
func asInput(err error) error {
	var cell *tabular.CellError
	if errors.As(err, &cell) || config.IsError(err) || IsInputError(err) {
		return &InputError{Err: err}
	}
	return err
}

// isOffline reports whether channel c is known to be invisible to MTA.
func (in *Inputs) isOffline(c int) bool { return in.Offline[c] != nil && *in.Offline[c] }
