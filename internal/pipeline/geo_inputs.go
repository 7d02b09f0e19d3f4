package pipeline

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/internal/config"
)

// checkGeoInputs refuses the inputs that the geo model cannot fit yet, so
// that none is dropped without a word: factors are terms of
// the national model only. (Factors: a categorical column's levels may
// differ between geos, and the national coding takes the first geo's.) A channel's impressions
// are not refused (Meridian's geo panel carries them), but the geo model's
// adstock and saturation run on spend, and the warning says so.
func (in *Inputs) checkGeoInputs() error {
	cfg := in.Config
	if in.Panel.Geos == nil || cfg.GeoModel() != config.GeoModelGeo {
		return nil
	}
	m := cfg.Model
	var terms []string
	if len(m.Factors) > 0 {
		terms = append(terms, "model.factors")
	}
	if len(terms) > 0 {
		return &config.Error{Problems: []string{fmt.Sprintf(
			"%s: not fitted by the geo model yet; set model.geo_model: sum to fit them on the geos summed, or give them as model.controls",
			strings.Join(terms, ", "))}}
	}
	var units []string
	for _, ch := range m.Channels {
		if ch.Impressions != "" {
			units = append(units, ch.Name)
		}
	}
	if len(units) > 0 {
		in.Warnings = append(in.Warnings, fmt.Sprintf(
			"geo model: the media units of %s are not used; its adstock and saturation run on spend (model.geo_model: sum uses the units)",
			strings.Join(units, ", ")))
	}
	return nil
}
