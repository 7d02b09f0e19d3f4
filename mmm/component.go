package mmm

import (
	"fmt"
	"strings"
)

// A channel's media transform is two components, an Adstock (carryover)
// followed by a Saturation (diminishing returns), each a value type that
// carries its parameters' names, priors (zero values take the kind's
// defaults), unconstrained coordinates with their Jacobians, and analytic
// derivatives. The model owns what is not a shape: the ROI, from which β
// follows, the baseline and the likelihood. It lays the components'
// coordinates out per channel and calls each method once per channel and
// evaluation, never once per period: whole series go through one call,
// destination first. A new kind is one file that defines the type and
// registers it (see adstock_geometric.go), plus its test.

// Prior is the prior of one component parameter on its natural scale.
// Components use Beta for parameters in (0, 1) and LogNormal for positive
// ones.
type Prior interface {
	LogProb(x float64) float64
	valid() bool
}

// Param is one parameter of a component, on its natural scale.
type Param struct {
	// Name is the parameter's name, as in ParamDraws("alpha[tv]") and the
	// config key alpha_prior.
	Name string
	// Prior is the parameter's prior, the kind's default where the
	// component leaves it zero.
	Prior Prior
}

// Adstock is a carryover shape: lag weights w_0..w_L that sum to 1, L the
// channel's MaxLag, from a few parameters that the model samples on
// unconstrained coordinates u (one per parameter).
type Adstock interface {
	// Kind is the name configs use for the shape.
	Kind() AdstockKind
	// Params lists the parameters with their priors.
	Params() []Param
	// Coords names the unconstrained coordinates, as ParamNames shows them.
	Coords() []string
	// WithPrior returns a copy with the prior of parameter name set to p.
	// It fails if there is no such parameter or p is of the wrong family.
	WithPrior(name string, p Prior) (Adstock, error)
	// MinLag is the smallest MaxLag the shape is defined for.
	MinLag() int

	// Weights writes the lag weights at u into w (len MaxLag+1).
	Weights(w, u []float64)
	// WeightsGrad adds to du the gradient in u of Σ_l gw_l·w_l, where w
	// holds the weights at u.
	WeightsGrad(du, u, w, gw []float64)
	// LogPrior returns lp plus the log density of u (the priors times the
	// Jacobian of the map to the natural scale, up to a constant) and adds
	// its gradient to du. Taking the running total keeps the model's order
	// of summation whatever the number of parameters.
	LogPrior(du, u []float64, lp float64) float64
	// Center writes the centre of the prior, where the mode search starts,
	// into u.
	Center(u []float64)
	// Constrain writes the parameters at u, on their natural scale, into
	// v; Unconstrain is its inverse.
	Constrain(v, u []float64, maxLag int)
	Unconstrain(u, v []float64, maxLag int)
	// PriorWeights writes the weights at the priors' means (medians for
	// LogNormal priors) into w: what roi_prior calibration assumes about
	// carryover before the data speak.
	PriorWeights(w []float64)
}

// Saturation is a diminishing-returns curve S(a) ≥ 0 of the adstocked
// scaled spend a (1 = the channel's mean spend), from a few parameters
// that the model samples on unconstrained coordinates u.
type Saturation interface {
	// Kind is the name configs use for the curve.
	Kind() SaturationKind
	// Params lists the parameters with their priors.
	Params() []Param
	// Coords names the unconstrained coordinates, as ParamNames shows them.
	Coords() []string
	// WithPrior returns a copy with the prior of parameter name set to p.
	// It fails if there is no such parameter or p is of the wrong family.
	WithPrior(name string, p Prior) (Saturation, error)

	// Saturate writes S(a_t) into s, dS/da at a_t into dsda and dS/du_k at
	// a_t into d[k], for every t.
	Saturate(s, dsda []float64, d [][]float64, u, a []float64)
	// Curve writes S(a_t) at the natural parameters v into s, which may
	// be a.
	Curve(s, a, v []float64)
	// LogPrior returns lp plus the log density of u, Jacobian included and
	// up to a constant, and adds its gradient to du.
	LogPrior(du, u []float64, lp float64) float64
	// Center writes the centre of the prior, where the mode search starts,
	// into u.
	Center(u []float64)
	// Constrain writes the parameters at u, on their natural scale, into
	// v; Unconstrain is its inverse.
	Constrain(v, u []float64)
	Unconstrain(u, v []float64)
}

// ScaledSaturation is implemented by curves that evaluate Σ_t S(k·a_t) for
// many multipliers k faster than Curve, as the budget optimiser needs.
type ScaledSaturation interface {
	// PrepareScaled appends to dst a term per period with a_t > 0, at the
	// natural parameters v, and returns it.
	PrepareScaled(dst, a, v []float64) []float64
	// SumScaled returns Σ_t S(k·a_t) from the prepared terms, k > 0.
	SumScaled(pre []float64, k float64, v []float64) float64
}

// AdstockKind names an adstock shape as configs spell it. The zero value
// is geometric. Kinds register themselves in their own file.
type AdstockKind string

// SaturationKind names a saturation curve as configs spell it. The zero
// value is hill.
type SaturationKind string

const (
	defaultAdstockKind    AdstockKind    = "geometric"
	defaultSaturationKind SaturationKind = "hill"
)

// adstocks and saturations hold the zero value of each registered kind, in
// registration order.
var (
	adstocks    []Adstock
	saturations []Saturation
)

func registerAdstock(a Adstock)       { adstocks = append(adstocks, a) }
func registerSaturation(s Saturation) { saturations = append(saturations, s) }

func (k AdstockKind) String() string {
	if k == "" {
		return string(defaultAdstockKind)
	}
	return string(k)
}

// New returns the component of kind k with default priors, or nil if no
// such kind is registered.
func (k AdstockKind) New() Adstock {
	for _, a := range adstocks {
		if a.Kind() == AdstockKind(k.String()) {
			return a
		}
	}
	return nil
}

// AdstockKinds returns the registered kinds, the default first.
func AdstockKinds() []AdstockKind {
	out := []AdstockKind{defaultAdstockKind}
	for _, a := range adstocks {
		if a.Kind() != defaultAdstockKind {
			out = append(out, a.Kind())
		}
	}
	return out
}

// ParseAdstockKind reads the name of a registered kind; "" is the default.
// The error quotes s and lists the valid names.
func ParseAdstockKind(s string) (AdstockKind, error) {
	k := AdstockKind(s)
	if k.New() == nil {
		return "", wantOneOf(s, AdstockKinds())
	}
	return AdstockKind(k.String()), nil
}

// UnmarshalText parses text with ParseAdstockKind.
func (k *AdstockKind) UnmarshalText(text []byte) (err error) {
	*k, err = ParseAdstockKind(string(text))
	return err
}

func (k SaturationKind) String() string {
	if k == "" {
		return string(defaultSaturationKind)
	}
	return string(k)
}

// New returns the component of kind k with default priors, or nil if no
// such kind is registered.
func (k SaturationKind) New() Saturation {
	for _, s := range saturations {
		if s.Kind() == SaturationKind(k.String()) {
			return s
		}
	}
	return nil
}

// SaturationKinds returns the registered kinds, the default first.
func SaturationKinds() []SaturationKind {
	out := []SaturationKind{defaultSaturationKind}
	for _, s := range saturations {
		if s.Kind() != defaultSaturationKind {
			out = append(out, s.Kind())
		}
	}
	return out
}

// ParseSaturationKind reads the name of a registered kind; "" is the
// default. The error quotes s and lists the valid names.
func ParseSaturationKind(s string) (SaturationKind, error) {
	k := SaturationKind(s)
	if k.New() == nil {
		return "", wantOneOf(s, SaturationKinds())
	}
	return SaturationKind(k.String()), nil
}

// UnmarshalText parses text with ParseSaturationKind.
func (k *SaturationKind) UnmarshalText(text []byte) (err error) {
	*k, err = ParseSaturationKind(string(text))
	return err
}

// ComponentParams returns every parameter that some registered adstock or
// saturation kind has, by name, with the kind's default prior (which says
// the prior's family); the first kind to register a name wins. Configs use
// it to check prior keys.
func ComponentParams() map[string]Param {
	out := map[string]Param{}
	add := func(ps []Param) {
		for _, p := range ps {
			if _, ok := out[p.Name]; !ok {
				out[p.Name] = p
			}
		}
	}
	for _, a := range adstocks {
		add(a.Params())
	}
	for _, s := range saturations {
		add(s.Params())
	}
	return out
}

// priorFor returns p as a T for parameter name of a component of kind
// kind, for the WithPrior methods.
func priorFor[T Prior](kind fmt.Stringer, name string, p Prior) (T, error) {
	v, ok := p.(T)
	if !ok {
		var want T
		return want, fmt.Errorf("mmm: %v %s takes a %T prior, not %T", kind, name, want, p)
	}
	return v, nil
}

// noParam is the WithPrior error for a name the component lacks.
func noParam(kind fmt.Stringer, name string, ps []Param) error {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return fmt.Errorf("mmm: %v has no parameter %q (it has %s)", kind, name, strings.Join(names, ", "))
}
