package lift

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Format is the layout of a lift-test file.
type Format int

const (
	// Canonical is triad's own layout (see the package documentation).
	Canonical Format = iota
	// Robyn is Robyn's calibration_input data frame.
	Robyn
	// PyMC is a PyMC-Marketing lift-test frame (add_lift_test_measurements).
	PyMC
	// GeoLift is a table of GeoLift summaries, one row per test.
	GeoLift
)

// formats is the one list of the formats' names, in the order of the
// constants.
var formats = []string{"canonical", "robyn", "pymc", "geolift"}

func (f Format) String() string {
	if f >= 0 && int(f) < len(formats) {
		return formats[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat reads a format name as used in calibration.format; "" means
// canonical. The error quotes s and lists the valid names, so that a
// caller only adds what was being read.
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return Canonical, nil
	}
	for i, n := range formats {
		if n == s {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("%q: want %s or %s", s, strings.Join(formats[:len(formats)-1], ", "), formats[len(formats)-1])
}

// UnmarshalText parses text with ParseFormat.
func (f *Format) UnmarshalText(text []byte) (err error) {
	*f, err = ParseFormat(string(text))
	return err
}

// fields names the columns of the record-per-test layouts (canonical and
// GeoLift), which share one row parser. An empty name means the layout has
// no such column.
type fields struct {
	id, channel, start, end, spend      string
	incremental, iroas                  string
	se, lower, upper, confidence, sided string
	pvalue                              string
	scope, typ, cooldown, include       string
	// geos names the column of treated geos, split at any of geoSep.
	geos, geoSep string
	// foldGeoCase matches geo names ignoring case when no exact match
	// exists (GeoLift lower-cases its locations).
	foldGeoCase bool
	// idPrefix, when set, makes test_id optional: missing ids become
	// idPrefix-<row>.
	idPrefix string
	// defaultConfidence applies to intervals without a confidence level;
	// 0 makes the level required.
	defaultConfidence float64
}

var canonicalFields = fields{
	id: "test_id", channel: "channel", start: "start_date", end: "end_date", spend: "spend",
	incremental: "incremental_kpi", iroas: "iroas",
	se: "se", lower: "ci_lower", upper: "ci_upper", confidence: "confidence", sided: "ci_sided",
	pvalue: "p_value",
	scope:  "scope_share", typ: "test_type", cooldown: "cooldown_end", include: "include",
	geos: "geos", geoSep: ";",
}

// geoliftFields follows the names of GeoLift's summary (incremental, lower
// and upper bound of the conformal interval, 90% by default, p-value).
var geoliftFields = fields{
	id: "test_id", channel: "channel", start: "start_date", end: "end_date", spend: "spend",
	incremental: "incremental",
	se:          "se", lower: "lower", upper: "upper", confidence: "confidence", sided: "ci_sided",
	pvalue: "p_value",
	scope:  "scope_share", typ: "test_type", cooldown: "cooldown_end", include: "include",
	idPrefix: "geolift", defaultConfidence: 0.9,
	// GeoLift's treated locations, as GeoLiftMarketSelection lists them
	// ("chicago, portland").
	geos: "location", geoSep: ";,", foldGeoCase: true,
}

func (f fields) columns() []tabular.Column {
	req := func(name string, k tabular.Kind) tabular.Column { return tabular.Column{Name: name, Kind: k} }
	opt := func(name string, k tabular.Kind) tabular.Column {
		return tabular.Column{Name: name, Kind: k, Optional: true}
	}
	cols := []tabular.Column{
		req(f.channel, tabular.String), req(f.start, tabular.Date), req(f.end, tabular.Date),
		req(f.spend, tabular.Float),
	}
	if f.idPrefix == "" {
		cols = append([]tabular.Column{req(f.id, tabular.String)}, cols...)
	} else {
		cols = append([]tabular.Column{opt(f.id, tabular.String)}, cols...)
	}
	if f.iroas == "" {
		cols = append(cols, req(f.incremental, tabular.Float))
	} else {
		// Either column may carry the estimate; Parse checks one is there.
		cols = append(cols, opt(f.incremental, tabular.Float), opt(f.iroas, tabular.Float))
	}
	for _, n := range []string{f.se, f.lower, f.upper, f.confidence, f.pvalue, f.scope} {
		cols = append(cols, opt(n, tabular.Float))
	}
	cols = append(cols, opt(f.sided, tabular.String), opt(f.typ, tabular.String),
		opt(f.cooldown, tabular.Date), opt(f.include, tabular.Bool))
	if f.geos != "" {
		cols = append(cols, opt(f.geos, tabular.String))
	}
	return cols
}

// fields returns the layout's columns as far as the record layouts name
// them (Robyn's and PyMC's channel and window; a PyMC frame without dates
// spans the panel).
func (f Format) fields() fields {
	switch f {
	case GeoLift:
		return geoliftFields
	case Robyn:
		return fields{channel: robynChannel, start: robynStart, end: robynEnd}
	case PyMC:
		return fields{channel: pymcChannel, start: pymcStart, end: pymcEnd}
	}
	return canonicalFields
}

// Robyn calibration_input columns.
const (
	robynChannel = "channel"
	robynStart   = "liftStartDate"
	robynEnd     = "liftEndDate"
	robynAbs     = "liftAbs"
	robynSpend   = "spend"
	robynConf    = "confidence"
	robynMetric  = "metric"
	robynScope   = "calibration_scope"
	robynSE      = "se"
	robynID      = "test_id"
)

// PyMC-Marketing lift frame columns.
const (
	pymcChannel = "channel"
	pymcX       = "x"
	pymcDeltaX  = "delta_x"
	pymcDeltaY  = "delta_y"
	pymcSigma   = "sigma"
	pymcID      = "test_id"
	pymcStart   = "start_date"
	pymcEnd     = "end_date"
)

// columns returns the columns to request from a lift-test file of format
// f; Read passes them to tabular.Read.
func columns(f Format) []tabular.Column {
	req := func(name string, k tabular.Kind) tabular.Column { return tabular.Column{Name: name, Kind: k} }
	opt := func(name string, k tabular.Kind) tabular.Column {
		return tabular.Column{Name: name, Kind: k, Optional: true}
	}
	switch f {
	case Robyn:
		return []tabular.Column{
			req(robynChannel, tabular.String), req(robynStart, tabular.Date), req(robynEnd, tabular.Date),
			req(robynAbs, tabular.Float), req(robynSpend, tabular.Float),
			opt(robynConf, tabular.Float), opt(robynMetric, tabular.String), opt(robynScope, tabular.String),
			opt(robynSE, tabular.Float), opt(robynID, tabular.String),
		}
	case PyMC:
		return []tabular.Column{
			req(pymcChannel, tabular.String), req(pymcX, tabular.Float), req(pymcDeltaX, tabular.Float),
			req(pymcDeltaY, tabular.Float), req(pymcSigma, tabular.Float),
			opt(pymcID, tabular.String), opt(pymcStart, tabular.Date), opt(pymcEnd, tabular.Date),
		}
	case GeoLift:
		return geoliftFields.columns()
	}
	return canonicalFields.columns()
}
