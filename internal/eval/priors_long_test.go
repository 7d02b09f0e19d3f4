//go:build long

package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// oracleShapes pins the geometric adstock and the Hill saturation of every
// channel with geometric adstock at the world's truth (priors about 2%
// wide), so that what error remains is not the shapes' confounding with
// ROI (EVAL_ORACLE_SHAPES=1).
func oracleShapes(t *testing.T, seed uint64) func(*config.Config) {
	w, err := simulate.Generate(simulate.Options{Seed: seed})
	require.NoError(t, err)
	return func(c *config.Config) {
		for i := range c.Model.Channels {
			r := w.Channels[i].Response
			require.Equal(t, w.Channels[i].Name, c.Model.Channels[i].Name)
			if r.Adstock.Kind != "geometric" {
				continue
			}
			const n = 2500 // a+b of the Beta: SD about 1% of the unit interval
			c.Model.Channels[i].Priors = map[string]mmm.Prior{
				"alpha_prior": mmm.Beta{A: n * r.Adstock.Alpha, B: n * (1 - r.Adstock.Alpha)},
				"k_prior":     mmm.LogNormal{Mu: math.Log(r.Saturation.K), Sigma: 0.02},
				"slope_prior": mmm.LogNormal{Mu: math.Log(r.Saturation.Slope), Sigma: 0.02},
			}
		}
	}
}

// largeROIError is the absolute ROI error above which a final estimate is
// "large" in the prior-driven confusion table.
const largeROIError = 0.5

// TestPriorRecoveryLong runs triad on the worlds of TRIAD_EVAL_SEEDS
// (default 1-10) as TestTruthRecoveryLong does and prints, per channel,
// the truth, both estimates, the prior, its contraction and the
// sensitivity; then the untested channels' error, coverage per channel
// name, the conflict flags, and how many large final errors
// (> largeROIError) are flagged prior_driven. TRIAD_* variables reach the
// config (TRIAD_SAMPLER_METHOD=laplace to screen, TRIAD_MODEL_MEDIA_PRIOR).
// Two diagnostics edit the worlds' configs: EVAL_ORACLE_SHAPES=1 pins the
// shapes at the truth (oracleShapes); EVAL_HILL_SIGMA=σ gives every
// channel Hill priors K ~ LogNormal(0, σ), slope ~ LogNormal(0.3, σ)
// (the defaults' medians) instead. EVAL_BASELINE (quad, knots, gqv) adds
// baseline columns to the world's controls (baselineControls);
// EVAL_MTA_PRIOR=σ₀ refits each world whose tests cover a digital channel
// with MTA-derived ROI priors on its untested digital channels (mtaPrior)
// and scores the refit.
func TestPriorRecoveryLong(t *testing.T) {
	spec := os.Getenv("TRIAD_EVAL_SEEDS")
	if spec == "" {
		spec = "1-10"
	}
	seeds, err := ParseSeeds(spec)
	require.NoError(t, err)
	var s Summary
	p := newPriorTally()
	for _, seed := range seeds {
		w, r := runWorldWith(t, seed, diagnosticEdit(t, seed))
		res, err := Evaluate(w, r)
		require.NoError(t, err)
		if edit := mtaPrior(t, res, r); edit != nil {
			w, r = runWorldWith(t, seed, edit)
			res, err = Evaluate(w, r)
			require.NoError(t, err)
		}
		s.Results = append(s.Results, res)
		p.add(t, seed, res, r)
		t.Logf("seed %d: fit %s, R-hat max %.3f, divergences %d", seed, r.Fit.Method, r.Fit.RHatMax, r.Fit.Divergences)
	}
	t.Logf("\n%s\n%s\n%s", s, p.String(s.Totals()), s.Budgets())
}

// diagnosticEdit returns the config edit EVAL_ORACLE_SHAPES or
// EVAL_HILL_SIGMA asks for, nil without either.
func diagnosticEdit(t *testing.T, seed uint64) func(*config.Config) {
	if v := os.Getenv("EVAL_HILL_SIGMA"); v != "" {
		sd, err := strconv.ParseFloat(v, 64)
		require.NoError(t, err)
		return func(c *config.Config) {
			for i := range c.Model.Channels {
				c.Model.Channels[i].Priors = map[string]mmm.Prior{
					"k_prior": mmm.LogNormal{Mu: 0, Sigma: sd}, "slope_prior": mmm.LogNormal{Mu: 0.3, Sigma: sd}}
			}
		}
	}
	if os.Getenv("EVAL_ORACLE_SHAPES") != "" {
		return oracleShapes(t, seed)
	}
	return nil
}

// priorTally gathers the per-channel table and the counts of
// TestPriorRecoveryLong.
type priorTally struct {
	b                                                                 strings.Builder
	tw                                                                *tabwriter.Writer
	cov                                                               map[string][2]int // covered, scored per channel name
	conflicts, dominated                                              []string
	flagged, large, largeFlagged, untestedLarge, untestedLargeFlagged int
}

func newPriorTally() *priorTally {
	p := &priorTally{cov: map[string][2]int{}}
	p.tw = tabwriter.NewWriter(&p.b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(p.tw, "seed\tchannel\ttest\tspend%\ttrue\talone [90%]\t\tfinal [90%]\t\terr\tprior med\tsd ratio\tz\tmove\tflags\t")
	return p
}

// add tallies the channels of one world.
func (p *priorTally) add(t *testing.T, seed uint64, res Result, r *report.Report) {
	total := 0.0
	for _, c := range res.Channels {
		total += c.Spend
	}
	for _, f := range r.Priors.Flags {
		p.conflicts = append(p.conflicts, fmt.Sprintf("seed %d: %s", seed, f.Message))
	}
	for i, c := range res.Channels {
		rc, pc := r.Channels[i], r.Priors.Channels[i]
		require.Equal(t, c.Name, rc.Name)
		final := c.Calibrated
		if !final.Known() {
			final = c.Alone
		}
		e := math.Abs(final.Mean - c.TrueROI)
		k := p.cov[c.Name]
		k[1]++
		if Covers(final, c.TrueROI) {
			k[0]++
		}
		p.cov[c.Name] = k
		codes := p.flags(seed, rc.Flags, c.Tested, e)
		p.count(slices.Contains(codes, report.FlagPriorDriven), e > largeROIError, c.Tested)
		move := math.NaN()
		if pc.Sensitivity != nil {
			move = pc.Sensitivity.Move
		}
		tested := ""
		if c.Tested {
			tested = "yes"
		}
		fmt.Fprintf(p.tw, "%d\t%s\t%s\t%.1f\t%.3f\t%s\t%s\t%s\t%s\t%.2f\t%.3f\t%.2f\t%.2f\t%.2f\t%s\t\n", seed, c.Name, tested,
			100*c.Spend/total, c.TrueROI, interval(c.Alone), miss(Covers(c.Alone, c.TrueROI)),
			interval(final), miss(Covers(final, c.TrueROI)), e, math.Exp(pc.Mu), pc.SDRatio, pc.Z, move,
			strings.Join(codes, ","))
	}
}

// flags returns a channel's flag codes and keeps its conflict messages.
func (p *priorTally) flags(seed uint64, fs []report.Flag, tested bool, e float64) []string {
	var codes []string
	for _, f := range fs {
		codes = append(codes, f.Code)
		switch f.Code {
		case report.FlagPriorConflict:
			p.conflicts = append(p.conflicts, fmt.Sprintf("seed %d: %s", seed, f.Message))
		case report.FlagPriorDominated:
			p.dominated = append(p.dominated, fmt.Sprintf("seed %d: %s (tested %v, err %.2f)", seed, f.Message, tested, e))
		}
	}
	return codes
}

// count adds one channel to the prior_driven confusion.
func (p *priorTally) count(driven, large, tested bool) {
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	p.flagged += b(driven)
	if large {
		p.large++
		p.largeFlagged += b(driven)
		if !tested {
			p.untestedLarge++
			p.untestedLargeFlagged += b(driven)
		}
	}
}

// String prints the table and the pooled figures.
func (p *priorTally) String(tt Totals) string {
	p.tw.Flush()
	b := &p.b
	fmt.Fprintf(b, "\nall channels: mae alone %.3f final %.3f; coverage alone %.3f final %.3f\n",
		tt.Alone.MeanAbsROIError, tt.Calibrated.MeanAbsROIError, tt.Alone.Coverage(), tt.Calibrated.Coverage())
	fmt.Fprintf(b, "untested (%d): mae alone %.3f final %.3f; coverage final %.3f\n", tt.UntestedCalibrated.N,
		tt.UntestedAlone.MeanAbsROIError, tt.UntestedCalibrated.MeanAbsROIError, tt.UntestedCalibrated.Coverage())
	fmt.Fprintf(b, "tested (%d): mae alone %.3f final %.3f\n", tt.TestedCalibrated.N,
		tt.TestedAlone.MeanAbsROIError, tt.TestedCalibrated.MeanAbsROIError)
	names := make([]string, 0, len(p.cov))
	for n := range p.cov {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(b, "coverage final %s %d/%d\n", n, p.cov[n][0], p.cov[n][1])
	}
	fmt.Fprintf(b, "prior_driven: %d channels; large errors (> %.1f) %d, flagged %d; untested large %d, flagged %d\n",
		p.flagged, largeROIError, p.large, p.largeFlagged, p.untestedLarge, p.untestedLargeFlagged)
	fmt.Fprintf(b, "prior_conflict %d, prior_dominated %d\n%s\n%s\n", len(p.conflicts), len(p.dominated),
		strings.Join(p.conflicts, "\n"), strings.Join(p.dominated, "\n"))
	return b.String()
}

// baselineControls adds the extra baseline columns EVAL_BASELINE asks for to
// the world's controls before it is written, so that they reach the model
// as standardised controls (prior Normal(0, 0.3) per SD): "quad" a
// quadratic trend term (u − ½)², "knots" hinge functions max(0, u − k/6),
// k = 1..5 (a piecewise-linear trend with a knot every half year, as
// Prophet's changepoints or Meridian's knots), "gqv" the demand index
// with noise as a query-volume control (an oracle), "" none.
func baselineControls(t *testing.T, w *simulate.World) {
	kind := os.Getenv("EVAL_BASELINE")
	T := len(w.Dates)
	u := func(i int) float64 { return float64(i) / float64(T-1) }
	add := func(name string, f func(float64) float64) {
		x := make([]float64, T)
		for i := range x {
			x[i] = f(u(i))
		}
		w.ControlNames = append(w.ControlNames, name)
		w.Controls = append(w.Controls, x)
	}
	switch kind {
	case "":
	case "quad":
		add("trend2", func(u float64) float64 { return (u - 0.5) * (u - 0.5) })
	case "knots":
		for k := 1; k <= 5; k++ {
			at := float64(k) / 6
			add(fmt.Sprintf("knot%d", k), func(u float64) float64 { return math.Max(0, u-at) })
		}
	case "gqv":
		// The demand index a search-query-volume series would measure
		// (Meridian's control for paid search): in these worlds demand is
		// the baseline's shape, here with 3% measurement noise.
		rng := rand.New(rand.NewPCG(w.Options.Seed, 99))
		b := w.Truth.Series.Baseline
		add("query_volume", func(u float64) float64 {
			i := int(math.Round(u * float64(T-1)))
			return b[i] * math.Exp(0.03*rng.NormFloat64())
		})
	default:
		t.Fatalf("EVAL_BASELINE=%q: want quad, knots or gqv", kind)
	}
}

// mtaPrior returns the config edit of EVAL_MTA_PRIOR=σ₀ after a first run
// r of the world: every digital channel that no test entered gets an ROI
// prior from its MTA credit times the tested digital channels' pooled
// incrementality factor, LogNormal(log ROAS_c + mean log IF, s) with s the
// IFs' SD, at least σ₀, combined (precisions added) with the channel's
// default prior from r. Nil when no digital channel was tested.
func mtaPrior(t *testing.T, res Result, r *report.Report) func(*config.Config) {
	v := os.Getenv("EVAL_MTA_PRIOR")
	if v == "" {
		return nil
	}
	floor, err := strconv.ParseFloat(v, 64)
	require.NoError(t, err)
	var logIF []float64
	for i, c := range res.Channels {
		if m := r.Channels[i].MTA; c.Tested && m != nil && m.IncrementalityFactor.Mean > 0 {
			logIF = append(logIF, math.Log(m.IncrementalityFactor.Mean))
		}
	}
	if len(logIF) == 0 {
		return nil
	}
	var mean, ss float64
	for _, l := range logIF {
		mean += l / float64(len(logIF))
	}
	for _, l := range logIF {
		ss += (l - mean) * (l - mean)
	}
	s := floor
	if len(logIF) > 1 {
		s = math.Max(floor, math.Sqrt(ss/float64(len(logIF)-1)))
	}
	priors := map[string]mmm.LogNormal{}
	for i, c := range res.Channels {
		m := r.Channels[i].MTA
		if c.Tested || m == nil || !(m.ROAS > 0) {
			continue
		}
		pc := r.Priors.Channels[i]
		w0, w1 := 1/(pc.Sigma*pc.Sigma), 1/(s*s)
		mu := (w0*pc.Mu + w1*(math.Log(m.ROAS)+mean)) / (w0 + w1)
		priors[c.Name] = mmm.LogNormal{Mu: mu, Sigma: math.Sqrt(1 / (w0 + w1))}
		t.Logf("MTA prior %s: ROAS %.2f × IF %.2f (s %.2f, %d tests) → median %.2f σ %.2f (true %.2f)",
			c.Name, m.ROAS, math.Exp(mean), s, len(logIF), math.Exp(mu), math.Sqrt(1/(w0+w1)), c.TrueROI)
	}
	return func(c *config.Config) {
		for i := range c.Model.Channels {
			if p, ok := priors[c.Model.Channels[i].Name]; ok {
				c.Model.Channels[i].ROIPrior = &p
			}
		}
	}
}

// runWorldWith is runWorld with the extra baseline columns of
// EVAL_BASELINE added to the world first.
func runWorldWith(t *testing.T, seed uint64, edit func(*config.Config)) (*simulate.World, *report.Report) {
	w, err := simulate.Generate(simulate.Options{Seed: seed})
	require.NoError(t, err)
	baselineControls(t, w)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	return w, runConfig(t, loadConfig(t, filepath.Join(dir, "config.yaml")), edit)
}
