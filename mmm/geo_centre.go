package mmm

import (
	"math"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
	"gonum.org/v1/gonum/floats"
)

// The model's geo deviations are non-centred, log β_gc = log β_c + η_c·z_gc
// with z_gc ~ N(0, 1). Where a geo's data pin its own effect, that makes
// z_gc ≈ d_gc/η_c for a nearly fixed d_gc: a curved ridge between η_c and
// the z_gc, with curvature that no linear preconditioner removes, so NUTS
// takes small steps and long trees; where the data say little, the
// centred d_gc = η_c·z_gc (prior N(0, η_c²)) would make a funnel instead.
// NUTS therefore samples each deviation partially centred (Papaspiliopoulos,
// Roberts and Sköld 2003), y_gc = η_c^w·z_gc with w = 1 − 1/h, h the
// curvature of the log posterior in z_gc at the mode: the prior gives 1,
// so w is the data's share of the precision, 0 where the prior alone
// speaks and near 1 (centred) where the data dominate; for a Gaussian
// model this w makes y_gc and η_c independent a posteriori. The map is
// smooth and one-to-one, the draws are mapped back, and its Jacobian
// (dz/dy = η_c^(−w)) is added to the log density, so the posterior is
// unchanged; only its geometry is. The same space samples each Hill
// channel's ROI as its marginal ROI (geo_shear.go).

// centring holds, per channel, the geos sampled (partially) centred and
// their exponents w.
type centring struct {
	m   *GeoModel
	geo [][]int
	w   [][]float64
	// shear[k] samples channel k's log ROI as its log marginal ROI
	// (geo_shear.go).
	shear []bool
}

// centredWhere chooses the exponents at x (the posterior mode).
func (m *GeoModel) centredWhere(t sampler.Target, x []float64) *centring {
	c := &centring{m: m, geo: make([][]int, len(m.ch)), w: make([][]float64, len(m.ch))}
	c.shear = m.hillShear()
	for k := range m.ch {
		idx := make([]int, m.G)
		for g := range m.G {
			idx[g] = m.ch[k].iZ + g
		}
		for g, h := range diagCurvature(t, x, idx) {
			if h > 1 && stat.Finite(h) {
				c.geo[k] = append(c.geo[k], g)
				c.w[k] = append(c.w[k], 1-1/h)
			}
		}
	}
	return c
}

// count returns the number of centred pairs, each weighted by its w.
func (c *centring) count() float64 {
	n := 0.0
	for _, w := range c.w {
		n += floats.Sum(w)
	}
	return n
}

// toModel writes the model's coordinates x of the sampler's y.
func (c *centring) toModel(x, y []float64) {
	copy(x, y)
	for k, geos := range c.geo {
		ch := &c.m.ch[k]
		for j, g := range geos {
			x[ch.iZ+g] = y[ch.iZ+g] * math.Exp(-c.w[k][j]*y[ch.iEta])
		}
	}
	c.shearToModel(x)
}

// fromModel writes the sampler's coordinates y of x.
func (c *centring) fromModel(y, x []float64) {
	copy(y, x)
	for k, geos := range c.geo {
		ch := &c.m.ch[k]
		for j, g := range geos {
			y[ch.iZ+g] = x[ch.iZ+g] * math.Exp(c.w[k][j]*x[ch.iEta])
		}
	}
	c.shearFromModel(y)
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

// LogProbGrad: with u = log η and z = y·e^(−w·u), ∂/∂y = e^(−w·u)·∂/∂z
// and ∂/∂u gains −Σ w·z·∂/∂z; the Jacobian adds −Σ w·u.
func (t *centredTarget) LogProbGrad(gy, y []float64) float64 {
	t.c.toModel(t.x, y)
	lp := t.t.LogProbGrad(t.gx, t.x)
	copy(gy, t.gx)
	for k, geos := range t.c.geo {
		ch := &t.c.m.ch[k]
		u := y[ch.iEta]
		acc, ws := 0.0, 0.0
		for j, g := range geos {
			i, w := ch.iZ+g, t.c.w[k][j]
			gy[i] = t.gx[i] * math.Exp(-w*u)
			acc += w * t.gx[i] * t.x[i]
			ws += w
		}
		gy[ch.iEta] -= acc + ws
		lp -= ws * u
	}
	t.c.shearGrad(gy, y)
	return lp
}

// space implements reparameterised for the sampler: the centring chosen at
// the mode.
func (m *GeoModel) space(t sampler.Target, mode []float64) sampleSpace {
	return m.centredWhere(t, mode)
}
