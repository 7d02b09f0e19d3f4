package sampler

import "math"

// dualAveraging is Nesterov dual averaging of log step size (Hoffman and
// Gelman 2014, Algorithm 5) with Stan's constants.
type dualAveraging struct {
	delta          float64 // target acceptance statistic
	mu             float64 // shrinkage point, log(10 eps0)
	counter        float64
	sBar, xBar     float64
	gamma, t0, kap float64
}

func newDualAveraging(delta float64) dualAveraging {
	return dualAveraging{delta: delta, gamma: 0.05, t0: 10, kap: 0.75}
}

func (d *dualAveraging) restart(eps float64) {
	d.mu = math.Log(10 * eps)
	d.counter, d.sBar, d.xBar = 0, 0, 0
}

// learn returns the next step size given the last transition's acceptance statistic.
func (d *dualAveraging) learn(accept float64) float64 {
	d.counter++
	if accept > 1 {
		accept = 1
	}
	if math.IsNaN(accept) {
		accept = 0
	}
	eta := 1 / (d.counter + d.t0)
	d.sBar = (1-eta)*d.sBar + eta*(d.delta-accept)
	x := d.mu - d.sBar*math.Sqrt(d.counter)/d.gamma
	xEta := math.Pow(d.counter, -d.kap)
	d.xBar = (1-xEta)*d.xBar + xEta*x
	return math.Exp(x)
}

// final returns the averaged step size used after warmup.
func (d *dualAveraging) final() float64 { return math.Exp(d.xBar) }

// windows is Stan's schedule for metric adaptation: an initial buffer for
// finding the typical set, doubling slow windows that estimate the variance,
// and a terminal buffer that tunes the step size to the final metric.
type windows struct {
	warmup                 int
	initBuf, termBuf, base int
	counter                int
	size, next             int
	enabled                bool
}

func newWindows(warmup int) windows {
	w := windows{warmup: warmup, initBuf: 75, termBuf: 50, base: 25}
	if warmup < 20 {
		// Too short to estimate a variance; Stan adapts the step size only.
		return w
	}
	w.enabled = true
	if w.initBuf+w.base+w.termBuf > warmup {
		w.initBuf = int(0.15 * float64(warmup))
		w.termBuf = int(0.1 * float64(warmup))
		w.base = warmup - (w.initBuf + w.termBuf)
	}
	w.size = w.base
	w.next = w.initBuf + w.size - 1
	return w
}

func (w *windows) inWindow() bool {
	return w.enabled && w.counter >= w.initBuf && w.counter < w.warmup-w.termBuf && w.counter != w.warmup
}

func (w *windows) endOfWindow() bool {
	return w.enabled && w.counter == w.next && w.counter != w.warmup
}

func (w *windows) computeNext() {
	last := w.warmup - w.termBuf - 1
	if w.next == last {
		return
	}
	w.size *= 2
	w.next = w.counter + w.size
	// Stretch the window rather than leave a remnant too short to be useful.
	if w.next != last && w.next+2*w.size >= w.warmup-w.termBuf {
		w.next = last
	}
}

// welford accumulates per-coordinate means and variances.
type welford struct {
	n     float64
	m, m2 []float64
}

func newWelford(dim int) welford {
	return welford{m: make([]float64, dim), m2: make([]float64, dim)}
}

func (w *welford) add(x []float64) {
	w.n++
	for i, v := range x {
		d := v - w.m[i]
		w.m[i] += d / w.n
		w.m2[i] += d * (v - w.m[i])
	}
}

func (w *welford) restart() {
	w.n = 0
	clear(w.m)
	clear(w.m2)
}

// varAdapter learns a diagonal inverse metric over the slow windows.
type varAdapter struct {
	windows
	est welford
}

// learn records q and, at the end of a window, writes the regularised
// variance into invMetric and reports true. Stan shrinks the estimate toward
// 1e-3 so a short window cannot produce a degenerate metric.
func (a *varAdapter) learn(invMetric, q []float64) bool {
	if a.inWindow() {
		a.est.add(q)
	}
	if a.endOfWindow() {
		a.computeNext()
		n := a.est.n
		ok := n >= 2
		if ok {
			for i := range invMetric {
				v := (n/(n+5))*(a.est.m2[i]/(n-1)) + 1e-3*(5/(n+5))
				if !(v > 0) || math.IsInf(v, 0) {
					ok = false
					break
				}
			}
		}
		// A window with too few or non-finite draws keeps the old metric.
		if ok {
			for i := range invMetric {
				invMetric[i] = (n/(n+5))*(a.est.m2[i]/(n-1)) + 1e-3*(5/(n+5))
			}
		}
		a.est.restart()
		a.counter++
		return true
	}
	a.counter++
	return false
}
