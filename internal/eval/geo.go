package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

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

// ChannelChange is one channel's mean |ROI error| over worlds, by the MMM
// alone and calibrated.
type ChannelChange struct {
	Name              string
	Worlds            int
	Alone, Calibrated float64
}

// Worse reports whether calibration made the channel worse by more than
// slack: its calibrated mean |ROI error| exceeds the MMM alone's by more than
// slack·(alone) and by more than 0.02 (a few worlds' sampling noise).
func (c ChannelChange) Worse(slack float64) bool {
	return c.Calibrated > c.Alone*(1+slack) && c.Calibrated-c.Alone > 0.02
}

// ChannelChanges pools each channel (by name) over the worlds that have a
// calibrated fit, in the order channels first appear.
func (s Summary) ChannelChanges() []ChannelChange {
	var out []ChannelChange
	for _, r := range s.Results {
		if !r.HasCalibrated {
			continue
		}
		for _, c := range r.Channels {
			i := slices.IndexFunc(out, func(o ChannelChange) bool { return o.Name == c.Name })
			if i < 0 {
				out = append(out, ChannelChange{Name: c.Name})
				i = len(out) - 1
			}
			o := &out[i]
			o.Worlds++
			o.Alone += math.Abs(c.Alone.Mean - c.TrueROI)
			o.Calibrated += math.Abs(c.Calibrated.Mean - c.TrueROI)
		}
	}
	for i := range out {
		out[i].Alone /= float64(out[i].Worlds)
		out[i].Calibrated /= float64(out[i].Worlds)
	}
	return out
}

// FormatChannelChanges prints one line per channel: its mean |ROI error|
// alone and calibrated over the worlds.
func FormatChannelChanges(cs []ChannelChange) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "channel\tworlds\tmae alone\tmae calib\t")
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t\n", c.Name, c.Worlds, num(c.Alone), num(c.Calibrated))
	}
	tw.Flush()
	return b.String()
}
