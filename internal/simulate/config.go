package simulate

import (
	"fmt"
	"strconv"
	"strings"
)

// ConfigYAML returns a triad configuration that runs on the world's files
// written with extension ext ("csv" or "parquet") in the same directory.
// Offline channels are marked as such and TV, bought in flights with a
// lagged response, is given delayed adstock, as an analyst would.
func (w *World) ConfigYAML(ext string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# triad configuration for a simulated world (seed %d, %d weeks from %s).\n", w.Options.Seed, len(w.Dates), w.Dates[0])
	if w.Geos != nil {
		p("# A geo world: %d geos × %d weeks.\n", len(w.Geos), len(w.Dates))
	}
	p("# Written by `triad simulate`; truth.json beside it holds the true values.\n")
	p("data:\n")
	p("  panel: %s\n", q("panel."+ext))
	p("  lift_tests: %s\n", q("lift_tests."+ext))
	p("  mta: %s\n", q("mta."+ext))
	p("model:\n")
	p("  kpi: %s\n", q(colKPI))
	p("  kpi_type: revenue\n")
	p("  date: %s\n", q(colDate))
	if w.Geos != nil {
		p("  geo: %s\n", q(colGeo))
		p("  population: %s\n", q(colPopulation))
		p("  # sum fits the geos summed into a national panel, geo tests scaled to\n")
		p("  # their geos' spend share; the geo model fits them geo by geo.\n")
		p("  geo_model: %s\n", geoModel)
	}
	p("  channels:\n")
	for _, c := range w.Channels {
		p("    - name: %s\n", q(c.Name))
		p("      spend: %s\n", q(SpendColumn(c.Name)))
		if c.Offline {
			p("      offline: true\n")
		}
		if c.Response.Adstock.Kind == "delayed" {
			p("      adstock: delayed\n")
		}
	}
	p("  controls: [%s]\n", qlist(w.ControlNames))
	p("sampler:\n")
	p("  chains: 4\n  warmup: 1000\n  draws: 1000\n  seed: %d\n", w.Options.Seed)
	p("calibration:\n")
	p("  mode: counterfactual\n")
	p("mta:\n")
	p("  value: %s\n", q(colAttributed))
	p("  date: %s\n", q(colDate))
	p("  channel: channel\n")
	if w.Geos == nil {
		p("  campaign: campaign\n")
	} else {
		p("  geo: %s\n", q(colGeo))
	}
	p("  spend: spend\n")
	p("  channel_map:\n")
	for _, c := range w.Channels {
		if c.Platform != "" {
			p("    - {mta: %s, channel: %s}\n", q(c.Platform), q(c.Name))
		}
	}
	p("  # %s is deliberately left unmapped: triad reports it.\n", unmappedPlatform)
	p("output:\n")
	p("  dir: triad-out\n")
	return b.String()
}

// geoModel is the model.geo_model a geo world's config.yaml asks for: the
// national fit of the summed geos, the baseline a geo model is measured
// against (geo_model: geo, one edit away, fits the geo model).
const geoModel = "sum"

// q quotes a YAML scalar when it is not a plain identifier. Go's quoting
// is valid YAML for the printable ASCII names used here.
func q(s string) string {
	for _, r := range s {
		if !(r == '_' || r == '.' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return strconv.Quote(s)
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return strconv.Quote(s)
	}
	if s == "" || strings.ContainsAny(s[:1], "-.0123456789") {
		return strconv.Quote(s)
	}
	return s
}

func qlist(v []string) string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = q(s)
	}
	return strings.Join(out, ", ")
}
