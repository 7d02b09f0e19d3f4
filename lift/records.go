package lift

import (
	"fmt"
	"math"
)

// records parses the one-record-per-test layouts (canonical, GeoLift).
func (p *parser) records(f fields) {
	if !p.t.Has(f.incremental) && (f.iroas == "" || !p.t.Has(f.iroas)) {
		msg := fmt.Sprintf("not found; the estimate needs column %s", f.incremental)
		if f.iroas != "" {
			msg += " or " + f.iroas
		}
		p.errs = append(p.errs, p.t.Errorf(-1, f.incremental, "%s", msg))
		return
	}
	for i := 0; i < p.t.Len(); i++ {
		if t, ok := p.record(f, i); ok {
			p.tests = append(p.tests, t)
		}
	}
}

func (p *parser) record(f fields, i int) (Test, bool) {
	t := Test{Row: p.row(i), ScopeShare: 1, Include: true}
	ok := true
	if id, has := p.str(f.id, i); has {
		t.ID = id
	} else if f.idPrefix != "" {
		t.ID = fmt.Sprintf("%s-%d", f.idPrefix, t.Row)
	} else {
		p.fail(i, f.id, "missing test_id")
		ok = false
	}
	var okC, okW, okS bool
	t.Channel, okC = p.requiredChannel(f.channel, i)
	t.Start, t.End, okW = p.window(f.start, f.end, i)
	t.Spend, okS = p.positiveSpend(f.spend, i, t.Channel)
	ok = ok && okC && okW && okS

	// A row without a usable spend stops after its estimate is checked:
	// an iROAS cannot be scaled without it.
	est, estCol, scale, okE := p.estimate(f, i, t.Spend, okS)
	if !okE || !okS {
		return t, false
	}
	t.Incremental = est * scale

	se, src, okSE := p.recordSE(f, i, est, estCol)
	if okSE {
		t.SE, t.SESource = se*scale, src
	}
	ok = ok && okSE

	okD := p.details(&t, f, i, okW)
	return t, ok && okD
}

// estimate reads the estimate from incremental_kpi, or from iroas × spend.
// The uncertainty columns are read on the scale of whichever estimate the
// row gives (estCol), so an iROAS interval is scaled by spend too: the
// estimate in KPI units is est × scale.
func (p *parser) estimate(f fields, i int, spend float64, spendOK bool) (est float64, estCol string, scale float64, ok bool) {
	est, estCol, scale = 0.0, f.incremental, 1.0
	if v, has := p.num(f.incremental, i); has {
		est = v
		if r, hasR := p.num(f.iroas, i); hasR && spendOK && math.Abs(r*spend-v) > 0.01*math.Abs(v) {
			p.warn(i, f.iroas, "iroas %v × spend %v = %.6g disagrees with incremental_kpi %v; using incremental_kpi", r, spend, r*spend, v)
		}
	} else if v, has := p.num(f.iroas, i); has {
		est, estCol, scale = v, f.iroas, spend
	} else {
		what := f.incremental
		if f.iroas != "" {
			what += " (or " + f.iroas + " with spend)"
		}
		p.fail(i, f.incremental, "missing value: give %s", what)
		return 0, "", 0, false
	}
	if math.IsNaN(est) || math.IsInf(est, 0) {
		p.fail(i, estCol, "not a finite number: %v", est)
		return 0, "", 0, false
	}
	return est, estCol, scale, true
}

// details reads the optional columns: scope share, geos, test type,
// cooldown end and include. okW says whether the window parsed, so that
// the cooldown can be checked against its end.
func (p *parser) details(t *Test, f fields, i int, okW bool) bool {
	ok := true
	if v, has := p.num(f.scope, i); has {
		if !(v > 0 && v <= 1) {
			p.fail(i, f.scope, "scope_share must be in (0, 1], got %v", v)
			ok = false
		} else {
			t.ScopeShare, t.ScopeGiven = v, true
		}
	}
	if g, has := p.str(f.geos, i); has {
		var okG bool
		t.Geos, okG = p.geoList(f, i, g)
		ok = ok && okG
	}
	if s, has := p.str(f.typ, i); has {
		typ, err := ParseType(s)
		if err != nil {
			p.fail(i, f.typ, "%v", err)
			ok = false
		}
		t.Type = typ
	}
	if d, has := p.date(f.cooldown, i); has {
		if okW && d < t.End {
			p.fail(i, f.cooldown, "cooldown_end %v is before end %v", d, t.End)
			ok = false
		}
		t.CooldownEnd = d
	}
	if b, has := p.boolean(f.include, i); has {
		t.Include = b
	}
	return ok
}

// recordSE derives the standard error from, in order of preference, the
// se column, a confidence interval, a p-value, or ParseOptions.RelativeSE.
func (p *parser) recordSE(f fields, i int, est float64, estCol string) (float64, SESource, bool) {
	if se, has := p.num(f.se, i); has {
		if !(se > 0) || math.IsInf(se, 0) {
			p.fail(i, f.se, "standard error must be positive, got %v", se)
			return 0, 0, false
		}
		return se, SEGiven, true
	}
	lo, hasLo := p.num(f.lower, i)
	hi, hasHi := p.num(f.upper, i)
	if hasLo || hasHi {
		return p.intervalSE(f, i, est, lo, hi, hasLo, hasHi)
	}
	if pv, has := p.num(f.pvalue, i); has {
		se, err := PValueSE(est, pv)
		if err != nil {
			p.fail(i, f.pvalue, "%v", err)
			return 0, 0, false
		}
		p.warn(i, f.pvalue, "standard error %.6g derived from the p-value, the weakest source (assumes a z-test)", se)
		return se, SEFromPValue, true
	}
	se, ok := p.assumedSE(i, f.se, fmt.Sprintf("%s, %s/%s with %s, or %s", f.se, f.lower, f.upper, f.confidence, f.pvalue), est)
	return se, SEAssumed, ok
}

func (p *parser) intervalSE(f fields, i int, est, lo, hi float64, hasLo, hasHi bool) (float64, SESource, bool) {
	sided := TwoSided
	if s, has := p.str(f.sided, i); has {
		var err error
		if sided, err = ParseSided(s); err != nil {
			p.fail(i, f.sided, "%v", err)
			return 0, 0, false
		}
	}
	c, has := p.num(f.confidence, i)
	if !has {
		if f.defaultConfidence == 0 {
			p.fail(i, f.confidence, "missing confidence level of the interval (e.g. 0.9 or 90)")
			return 0, 0, false
		}
		c = f.defaultConfidence
	}
	c, err := NormalizeConfidence(c)
	if err != nil {
		p.fail(i, f.confidence, "%v", err)
		return 0, 0, false
	}
	if c < 0.5 {
		p.warn(i, f.confidence, "confidence level %v is unusually low for an interval; is it a percentage typo?", c)
	}
	switch {
	case sided != UpperBound && !hasLo:
		p.fail(i, f.lower, "missing lower bound of a %v-sided interval", sided)
		return 0, 0, false
	case sided != LowerBound && !hasHi:
		p.fail(i, f.upper, "missing upper bound of a %v-sided interval", sided)
		return 0, 0, false
	}
	if sided == TwoSided && lo > hi {
		p.fail(i, f.lower, "interval lower bound %v above upper bound %v", lo, hi)
		return 0, 0, false
	}
	se, err := IntervalSE(est, lo, hi, c, sided)
	if err != nil {
		col := f.lower
		if sided == UpperBound {
			col = f.upper
		}
		p.fail(i, col, "%v (does the interval contain the estimate %v?)", err, est)
		return 0, 0, false
	}
	if sided == TwoSided && (est < lo || est > hi) {
		p.warn(i, f.lower, "estimate %v lies outside its interval [%v, %v]; the SE uses the interval's width", est, lo, hi)
	}
	return se, SEFromCI, true
}
