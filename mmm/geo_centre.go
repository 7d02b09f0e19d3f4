package mmm

import (
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// The model's geo deviations are non-centred, log β_gc = log β_c + η_c·z_gc
// with z_gc ~ N(0, 1). Where a geo's data pin its own effect, that makes
// z_gc ≈ d_gc/η_c for a nearly fixed d_gc: a curved ridge between η_c and
// the z_gc, with curvature that no linear preconditioner removes, so NUTS
// takes small steps and long trees. NUTS therefore samples, for each
// (geo, channel) the data inform more than the prior, the centred
// deviation d_gc = η_c·z_gc instead (prior N(0, η_c²)); the others stay
// non-centred. The map is smooth and one-to-one, the draws are mapped
// back, and the Jacobian (dz/dd = 1/η_c per centred geo) is added to the
// log density, so the posterior is unchanged; only its geometry is.

// centring lists, per channel, the geos sampled centred.
type centring struct {
	m   *GeoModel
	geo [][]int
}

// centredWhere chooses, at x (the posterior mode), the (geo, channel)
// pairs whose log posterior curvature in z_gc exceeds 2: the prior gives 1,
// so the data give more than the prior.
func (m *GeoModel) centredWhere(t sampler.Target, x []float64) *centring {
	c := &centring{m: m, geo: make([][]int, len(m.ch))}
	n := len(x)
	gp, gm := make([]float64, n), make([]float64, n)
	xx := append([]float64(nil), x...)
	for k := range m.ch {
		for g := range m.G {
			i := m.ch[k].iZ + g
			e := 1e-4 * math.Max(1, math.Abs(x[i]))
			xx[i] = x[i] + e
			lp := t.LogProbGrad(gp, xx)
			xx[i] = x[i] - e
			lm := t.LogProbGrad(gm, xx)
			xx[i] = x[i]
			h := -(gp[i] - gm[i]) / (2 * e)
			if stat.Finite(lp) && stat.Finite(lm) && h > 2 {
				c.geo[k] = append(c.geo[k], g)
			}
		}
	}
	return c
}

// count returns the number of centred pairs.
func (c *centring) count() int {
	n := 0
	for _, g := range c.geo {
		n += len(g)
	}
	return n
}

// toModel writes the model's coordinates x of the sampler's y.
func (c *centring) toModel(x, y []float64) {
	copy(x, y)
	for k, geos := range c.geo {
		ch := &c.m.ch[k]
		inv := math.Exp(-y[ch.iEta])
		for _, g := range geos {
			x[ch.iZ+g] = y[ch.iZ+g] * inv
		}
	}
}

// fromModel writes the sampler's coordinates y of x.
func (c *centring) fromModel(y, x []float64) {
	copy(y, x)
	for k, geos := range c.geo {
		ch := &c.m.ch[k]
		eta := math.Exp(x[ch.iEta])
		for _, g := range geos {
			y[ch.iZ+g] = x[ch.iZ+g] * eta
		}
	}
}

// target returns the log density in the sampler's coordinates, with its
// own buffers.
func (c *centring) target() sampler.Target {
	d := c.m.dim
	return &centredTarget{c: c, t: c.m.NewTarget(), x: make([]float64, d), gx: make([]float64, d)}
}

type centredTarget struct {
	c     *centring
	t     sampler.Target
	x, gx []float64
}

func (t *centredTarget) Dim() int { return len(t.x) }

// LogProbGrad: with u = log η and z = d·e^(−u) for the centred geos,
// ∂/∂d = e^(−u)·∂/∂z and ∂/∂u gains −Σ z·∂/∂z; the Jacobian adds −u per
// centred geo.
func (t *centredTarget) LogProbGrad(gy, y []float64) float64 {
	t.c.toModel(t.x, y)
	lp := t.t.LogProbGrad(t.gx, t.x)
	copy(gy, t.gx)
	for k, geos := range t.c.geo {
		ch := &t.c.m.ch[k]
		inv := math.Exp(-y[ch.iEta])
		acc := 0.0
		for _, g := range geos {
			i := ch.iZ + g
			gy[i] = t.gx[i] * inv
			acc += t.gx[i] * t.x[i]
		}
		n := float64(len(geos))
		gy[ch.iEta] -= acc + n
		lp -= n * y[ch.iEta]
	}
	return lp
}

// space implements reparameterised for the sampler: the centring chosen at
// the mode.
func (m *GeoModel) space(t sampler.Target, mode []float64) sampleSpace {
	return m.centredWhere(t, mode)
}
