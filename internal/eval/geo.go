package eval

import (
	"fmt"
	"slices"

	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/report"
)

// GeoCoverage counts the geo × channel ROI intervals of the report's geos[]
// (the calibrated model's, or the MMM alone's without calibration) that hold
// the world's true per-geo ROI. Pairs without spend in the geo have no ROI
// and are skipped; a geo or channel of the world missing from the report is
// an error, and an unknown interval is a miss.
func GeoCoverage(w *simulate.World, r *report.Report) (covered, n int, err error) {
	for _, tg := range w.Truth.Geos {
		gi := slices.IndexFunc(r.Geos, func(g report.Geo) bool { return g.Name == tg.Name })
		if gi < 0 {
			return 0, 0, fmt.Errorf("eval: geo %q of the world is not in the report", tg.Name)
		}
		rg := r.Geos[gi]
		for _, tc := range tg.Channels {
			if tc.ROI == nil {
				continue
			}
			ci := slices.IndexFunc(rg.Channels, func(c report.GeoChannel) bool { return c.Name == tc.Name })
			if ci < 0 {
				return 0, 0, fmt.Errorf("eval: channel %q of geo %q is not in the report", tc.Name, tg.Name)
			}
			n++
			if Covers(rg.Channels[ci].ROI, *tc.ROI) {
				covered++
			}
		}
	}
	return covered, n, nil
}
