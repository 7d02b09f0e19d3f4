package pipeline

import (
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/internal/config"
)

// fitsGeo reports whether the inputs are fitted by the geo model.
func (in *Inputs) fitsGeo() bool {
	return in.Panel.Geos != nil && in.Config.GeoModel() == config.GeoModelGeo
}

// warnGeoInputs says what the geo model does not use: a paid channel's
// impressions are accepted (Meridian's geo panel carries them), but the
// geo model's adstock and saturation run on spend. Organic media,
// treatments and factors are fitted per geo.
func (in *Inputs) warnGeoInputs() {
	if !in.fitsGeo() {
		return
	}
	var units []string
	for _, ch := range in.Config.Model.Channels {
		if ch.Impressions != "" {
			units = append(units, ch.Name)
		}
	}
	if len(units) > 0 {
		in.Warnings = append(in.Warnings, fmt.Sprintf(
			"geo model: the media units of %s are not used; its adstock and saturation run on spend (model.geo_model: sum uses the units)",
			strings.Join(units, ", ")))
	}
}
