package report

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/triad-mmm/triad/civil"
)

// sampleChannel describes one channel of the sample world.
type sampleChannel struct {
	name    string
	offline bool
	weekly  float64 // mean weekly spend
	roi     float64 // calibrated ROI at current spend
	roiMMM  float64 // MMM-alone ROI
	wideMMM float64 // relative half-width of the MMM-alone ROI interval
	half    float64 // saturation half point / current spend
	alpha   float64 // geometric adstock
	roas    float64 // MTA ROAS (online channels)
	flight  bool    // on/off flighting
}

var sampleChannels = []sampleChannel{
	{name: "search", weekly: 60000, roi: 1.6, roiMMM: 2.3, wideMMM: 0.35, half: 0.8, alpha: 0.1, roas: 4.1},
	{name: "social", weekly: 45000, roi: 1.9, roiMMM: 1.5, wideMMM: 0.5, half: 1.4, alpha: 0.3, roas: 2.2},
	{name: "display", weekly: 25000, roi: 0.7, roiMMM: 0.9, wideMMM: 0.7, half: 1.0, alpha: 0.2, roas: 1.9},
	{name: "online_video", weekly: 30000, roi: 2.2, roiMMM: 1.8, wideMMM: 0.6, half: 1.8, alpha: 0.45, roas: 0.9},
	{name: "tv", offline: true, weekly: 90000, roi: 1.4, roiMMM: 2.6, wideMMM: 0.6, half: 1.2, alpha: 0.7, flight: true},
	{name: "radio", offline: true, weekly: 15000, roi: 1.1, roiMMM: 1.2, wideMMM: 0.8, half: 1.5, alpha: 0.5},
}

// hillTotal is the sample's period response: contribution of total spend x
// for a channel whose curve passes through ROI roi at spend s0 with half
// saturation at half·s0 and shape 1.3.
func hillTotal(x, s0, roi, half float64) float64 {
	const shape = 1.3
	k := half * s0
	h := func(v float64) float64 {
		if v <= 0 {
			return 0
		}
		p := math.Pow(v, shape)
		return p / (p + math.Pow(k, shape))
	}
	return roi * s0 / h(s0) * h(x)
}

// marginal is the derivative of hillTotal in x by a central difference;
// good to many digits for the sample's smooth curves.
func marginal(x, s0, roi, half float64) float64 {
	d := 1e-4 * s0
	return (hillTotal(x+d, s0, roi, half) - hillTotal(x-d, s0, roi, half)) / (2 * d)
}

// SampleReport returns a realistic report of a fictional brand: 156 weeks,
// six channels (two offline), four lift tests, MTA for the online channels
// and a budget recommendation. The numbers are made up but consistent with
// each other; the result is the same on every call. It serves the report's
// own tests and benchmarks; being in a _test.go file, it is no part of the
// package's API.
func SampleReport() *Report {
	rng := rand.New(rand.NewPCG(20240101, 7))
	const weeks = 156
	const level = 0.9
	start := civil.New(2022, time.January, 3)
	nc := len(sampleChannels)

	dates := make([]civil.Date, weeks)
	spend := make([][]float64, nc)
	totalSpend := make([]float64, nc)
	for t := range dates {
		dates[t] = start.AddDays(7 * t)
	}
	for c, ch := range sampleChannels {
		spend[c] = make([]float64, weeks)
		phase := float64(c) * 0.9
		for t := range weeks {
			s := ch.weekly * (1 + 0.3*math.Sin(2*math.Pi*float64(t)/52+phase)) * (1 + 0.1*rng.NormFloat64())
			if ch.flight {
				if t%10 >= 6 {
					s = 0
				} else {
					s *= 10.0 / 6
				}
			}
			spend[c][t] = math.Max(s, 0)
			totalSpend[c] += spend[c][t]
		}
	}

	// Weekly media contributions: the period's contribution spread by
	// adstocked spend.
	media := make([]NamedSeries, nc)
	contrib := make([]float64, nc)
	for c, ch := range sampleChannels {
		contrib[c] = ch.roi * totalSpend[c]
		ad := make([]float64, weeks)
		carry, sum := 0.0, 0.0
		for t := range weeks {
			carry = spend[c][t] + ch.alpha*carry
			ad[t] = carry
			sum += carry
		}
		for t := range ad {
			ad[t] *= contrib[c] / sum
		}
		media[c] = NamedSeries{Name: ch.name, Values: ad}
	}
	baseline := make([]float64, weeks)
	controls := make([]float64, weeks)
	actual := make([]float64, weeks)
	fitted := make([]Interval, weeks)
	totalKPI, totalMedia := 0.0, 0.0
	for t := range weeks {
		doy := dates[t].DayOfYearFraction()
		baseline[t] = 900000 + 800*float64(t) + 150000*math.Sin(2*math.Pi*doy) + 60000*math.Cos(4*math.Pi*doy)
		if t%13 == 5 {
			controls[t] = 80000 // promo weeks
		}
		if t%52 == 47 {
			controls[t] += 150000 // holiday
		}
		mean := baseline[t] + controls[t]
		for c := range media {
			mean += media[c].Values[t]
			totalMedia += media[c].Values[t]
		}
		actual[t] = mean + 40000*rng.NormFloat64()
		fitted[t] = Interval{Mean: mean, Lo: mean - 66000 - 10*float64(t%7), Hi: mean + 66000 + 10*float64(t%5)}
		totalKPI += actual[t]
	}

	r := &Report{
		SchemaVersion:   SchemaVersion,
		Generator:       "triad sample",
		Title:           "Sample brand: weekly revenue",
		KPI:             "revenue",
		KPIType:         KPIRevenue,
		Currency:        "EUR",
		Interval:        level,
		CalibrationMode: "counterfactual",
		Period:          Period{Start: dates[0], End: dates[weeks-1], Grain: "week", Periods: weeks},
		Fit: Fit{
			R2: 0.91, MAPE: 0.034, NRMSE: 0.061,
			Holdout: &Holdout{R2: 0.84, MAPE: 0.046, NRMSE: 0.083, Periods: 13},
			RHatMax: 1.006, ESSBulkMin: 612, ESSTailMin: 540, EBFMIMin: 0.71,
			Chains: 4, Draws: 1000, Seconds: 38.2, Method: "nuts",
		},
		FitCalibrated: &Fit{
			R2: 0.90, MAPE: 0.036, NRMSE: 0.064,
			Holdout: &Holdout{R2: 0.86, MAPE: 0.043, NRMSE: 0.079, Periods: 13},
			RHatMax: 1.011, ESSBulkMin: 455, ESSTailMin: 398, EBFMIMin: 0.64,
			Divergences: 2, Chains: 4, Draws: 1000, Seconds: 44.9, Method: "nuts",
			Warnings: []string{"2 divergent transitions after warm-up; estimates are usable but check the pair plots of tv"},
		},
	}

	// Channels.
	var mtaTotal, mtaMedia, spendAll float64
	for c, ch := range sampleChannels {
		s0 := totalSpend[c]
		spendAll += s0
		w := 0.18 // relative half-width of calibrated ROI intervals
		if ch.name == "radio" || ch.name == "display" {
			w = 0.45
		}
		cal := ChannelEstimates{
			ROI:  Interval{Mean: ch.roi, Lo: ch.roi * (1 - w), Hi: ch.roi * (1 + w*1.1)},
			MROI: Interval{},
		}
		m := marginal(s0, s0, ch.roi, ch.half)
		cal.MROI = Interval{Mean: m, Lo: m * (1 - w*1.2), Hi: m * (1 + w*1.3)}
		cal.Contribution = cal.ROI.Scale(s0)
		alone := ChannelEstimates{
			ROI: Interval{Mean: ch.roiMMM, Lo: ch.roiMMM * (1 - ch.wideMMM*0.8), Hi: ch.roiMMM * (1 + ch.wideMMM)},
		}
		ma := marginal(s0, s0, ch.roiMMM, ch.half)
		alone.MROI = Interval{Mean: ma, Lo: ma * (1 - ch.wideMMM*0.85), Hi: ma * (1 + ch.wideMMM*1.1)}
		alone.Contribution = alone.ROI.Scale(s0)
		out := Channel{Name: ch.name, Offline: &ch.offline, Spend: s0, MMM: alone, Calibrated: &cal, Flags: []Flag{}}
		if !ch.offline {
			att := ch.roas * s0
			mtaTotal += att
			mtaMedia += cal.Contribution.Mean
			ifc := Interval{Mean: cal.Contribution.Mean / att, Lo: cal.Contribution.Lo / att, Hi: cal.Contribution.Hi / att}
			out.MTA = &MTAEstimates{Attributed: att, ROAS: ch.roas, IncrementalityFactor: ifc}
			switch {
			case ifc.Mean < 0.5:
				out.Flags = append(out.Flags, Flag{FlagMTAOverclaims, fmt.Sprintf("MTA credits %s with %.1f× its causal contribution", ch.name, 1/ifc.Mean)})
			case ifc.Mean > 2:
				out.Flags = append(out.Flags, Flag{FlagMTAUnderclaims, fmt.Sprintf("MTA credits %s with only %.0f%% of its causal contribution", ch.name, 100/ifc.Mean)})
			}
		}
		out.Quarters = sampleQuarters(dates, spend[c], media[c].Values, alone.ROI.Mean/ch.roi, out.MTA)
		r.Channels = append(r.Channels, out)
	}

	// Experiments.
	exp := func(id, ch, typ string, startWeek, length int, share, measuredROI, seROI, mmm float64, used bool) Experiment {
		c := channelIndex(ch)
		s := 0.0
		for t := startWeek; t < startWeek+length; t++ {
			s += spend[c][t]
		}
		s *= share
		z := 1.6448536269514722 // 90% two-sided
		inc := Interval{Mean: measuredROI * s, Lo: (measuredROI - z*seROI) * s, Hi: (measuredROI + z*seROI) * s}
		cal := r.Channels[c].Calibrated.ROI
		calPred := Interval{Mean: 0.5*cal.Mean + 0.5*measuredROI, Lo: 0.5*cal.Lo + 0.5*(measuredROI-z*seROI*0.6), Hi: 0.5*cal.Hi + 0.5*(measuredROI+z*seROI*0.6)}
		sd := (r.Channels[c].MMM.ROI.Hi - r.Channels[c].MMM.ROI.Lo) / (2 * z)
		zv := (measuredROI - mmm) / math.Hypot(seROI, sd)
		e := Experiment{
			TestID: id, Channel: ch, TestType: typ,
			Start: dates[startWeek], End: dates[startWeek+length-1].AddDays(6), Spend: s,
			MeasuredIncremental: inc, MeasuredIROAS: inc.Scale(1 / s),
			MMMIROAS:        Interval{Mean: mmm, Lo: mmm - z*sd, Hi: mmm + z*sd},
			CalibratedIROAS: &calPred, Z: &zv, Used: used, Flags: []Flag{},
		}
		if m := r.Channels[c].MTA; m != nil {
			att := m.ROAS * s
			e.IncrementalityFactor = &Interval{Mean: inc.Mean / att, Lo: inc.Lo / att, Hi: inc.Hi / att}
		}
		if math.Abs(zv) > 2 {
			e.Flags = append(e.Flags, Flag{FlagExperimentDisagrees, fmt.Sprintf("measured iROAS %.2f is %.1f standard errors from the MMM alone's %.2f", measuredROI, zv, mmm)})
		}
		return e
	}
	r.Experiments = []Experiment{
		exp("geo-search-2023q2", "search", "holdout", 70, 6, 0.25, 1.4, 0.12, 2.45, true),
		exp("cl-social-2023q4", "social", "conversion_lift", 92, 4, 1, 2.0, 0.45, 1.55, true),
		exp("geo-tv-2024q1", "tv", "holdout", 108, 8, 0.3, 1.2, 0.2, 3.0, true),
		exp("video-2022q2", "online_video", "heavy_up", 14, 4, 0.5, 2.4, 0.9, 1.9, false),
	}
	r.Experiments[3].Flags = append(r.Experiments[3].Flags, Flag{FlagStaleTest, "test ended more than 52 weeks before the period's end; kept for the report, not the fit"})
	for i := range r.Channels {
		switch r.Channels[i].Name {
		case "search", "tv":
			r.Channels[i].Flags = append(r.Channels[i].Flags, Flag{FlagExperimentDisagrees, "its lift test disagrees with the MMM alone (|z| > 2); the calibrated model follows the test"})
		case "display", "radio":
			r.Channels[i].Flags = append(r.Channels[i].Flags, Flag{FlagUntested, "no lift test: its ROI rests on the MMM alone"})
		case "online_video":
			r.Channels[i].Flags = append(r.Channels[i].Flags, Flag{FlagStaleTest, "its only lift test is older than 52 weeks"})
		}
	}

	r.TestNext = []TestSuggestion{
		{Channel: "radio", Rank: 1, Score: 0.92, Reason: "no lift test; widest ROI interval per unit of spend", HoldoutShare: 0.3, Weeks: 8, ExpectedSE: 0.35},
		{Channel: "display", Rank: 2, Score: 0.71, Reason: "no lift test; MTA ROAS 1.9 vs calibrated ROI 0.7", HoldoutShare: 0.25, Weeks: 6, ExpectedSE: 0.28},
		{Channel: "online_video", Rank: 3, Score: 0.44, Reason: "only test is stale (2022)", HoldoutShare: 0.2, Weeks: 6, ExpectedSE: 0.4},
	}

	r.Budget, r.Charts.ResponseCurves = sampleBudget(totalSpend, level)
	r.Unmapped = []UnmappedChannel{{Name: "affiliate", Rows: 4212, Attributed: 312000}, {Name: "(direct)", Rows: 18950, Attributed: 1.9e6}}
	r.Warnings = []string{
		"tv: lift test geo-tv-2024q1 spend differs by 12% from the panel's spend in its window × scope share",
		"2 MTA channels are unmapped (affiliate, (direct)); their attributed revenue is not in the over-claim ratio",
	}

	r.Header = Header{
		TotalKPI: totalKPI, TotalSpend: spendAll,
		MediaContribution: Interval{Mean: totalMedia, Lo: totalMedia * 0.88, Hi: totalMedia * 1.11},
		BaselineShare:     Interval{Mean: 1 - totalMedia/totalKPI, Lo: 1 - totalMedia*1.11/totalKPI, Hi: 1 - totalMedia*0.88/totalKPI},
		MTAAttributed:     mtaTotal,
		OverClaim:         Interval{Mean: mtaTotal / mtaMedia, Lo: mtaTotal / (mtaMedia * 1.15), Hi: mtaTotal / (mtaMedia * 0.86)},
	}
	r.Summary = fmt.Sprintf("Media drove about %.0f%% of revenue over the three years. "+
		"MTA claims %.1f× what the online channels caused: search is worth far less than MTA says "+
		"(its geo test confirmed it, cutting its ROI from 2.3 to 1.6), display earns back only 0.70 per euro, "+
		"while online video and social are worth more than MTA credits them with. "+
		"The TV test lowered TV's ROI from 2.6 to 1.4. Moving budget within ±30%% from search and display "+
		"to social and online video would add about %s revenue. Test radio and display next: neither has ever been tested.",
		100*(1-r.Header.BaselineShare.Mean), r.Header.OverClaim.Mean, formatCompact(r.Budget.ExpectedGain.Mean))

	r.Charts.Dates = dates
	r.Charts.Actual = actual
	r.Charts.Fitted = fitted
	r.Charts.HoldoutStart = weeks - 13
	r.Charts.Baseline = baseline
	r.Charts.Controls = controls
	r.Charts.Media = media
	for _, ch := range sampleChannels {
		wts := make([]Interval, 9)
		norm := 0.0
		for l := range wts {
			norm += math.Pow(ch.alpha, float64(l))
		}
		for l := range wts {
			m := math.Pow(ch.alpha, float64(l)) / norm
			wts[l] = Interval{Mean: m, Lo: m * 0.7, Hi: math.Min(1, m*1.3)}
		}
		r.Charts.Adstock = append(r.Charts.Adstock, AdstockWeights{Channel: ch.name, Weights: wts})
	}
	return r
}

func channelIndex(name string) int {
	for i, c := range sampleChannels {
		if c.name == name {
			return i
		}
	}
	return -1
}

// sampleQuarters aggregates weekly series into calendar quarters.
func sampleQuarters(dates []civil.Date, spend, contrib []float64, aloneRatio float64, mta *MTAEstimates) []QuarterRow {
	var rows []QuarterRow
	for t, d := range dates {
		tm := d.Time()
		q := fmt.Sprintf("%dQ%d", tm.Year(), (int(tm.Month())-1)/3+1)
		if len(rows) == 0 || rows[len(rows)-1].Quarter != q {
			rows = append(rows, QuarterRow{Quarter: q, CalibratedContribution: &Interval{}})
		}
		row := &rows[len(rows)-1]
		row.Spend += spend[t]
		row.CalibratedContribution.Mean += contrib[t]
	}
	for i := range rows {
		row := &rows[i]
		c := row.CalibratedContribution.Mean
		*row.CalibratedContribution = Interval{Mean: c, Lo: c * 0.8, Hi: c * 1.22}
		row.MMMContribution = Interval{Mean: c * aloneRatio, Lo: c * aloneRatio * 0.6, Hi: c * aloneRatio * 1.5}
		if mta != nil {
			row.MTAAttributed = row.Spend * mta.ROAS
			if row.MTAAttributed > 0 {
				iv := row.CalibratedContribution.Scale(1 / row.MTAAttributed)
				row.IncrementalityFactor = &iv
			}
		}
	}
	return rows
}

// sampleBudget reallocates the sample's spend within ±30% by greedy steps
// on the response curves, and returns the budget and the curves.
func sampleBudget(current []float64, level float64) (*Budget, []Curve) {
	nc := len(current)
	lo := make([]float64, nc)
	hi := make([]float64, nc)
	x := make([]float64, nc)
	total := 0.0
	for c := range current {
		lo[c], hi[c] = 0.7*current[c], 1.3*current[c]
		x[c] = lo[c]
		total += current[c]
	}
	left := total * 0.3
	const steps = 600
	step := left / steps
	for range steps {
		best, bestGain := -1, math.Inf(-1)
		for c, ch := range sampleChannels {
			if x[c]+step > hi[c] {
				continue
			}
			g := hillTotal(x[c]+step, current[c], ch.roi, ch.half) - hillTotal(x[c], current[c], ch.roi, ch.half)
			if g > bestGain {
				best, bestGain = c, g
			}
		}
		x[best] += step
	}
	b := &Budget{Total: total, Objective: "mean"}
	var cur, rec float64
	var curves []Curve
	for c, ch := range sampleChannels {
		mc := marginal(current[c], current[c], ch.roi, ch.half)
		mr := marginal(x[c], current[c], ch.roi, ch.half)
		b.Channels = append(b.Channels, BudgetChannel{
			Name: ch.name, Current: current[c], Recommended: x[c], Min: lo[c], Max: hi[c],
			MROICurrent:     Interval{Mean: mc, Lo: mc * 0.75, Hi: mc * 1.3},
			MROIRecommended: Interval{Mean: mr, Lo: mr * 0.75, Hi: mr * 1.3},
		})
		cur += hillTotal(current[c], current[c], ch.roi, ch.half)
		rec += hillTotal(x[c], current[c], ch.roi, ch.half)
		pts := make([]CurvePoint, 41)
		for i := range pts {
			s := float64(i) / 20 * current[c]
			m := hillTotal(s, current[c], ch.roi, ch.half)
			pts[i] = CurvePoint{Spend: s, Mean: m, Lo: m * 0.8, Hi: m * 1.22}
		}
		recommended := x[c]
		curves = append(curves, Curve{Channel: ch.name, Points: pts, CurrentSpend: current[c], RecommendedSpend: &recommended})
	}
	b.CurrentKPI = Interval{Mean: cur, Lo: cur * 0.85, Hi: cur * 1.15}
	b.RecommendedKPI = Interval{Mean: rec, Lo: rec * 0.85, Hi: rec * 1.15}
	g := rec - cur
	b.ExpectedGain = Interval{Mean: g, Lo: g * 0.4, Hi: g * 1.7}
	return b, curves
}
