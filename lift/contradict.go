package lift

import (
	"fmt"
	"math"
	"strings"
)

// Contradicted marks a test that a newer test of the same type on the same
// channel disagrees with: the channel may have changed since, or one of
// the two is off. The older test keeps its place in the fit (and its
// age-based treatment); the flag asks a person to decide.
const Contradicted Code = "contradicted_by_newer"

// contradictionZ is the |z| beyond which two tests' iROAS disagree.
const contradictionZ = 2

// checkContradictions flags each test whose measured iROAS differs from
// that of a newer test (one whose measurement ended later) of the same
// type on its channel by more than contradictionZ standard errors of the
// difference: z = (newer − older) / sqrt(se_older² + se_newer²), iROAS and
// SE per unit of the spend each test moved. A heavy-up measures a marginal
// return and a holdout an average one, so they are not compared; nor are
// tests without spend or that the other checks found unusable (bad[id]).
func checkContradictions(tests []Test, bad map[string]bool, add func(Test, Code, Severity, string, ...any)) {
	usable := func(t Test) bool { return t.Spend != 0 && !bad[t.ID] }
	for _, t := range tests {
		if !usable(t) {
			continue
		}
		var by []string
		for _, o := range tests {
			if o.ID == t.ID || o.Channel != t.Channel || o.Type != t.Type || !usable(o) || o.MeasureEnd() <= t.MeasureEnd() {
				continue
			}
			s := math.Hypot(t.IROASSE(), o.IROASSE())
			if z := (o.IROAS() - t.IROAS()) / s; s > 0 && math.Abs(z) > contradictionZ {
				by = append(by, fmt.Sprintf("%s (iROAS %.3g, SE %.3g, measured until %v; z = %.1f)", o.ID, o.IROAS(), o.IROASSE(), o.MeasureEnd(), z))
			}
		}
		if len(by) > 0 {
			add(t, Contradicted, Warning, "measured iROAS %.3g (SE %.3g) is contradicted by the newer test %s on %s: the channel may have changed, or one test is off",
				t.IROAS(), t.IROASSE(), strings.Join(by, " and "), t.Channel)
		}
	}
}
