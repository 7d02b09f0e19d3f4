package lift

import (
	"fmt"
	"math"
)

// pymc parses a PyMC-Marketing lift frame. There, x is the channel's spend
// per period before the test, delta_x the change in spend per period,
// delta_y the resulting change in the target per period and sigma its SE:
// PyMC-Marketing compares them with saturation(x + delta_x) −
// saturation(x), a steady-state, per-period lift. triad turns a row into a
// test over a window of n periods (the row's start_date/end_date, else the
// whole panel):
//
//	Spend       = |delta_x| · n       (moved spend)
//	BaseSpend   = x · n               (spend without the test)
//	Incremental = delta_y · sign(delta_x) · n
//	SE          = sigma · n           (one measurement, scaled)
//	Type        = holdout if delta_x < 0, heavy-up if delta_x > 0
//
// so the measured iROAS delta_y/delta_x is kept exactly.
func (p *parser) pymc() {
	step := p.opts.stepDays()
	for i := 0; i < p.t.Len(); i++ {
		t := Test{Row: p.row(i), ScopeShare: 1, Include: true, SESource: SEGiven}
		if id, has := p.str(pymcID, i); has {
			t.ID = id
		} else {
			t.ID = fmt.Sprintf("pymc-%d", t.Row)
		}
		var okC bool
		t.Channel, okC = p.requiredChannel(pymcChannel, i)
		x, okX := p.finite(pymcX, i)
		dx, okDX := p.finite(pymcDeltaX, i)
		dy, okDY := p.finite(pymcDeltaY, i)
		sigma, okSig := p.finite(pymcSigma, i)
		ok := okC && okX && okDX && okDY && okSig
		if okX && x < 0 {
			p.fail(i, pymcX, "spend level must not be negative, got %v", x)
			ok = false
		}
		if okDX && dx == 0 {
			p.fail(i, pymcDeltaX, "delta_x is 0: the test moved no spend")
			ok = false
		}
		if okX && okDX && x+dx < 0 {
			p.fail(i, pymcDeltaX, "delta_x %v takes spend below zero (x = %v)", dx, x)
			ok = false
		}
		if okSig && !(sigma > 0) {
			p.fail(i, pymcSigma, "standard error must be positive, got %v", sigma)
			ok = false
		}
		_, hasS := p.date(pymcStart, i)
		_, hasE := p.date(pymcEnd, i)
		switch {
		case hasS || hasE:
			var okW bool
			t.Start, t.End, okW = p.window(pymcStart, pymcEnd, i)
			ok = ok && okW
		case p.opts.PanelEnd != 0 && p.opts.PanelEnd >= p.opts.PanelStart:
			t.Start, t.End = p.opts.PanelStart, p.opts.PanelEnd
		default:
			p.fail(i, pymcStart, "a lift frame without start_date/end_date needs the panel's date range")
			ok = false
		}
		if !ok {
			continue
		}
		n := float64(t.Days()) / float64(step)
		t.Spend = math.Abs(dx) * n
		t.BaseSpend = x * n
		t.Incremental = dy * math.Copysign(1, dx) * n
		t.SE = sigma * n
		if dx > 0 {
			t.Type = HeavyUp
		}
		p.tests = append(p.tests, t)
	}
}
