package simulate

import (
	"fmt"
	"time"

	"github.com/triad-mmm/triad/civil"
)

// Options chooses a world. The zero value (apart from Seed) gives the
// default world: 156 weeks from Monday 2022-01-03.
type Options struct {
	Seed uint64
	// Weeks is the panel length (default 156, at least 52).
	Weeks int
	// Start is the first week's start date (default 2022-01-03, a Monday).
	Start civil.Date
	// NoiseSD is the SD of the revenue noise relative to mean revenue
	// (default: drawn in [0.03, 0.06]).
	NoiseSD float64
	// MediaShare is the share of noiseless revenue driven by media
	// (default: drawn in [0.15, 0.35]).
	MediaShare float64
	// LiftTests is the number of lift tests (default: drawn in 3…5; at most 6,
	// one per channel).
	LiftTests int
	// Campaigns is the number of MTA campaigns per online channel
	// (default: drawn in 2…4 per channel; at most 4).
	Campaigns int
	// Geos, when positive, makes a geo world (geo.go): that many geos of
	// unbalanced sizes, each with its own population, flighting and media
	// effects, geo-holdout lift tests and a geo MTA export. 0 is the
	// national world, unchanged by this option.
	Geos int
}

// MaxGeos is the largest number of geos a world may have.
const MaxGeos = 500

// DefaultStart is the default first week: Monday 3 January 2022.
var DefaultStart = civil.New(2022, time.January, 3)

func (o Options) withDefaults() (Options, error) {
	if o.Weeks == 0 {
		o.Weeks = 156
	}
	if o.Start == 0 {
		o.Start = DefaultStart
	}
	switch {
	case o.Weeks < 52:
		return o, fmt.Errorf("simulate: %d weeks: want at least 52", o.Weeks)
	case o.Weeks > 2000:
		return o, fmt.Errorf("simulate: %d weeks: want at most 2000", o.Weeks)
	case o.NoiseSD < 0 || o.NoiseSD > 0.5:
		return o, fmt.Errorf("simulate: noise SD %g: want 0 (default) or in (0, 0.5]", o.NoiseSD)
	case o.MediaShare < 0 || o.MediaShare >= 0.9:
		return o, fmt.Errorf("simulate: media share %g: want 0 (default) or in (0, 0.9)", o.MediaShare)
	case o.LiftTests < 0 || o.LiftTests > len(catalogue):
		return o, fmt.Errorf("simulate: %d lift tests: want 0 (default) to %d", o.LiftTests, len(catalogue))
	case o.Geos < 0 || o.Geos == 1 || o.Geos > MaxGeos:
		return o, fmt.Errorf("simulate: %d geos: want 0 (a national world) or 2 to %d", o.Geos, MaxGeos)
	case o.Campaigns < 0 || o.Campaigns > maxCampaigns:
		return o, fmt.Errorf("simulate: %d campaigns per channel: want 0 (default) to %d", o.Campaigns, maxCampaigns)
	}
	return o, nil
}
