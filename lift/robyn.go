package lift

import (
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/internal/tabular"
)

// robyn parses Robyn's calibration_input. Robyn takes a point estimate
// only; its confidence column is documented as "1 − p-value" of a
// frequentist test, so the SE is derived as from a p-value:
// se = |liftAbs| / z((1 + confidence)/2). An se column, when present,
// takes precedence; rows with neither fall back to ParseOptions.RelativeSE.
func (p *parser) robyn() {
	scopeWarned := false
	for i := 0; i < p.t.Len(); i++ {
		t := Test{Row: p.row(i), ScopeShare: 1, Include: true, Type: Holdout}
		if id, has := p.str(robynID, i); has {
			t.ID = id
		} else {
			t.ID = fmt.Sprintf("robyn-%d", t.Row)
		}
		var okC, okW, okS, okE bool
		t.Channel, okC = p.requiredChannel(robynChannel, i)
		t.Start, t.End, okW = p.window(robynStart, robynEnd, i)
		t.Spend, okS = p.positiveSpend(robynSpend, i, t.Channel)
		t.Incremental, okE = p.finite(robynAbs, i)
		ok := okC && okW && okS && okE
		if okE {
			se, src, okSE := p.robynSE(i, t.Incremental)
			t.SE, t.SESource = se, src
			ok = ok && okSE
		}
		if s, has := p.str(robynScope, i); has {
			switch strings.ToLower(s) {
			case "immediate":
			case "total":
				days := p.opts.TotalScopeDays
				if days <= 0 {
					days = 56
				}
				t.CooldownEnd = t.End.AddDays(days)
				if p.opts.PanelEnd != 0 && t.CooldownEnd > p.opts.PanelEnd {
					t.CooldownEnd = p.opts.PanelEnd
				}
				if t.CooldownEnd < t.End {
					t.CooldownEnd = 0
				}
				if !scopeWarned {
					p.warn(i, robynScope, "calibration_scope total: the measured lift is taken to include carryover up to %d days after liftEndDate", days)
					scopeWarned = true
				}
			default:
				p.fail(i, robynScope, "unknown calibration_scope %s (want immediate or total)", tabular.Quote(s))
				ok = false
			}
		}
		if m, has := p.str(robynMetric, i); has && (p.opts.KPI != "" || p.opts.KPIType != "") {
			switch {
			case p.opts.metricIsKPI(m):
			case strings.EqualFold(m, "revenue") && p.opts.RevenuePerKPI:
				t.InRevenue = true
			default:
				p.fail(i, robynMetric, "metric %s is not the model's KPI %q (%s)%s", tabular.Quote(m), p.opts.KPI, p.opts.KPIType, p.opts.metricHint(m))
				ok = false
			}
		}
		if ok {
			p.tests = append(p.tests, t)
		}
	}
}

func (p *parser) robynSE(i int, est float64) (float64, SESource, bool) {
	if se, has := p.num(robynSE, i); has {
		if !(se > 0) || math.IsInf(se, 0) {
			p.fail(i, robynSE, "standard error must be positive, got %v", se)
			return 0, 0, false
		}
		return se, SEGiven, true
	}
	if c, has := p.num(robynConf, i); has {
		c, err := NormalizeConfidence(c)
		if err != nil {
			p.fail(i, robynConf, "%v", err)
			return 0, 0, false
		}
		se, err := PValueSE(est, 1-c)
		if err != nil {
			p.fail(i, robynConf, "confidence %v (p = %v): %v", c, 1-c, err)
			return 0, 0, false
		}
		p.warn(i, robynConf, "standard error %.6g derived from Robyn's confidence as 1 − p-value, the weakest source", se)
		return se, SEFromPValue, true
	}
	se, ok := p.assumedSE(i, robynConf, "confidence (1 − p-value) or se", est)
	return se, SEAssumed, ok
}
