package config

import (
	"fmt"
	"strings"
)

// The modes that only the configuration knows; the others are the
// libraries' own types (mmm.Likelihood, mmm.KPIType, mmm.MediaPrior, mmm.AdstockKind,
// mmm.SaturationKind, mmm.Method, lift.Format), each with its one list of
// spellings and an UnmarshalText that the loader's decode hook calls.

// CalibrationMode is how lift tests enter the model (calibration.mode).
type CalibrationMode int

const (
	// CalibrationAuto is the zero value: counterfactual with lift tests,
	// none without (see Config.CalibrationMode).
	CalibrationAuto CalibrationMode = iota
	// Counterfactual adds each test's predicted lift as a likelihood term.
	Counterfactual
	// ROIPrior turns the tests into ROI priors (Meridian-style).
	ROIPrior
	// CalibrationNone fits without the tests.
	CalibrationNone
)

var calibrationModes = []string{"", "counterfactual", "roi_prior", "none"}

func (m CalibrationMode) String() string { return name(calibrationModes, "CalibrationMode", int(m)) }

// UnmarshalText reads counterfactual, roi_prior or none; "" is auto.
func (m *CalibrationMode) UnmarshalText(text []byte) error {
	i, err := parse(calibrationModes, string(text))
	*m = CalibrationMode(i)
	return err
}

// BudgetObjective is what the optimiser maximises (budget.objective).
type BudgetObjective int

const (
	// MeanObjective maximises the expected KPI.
	MeanObjective BudgetObjective = iota
	// QuantileObjective maximises budget.quantile of the KPI: risk-averse.
	QuantileObjective
)

var budgetObjectives = []string{"mean", "quantile"}

func (o BudgetObjective) String() string { return name(budgetObjectives, "BudgetObjective", int(o)) }

// UnmarshalText reads mean or quantile; "" is mean.
func (o *BudgetObjective) UnmarshalText(text []byte) error {
	i, err := parse(budgetObjectives, string(text))
	*o = BudgetObjective(i)
	return err
}

// GeoModel is how a geo panel is fitted (model.geo_model).
type GeoModel int

const (
	// GeoModelAuto is the zero value: the geo model when model.geo is set
	// (see Config.GeoModel).
	GeoModelAuto GeoModel = iota
	// GeoModelGeo fits the geo-level model, geo by geo.
	GeoModelGeo
	// GeoModelSum sums the geos into a national panel and fits it.
	GeoModelSum
)

var geoModels = []string{"", "geo", "sum"}

func (m GeoModel) String() string { return name(geoModels, "GeoModel", int(m)) }

// UnmarshalText reads geo or sum; "" is auto.
func (m *GeoModel) UnmarshalText(text []byte) error {
	i, err := parse(geoModels, string(text))
	*m = GeoModel(i)
	return err
}

func name(names []string, typ string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", typ, i)
}

// parse returns the index of v in names, "" being the zero value; the
// error has the libraries' form, `"v": want a, b or c`.
func parse(names []string, v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	var valid []string
	for i, n := range names {
		if n == v {
			return i, nil
		}
		if n != "" {
			valid = append(valid, n)
		}
	}
	return 0, fmt.Errorf("%q: want %s or %s", v, strings.Join(valid[:len(valid)-1], ", "), valid[len(valid)-1])
}
