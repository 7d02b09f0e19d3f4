package calibrate

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// GeoHoldout is a named set of treated geos under a geo model: the
// treated geos' summed spend on the channel per period, their summed
// residual variance per period (Σ σ_g² in KPI², from the geo model's own
// noise), the other geos' likewise, and Ratio, the treated geos' KPI over
// the others' in the pre-period (the scale of their synthetic control).
type GeoHoldout struct {
	Spend                  []float64
	TreatedVar, ControlVar float64
	Ratio                  float64
}

// DesignGeoTest is DesignTest on a named set of treated geos: the holdout
// share is theirs, and the SE follows from their own spend and noise. The
// test's lift is the treated geos' KPI less Ratio × the others', whose
// variance over m measured periods is m·(TreatedVar + Ratio²·ControlVar)
// (with σ_g² proportional to KPI share this is DesignTest's
// σ²·m·h/(1−h)); the moved spend is the treated geos' recent spend over
// the treatment periods. It picks the fewest weeks that reach target, else
// the most precise; ok is false when the inputs allow no estimate.
func DesignGeoTest(h GeoHoldout, share, roi, target float64, w []float64, stepDays int, o DesignOptions) (d Design, ok bool) {
	o = o.withDefaults()
	spend := recentSpend(h.Spend, stepDays, o.RecentWeeks)
	v := h.TreatedVar + h.Ratio*h.Ratio*h.ControlVar
	if !(spend > 0) || !stat.Finite(roi) || !(v > 0) || !stat.Finite(v) || !(target > 0) || stepDays <= 0 {
		return Design{}, false
	}
	cool := 0
	if len(w) > 0 {
		cool = CarryoverPeriods(w) - 1
	}
	for weeks := o.MinWeeks; weeks <= o.MaxWeeks; weeks++ {
		n := max(1, int(math.Round(float64(weeks)*7/float64(stepDays))))
		m := n + cool
		p := CaptureShare(w, unitSeries(n), unitSeries(m))
		moved := float64(n) * spend
		c := Design{HoldoutShare: share, Weeks: weeks, CooldownWeeks: (cool*stepDays + 6) / 7, TargetSE: target,
			ExpectedSE: math.Sqrt(float64(m)*v) / (p * moved), ExpectedLift: p * moved * roi}
		c.Reaches = c.ExpectedSE <= target
		if !ok || c.Reaches && !d.Reaches || !d.Reaches && c.ExpectedSE < d.ExpectedSE {
			d, ok = c, true
		}
		if d.Reaches {
			break
		}
	}
	return d, ok
}
