package pipeline

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/config"
)

// peerConfig loads one of configs/*.yaml with a quick sampler and a
// temporary output directory.
func peerConfig(t testing.TB, name string) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "configs", name), nil)
	require.NoError(t, err)
	cfg.Sampler.Method.UnmarshalText([]byte("laplace"))
	cfg.Sampler.Draws = 400
	cfg.Output.Dir = t.TempDir()
	return cfg
}

// Meridian's national panel: conversions fitted as a count, ROI in revenue
// beside the cost per conversion. Revenue per conversion is nearly constant
// (0.0200 ± 0.1%), so the revenue ROI must be the count ROI times it.
func TestMeridianRevenuePerKPI(t *testing.T) {
	cfg := peerConfig(t, "meridian-national.yaml")
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	assert.Equal(t, "count", r.KPIType)
	require.NotNil(t, r.RevenuePerKPI)
	assert.InDelta(t, 0.02, r.RevenuePerKPI.Mean, 0.0002)
	require.Len(t, r.Organic, 1)
	assert.Equal(t, "Organic_channel0", r.Organic[0].Name)
	for _, c := range r.Channels {
		if c.Spend == 0 {
			assert.Nil(t, c.MMM.RevenueROI, "an organic channel has no ROI")
			continue
		}
		require.NotNil(t, c.MMM.RevenueROI, c.Name)
		assert.InEpsilon(t, c.MMM.ROI.Mean*r.RevenuePerKPI.Mean, c.MMM.RevenueROI.Mean, 0.01, c.Name)
	}
	require.Len(t, r.Treatments, 1)
	assert.Equal(t, "Promo", r.Treatments[0].Name)
	md, err := os.ReadFile(filepath.Join(cfg.Output.Dir, "report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "ROI (revenue)")
	assert.Contains(t, string(md), "| Promo | treatment |")
}

func TestRevenuePerKPIErrors(t *testing.T) {
	cfg := peerConfig(t, "meridian-national.yaml")
	cfg.Model.RevenuePerKPI = config.RevenuePerKPI{Column: "Channel0_spend"}
	_, err := Load(cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `model.revenue_per_kpi: column "Channel0_spend" is already the spend of channel Channel0`)
	assert.True(t, IsInputError(err))

	cfg = peerConfig(t, "meridian-national.yaml")
	cfg.Model.RevenuePerKPI = config.RevenuePerKPI{Column: "nope"}
	_, err = Load(cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nope")
	assert.True(t, IsInputError(err))
}

// syntheticPanel writes a weekly panel with one channel, a factor and a
// treatment of known effect, and returns its path.
func syntheticPanel(t testing.TB, n int, promoEffect, eventEffect float64) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	b.WriteString("date,kpi,spend,promo,events\n")
	d0 := civil.New(2022, 1, 3)
	for i := range n {
		spend := 800 + 400*rng.Float64()
		promo := 0.0
		if i%5 == 0 {
			promo = 1
		}
		ev := "na"
		evEff := 0.0
		if i%13 == 3 {
			ev, evEff = "sale", eventEffect
		}
		kpi := 10000 + 1.5*spend*0.9 + promoEffect*promo + evEff + 100*rng.NormFloat64()
		fmt.Fprintf(&b, "%s,%.2f,%.2f,%g,%s\n", d0.AddDays(7*i), kpi, spend, promo, ev)
	}
	path := filepath.Join(t.TempDir(), "panel.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

func syntheticConfig(t testing.TB, path string) *config.Config {
	cfg := &config.Config{}
	require.NoError(t, decodeDefaults(cfg))
	cfg.Data.Panel = path
	cfg.Model.KPI = "kpi"
	cfg.Model.FourierOrder = 0
	cfg.Model.Channels = []config.Channel{{Name: "tv", Spend: "spend", MaxLag: 2}}
	cfg.Model.Treatments = []config.Treatment{{Name: "promo", Column: "promo", Baseline: "min"}}
	cfg.Model.Factors = []string{"events"}
	cfg.Sampler.Method.UnmarshalText([]byte("laplace"))
	cfg.Sampler.Draws = 400
	cfg.Output.Dir = t.TempDir()
	require.NoError(t, cfg.Validate())
	return cfg
}

// A treatment's effect against its baseline and a factor level are
// recovered on data with known truth: promotions in one week in five add
// 1500 each, a "sale" event adds 2000.
func TestTreatmentAndFactorRecovery(t *testing.T) {
	const n, promo, event = 156, 1500.0, 2000.0
	cfg := syntheticConfig(t, syntheticPanel(t, n, promo, event))
	in, err := Load(cfg)
	require.NoError(t, err)
	assert.Contains(t, in.DataSummary().Text(), "factor    events: levels sale (reference empty/na)")
	d := in.modelData()
	assert.Equal(t, []string{"events[sale]", "promo"}, d.ControlNames)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	require.Len(t, r.Treatments, 1)
	truth := promo * math.Ceil(n/5.0)
	iv := r.Treatments[0].Contribution
	assert.True(t, iv.Lo < truth && truth < iv.Hi, "promo effect %v, truth %v", iv, truth)
	assert.InEpsilon(t, truth, iv.Mean, 0.15)
	t.Logf("promo effect %.0f (%.0f–%.0f), truth %.0f", iv.Mean, iv.Lo, iv.Hi, truth)
	require.Len(t, r.Factors, 1)
	assert.Equal(t, []string{"sale"}, r.Factors[0].Levels)
}

// Negative effects are reported as they are, against a max baseline too.
func TestTreatmentBaselineMax(t *testing.T) {
	cfg := syntheticConfig(t, syntheticPanel(t, 156, 1500, 0))
	cfg.Model.Factors = nil
	cfg.Model.Treatments[0].Baseline = "max"
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	iv := res.Report.Treatments[0].Contribution
	truth := -1500.0 * (156 - math.Ceil(156/5.0))
	assert.True(t, iv.Lo < truth && truth < iv.Hi, "effect %v, truth %v", iv, truth)
}

// Robyn's demo as Robyn's demo maps it: newsletter organic (contribution,
// no ROI), facebook and search driven by impressions and clicks, events a
// factor, the newsletter's lift test (spend 0) calibrating its
// contribution.
func TestRobynOrganicAndUnits(t *testing.T) {
	cfg := peerConfig(t, "robyn-demo.yaml")
	in, err := Load(cfg)
	require.NoError(t, err)
	s := in.DataSummary().Text()
	assert.Contains(t, s, "organic, units 3,202,513 (newsletter)")
	assert.Contains(t, s, "units 1,283,326,938 (facebook_I) drive it")
	assert.Contains(t, s, "window    fitted 2016-01-04 .. 2019-01-06 (157 periods)")
	d := in.modelData()
	require.Len(t, d.Units, 6)
	assert.Nil(t, d.Units[0], "tv is driven by its spend")
	assert.Equal(t, in.Panel.Impressions[3], d.Units[3])

	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	require.Len(t, r.Channels, 6)
	nl := r.Channels[5]
	assert.Equal(t, "newsletter", nl.Name)
	assert.Zero(t, nl.Spend)
	assert.True(t, math.IsNaN(nl.MMM.ROI.Mean), "no ROI without spend")
	assert.Positive(t, nl.MMM.Contribution.Mean)
	require.Len(t, r.Organic, 1)
	assert.Equal(t, nl.MMM.Contribution, r.Organic[0].Contribution)
	assert.InDelta(t, nl.MMM.Contribution.Mean/288847975, r.Organic[0].Share.Mean, 1e-9)
	// All four rows of Robyn's calibration_input: facebook, tv, the combined
	// facebook+search test and the newsletter's.
	require.Len(t, r.Experiments, 4)
	comb := r.Experiments[2]
	assert.Equal(t, "facebook+search", comb.Channel)
	assert.Equal(t, []string{"facebook", "search"}, comb.Channels)
	assert.True(t, comb.Used)
	news := r.Experiments[3]
	assert.Equal(t, "newsletter", news.Channel)
	// The organic test measured a contribution, not an iROAS.
	assert.Equal(t, 200.0, news.MeasuredIncremental.Mean)
	assert.True(t, math.IsNaN(news.MeasuredIROAS.Mean) && math.IsNaN(news.MMMIROAS.Mean))
	assert.Nil(t, news.CalibratedIROAS)
	require.NotNil(t, news.MMMContribution)
	require.NotNil(t, news.CalibratedContribution)
	assert.Less(t, math.Abs(news.CalibratedContribution.Mean-200), math.Abs(news.MMMContribution.Mean-200))
	md, err := os.ReadFile(filepath.Join(cfg.Output.Dir, "report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| robyn-4 | newsletter | 2017-12-01 – 2017-12-31 | 0 | contribution 200 (")
	require.NotNil(t, nl.Calibrated)
	assert.Less(t, nl.Calibrated.Contribution.Mean, nl.MMM.Contribution.Mean, "the newsletter test (lift 200) pulls its contribution down")
	if r.Budget != nil {
		for _, b := range r.Budget.Channels {
			if b.Name == "newsletter" {
				assert.Zero(t, b.Recommended, "nothing to budget")
			}
		}
	}
}

// A fit window fits its periods only; the rows before it feed the
// carryover (as the model's Data.Carry), the rows after it are dropped.
func TestFitWindow(t *testing.T) {
	cfg := syntheticConfig(t, syntheticPanel(t, 156, 1500, 2000))
	cfg.Model.Window = config.Window{Start: civil.New(2022, 3, 7), End: civil.New(2024, 6, 30)}
	in, err := Load(cfg)
	require.NoError(t, err)
	assert.Equal(t, civil.New(2022, 3, 7), in.Panel.Dates[0])
	assert.Equal(t, civil.New(2024, 6, 24), in.Panel.Dates[len(in.Panel.Dates)-1])
	require.Len(t, in.Carry, 1)
	assert.Len(t, in.Carry[0], 9, "nine weeks before 2022-03-07")
	assert.Contains(t, in.DataSummary().Text(), "window    fitted 2022-03-07 .. 2024-06-30 (121 periods); 9 earlier periods feed the carryover only, 26 later ones are left out")
	d := in.modelData()
	assert.Equal(t, in.Carry, d.Carry)
	assert.Len(t, d.KPI, 121)
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	assert.Equal(t, civil.New(2022, 3, 7), res.Report.Period.Start)
	assert.Equal(t, 121, res.Report.Period.Periods)

	cfg.Model.Window = config.Window{Start: civil.New(2025, 1, 6)}
	_, err = Load(cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "model.window 2025-01-06")
	assert.True(t, IsInputError(err))
}

// A revenue-metric test against a conversions model is converted with the
// revenue per conversion of its window; without revenue_per_kpi it is an
// input error.
func TestLiftMetricAgainstKPI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cal.csv")
	require.NoError(t, os.WriteFile(path, []byte("channel,liftStartDate,liftEndDate,liftAbs,spend,confidence,metric\n"+
		"Channel0_spend,2022-05-02,2022-06-12,100000,50000,0.9,revenue\n"+
		"Channel1,2022-05-02,2022-06-12,3000000,40000,0.9,conversions\n"), 0o644))
	cfg := peerConfig(t, "meridian-national.yaml")
	cfg.Data.LiftTests = path
	cfg.Calibration.Format.UnmarshalText([]byte("robyn"))
	in, err := Load(cfg)
	require.NoError(t, err)
	require.Len(t, in.Tests, 2)
	assert.Equal(t, "Channel0", in.Tests[0].Channel)
	assert.InEpsilon(t, 100000/0.02, in.Tests[0].Incremental, 0.01, "revenue over revenue per conversion")
	assert.Equal(t, 3000000.0, in.Tests[1].Incremental)

	cfg = peerConfig(t, "meridian-national.yaml")
	cfg.Data.LiftTests = path
	cfg.Calibration.Format.UnmarshalText([]byte("robyn"))
	cfg.Model.RevenuePerKPI = config.RevenuePerKPI{}
	cfg.Model.KPIType.UnmarshalText([]byte("count"))
	_, err = Load(cfg)
	require.Error(t, err)
	assert.True(t, IsInputError(err))
	assert.Contains(t, err.Error(), `cal.csv: row 1, column metric: metric "revenue" is not the model's KPI "conversions" (count); set model.revenue_per_kpi`)
}

// roi_prior mode turns the newsletter's test into a prior on its share of
// the KPI, which pulls its contribution toward the test; the combined
// facebook+search test is left out with a warning that says why.
func TestRobynROIPriorOrganic(t *testing.T) {
	cfg := peerConfig(t, "robyn-demo.yaml")
	cfg.Calibration.Mode = config.ROIPrior
	res, err := Run(context.Background(), cfg, Options{})
	require.NoError(t, err)
	r := res.Report
	nl := r.Channels[5]
	require.NotNil(t, nl.Calibrated)
	assert.Less(t, nl.Calibrated.Contribution.Mean, 0.5*nl.MMM.Contribution.Mean)
	joined := strings.Join(r.Warnings, "\n")
	assert.Contains(t, joined, "roi_prior: test robyn-4 on organic newsletter (contribution 200,")
	assert.Contains(t, joined, "lift test robyn-3 measured channels facebook+search together: roi_prior calibration puts a prior on each channel's ROI")
}
