package simulate

import (
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// MTARow is one day × platform channel × campaign row of the MTA export.
type MTARow struct {
	Date civil.Date
	// Channel is the platform's name ("Paid Search"), not the MMM name.
	Channel           string
	Campaign          string
	AttributedRevenue float64
	Spend             float64
	// TrueRevenue is the row's share of its channel's true contribution
	// (0 for the unmapped platform). It is truth, not part of the export.
	TrueRevenue float64
	// Geo is the row's geo in a geo world's export, "" otherwise.
	Geo string
}

// Weekday profiles (Monday first) before a per-seed perturbation: spend is
// flat-ish, conversions dip at the weekend.
var (
	spendWeekday  = [7]float64{1.0, 1.02, 1.02, 1.0, 0.97, 0.95, 1.04}
	returnWeekday = [7]float64{1.08, 1.06, 1.04, 1.02, 0.98, 0.86, 0.96}
)

// mtaChannel is the drawn MTA behaviour of one online channel.
type mtaChannel struct {
	c         int
	campaigns []string
	spendSh   [][]float64 // [campaign][week], sums to 1 over campaigns
	trueSh    [][]float64 // [campaign][week]
}

// drawMTA builds the daily export. Each online channel's weekly spend and
// true contribution are spread over its campaigns and the days of the week
// (sums preserved). Attribution is biased as platforms are: paid search
// also claims a share of baseline demand (brand searches that would have
// converted anyway; true IF 0.3–0.6), social and display inflate their
// credit by view-through attribution (true IF 0.5–0.9); each row carries
// log-normal noise. An unmapped affiliate platform adds small rows.
func (w *World) drawMTA(rng *rand.Rand, baseline []float64, campaigns int) []MTARow {
	T := len(w.Dates)
	swd, rwd := w.weekdayProfiles(rng)

	var chans []mtaChannel
	for c, def := range catalogue {
		if def.offline {
			continue
		}
		n := campaigns
		if n == 0 {
			n = intBetween(rng, 2, maxCampaigns)
		}
		chans = append(chans, drawCampaignShares(rng, c, def.campaign[:n], T))
	}
	spendCells := w.dailySpend(chans, swd)
	// View-through inflation drifts slowly, so the true IF varies by quarter.
	drift := viewDrift(rng, len(chans), T)
	cells := w.mtaCells(rng, chans, spendCells, drift, baseline, rwd)

	online := make([]int, len(chans))
	for i, mc := range chans {
		online[i] = mc.c
	}
	return w.solveAttribution(rng, online, cells)
}

// drawCampaignShares draws how channel c's weekly spend and true
// contribution divide over its campaigns: each campaign has a base weight
// and an efficiency, and its weight drifts as an AR(1) on the log scale.
func drawCampaignShares(rng *rand.Rand, c int, campaigns []string, T int) mtaChannel {
	n := len(campaigns)
	mc := mtaChannel{c: c, campaigns: campaigns}
	base := make([]float64, n)
	eff := make([]float64, n)
	z := make([]float64, n)
	for k := range base {
		base[k], eff[k] = uniform(rng, 0.5, 1.5), uniform(rng, 0.7, 1.3)
	}
	mc.spendSh = make([][]float64, n)
	mc.trueSh = make([][]float64, n)
	for k := range mc.spendSh {
		mc.spendSh[k] = make([]float64, T)
		mc.trueSh[k] = make([]float64, T)
	}
	for t := 0; t < T; t++ {
		var ss, ts float64
		for k := range base {
			z[k] = 0.8*z[k] + 0.1*rng.NormFloat64()
			s := base[k] * math.Exp(z[k])
			mc.spendSh[k][t], mc.trueSh[k][t] = s, s*eff[k]
			ss += s
			ts += s * eff[k]
		}
		for k := range base {
			mc.spendSh[k][t] /= ss
			mc.trueSh[k][t] /= ts
		}
	}
	return mc
}

// dailySpend returns spendCells[i][(t·7+d)·n+k]: campaign k's spend on day
// d of week t, split in cents so that each week sums exactly to the
// panel's spend.
func (w *World) dailySpend(chans []mtaChannel, swd [7]float64) [][]float64 {
	T := len(w.Dates)
	spendCells := make([][]float64, len(chans))
	for i, mc := range chans {
		n := len(mc.campaigns)
		spendCells[i] = make([]float64, 0, T*7*n)
		wts := make([]float64, 7*n)
		for t := 0; t < T; t++ {
			for d := 0; d < 7; d++ {
				for k := 0; k < n; k++ {
					wts[d*n+k] = swd[d] * mc.spendSh[k][t]
				}
			}
			spendCells[i] = append(spendCells[i], splitCents(w.Channels[mc.c].Spend[t], wts)...)
		}
	}
	return spendCells
}

// mtaCells lays out the export's rows in order: date, then platform, then
// campaign, with the unmapped affiliate platform last each day. attrTrue
// and attrBase are the two parts of each attributed value before the
// channel's calibration constant is solved.
func (w *World) mtaCells(rng *rand.Rand, chans []mtaChannel, spendCells, drift [][]float64, baseline []float64, rwd [7]float64) []mtaCell {
	var cells []mtaCell
	affLevel := uniform(rng, 1500, 4000)
	const noiseSD = 0.15
	for t := range w.Dates {
		for d := 0; d < 7; d++ {
			day := w.Dates[t].AddDays(d)
			for i, mc := range chans {
				ch := w.Channels[mc.c]
				n := len(mc.campaigns)
				for k, name := range mc.campaigns {
					tr := ch.Contribution[t] * rwd[d] * mc.trueSh[k][t]
					noise := math.Exp(noiseSD*rng.NormFloat64() - noiseSD*noiseSD/2)
					cl := mtaCell{ch: i, row: MTARow{Date: day, Channel: ch.Platform, Campaign: name,
						Spend: spendCells[i][(t*7+d)*n+k], TrueRevenue: tr}}
					if ch.Name == "search" {
						brand := 0.3 / float64(n-1)
						if k == 0 {
							brand = 0.7
						}
						cl.attrTrue = tr * noise
						cl.attrBase = baseline[t] * rwd[d] * brand * noise
					} else {
						cl.attrTrue = tr * drift[i][t] * noise
					}
					cells = append(cells, cl)
				}
			}
			noise := math.Exp(noiseSD*rng.NormFloat64() - noiseSD*noiseSD/2)
			attr := round2(affLevel * 7 * rwd[d] * noise)
			cells = append(cells, mtaCell{ch: -1, row: MTARow{Date: day, Channel: unmappedPlatform,
				Campaign: unmappedCampaign, AttributedRevenue: attr, Spend: round2(0.1 * attr)}})
		}
	}
	return cells
}

// weekdayProfiles draws the spend and return profiles over the days of a
// week, rotated to start on the panel's week start.
func (w *World) weekdayProfiles(rng *rand.Rand) (swd, rwd [7]float64) {
	var sw, rw [7]float64
	for d := range sw {
		sw[d] = spendWeekday[d] * uniform(rng, 0.95, 1.05)
		rw[d] = returnWeekday[d] * uniform(rng, 0.95, 1.05)
	}
	normalise(sw[:])
	normalise(rw[:])
	// Profiles are Monday-first; rotate to the panel's week start.
	off := (int(w.Dates[0].Weekday()) + 6) % 7
	for d := range swd {
		swd[d], rwd[d] = sw[(d+off)%7], rw[(d+off)%7]
	}
	return swd, rwd
}

// viewDrift draws n channels' view-through inflation over T weeks: an
// AR(1) on the log scale, slow enough that the true IF varies by quarter.
func viewDrift(rng *rand.Rand, n, T int) [][]float64 {
	drift := make([][]float64, n)
	for i := range drift {
		drift[i] = make([]float64, T)
		var z float64
		for t := range drift[i] {
			z = 0.9*z + 0.05*rng.NormFloat64()
			drift[i][t] = math.Exp(z)
		}
	}
	return drift
}

func normalise(x []float64) {
	s := stat.Sum(x)
	for i := range x {
		x[i] /= s
	}
}

// splitCents divides total (whole currency units) over cells in proportion
// to wts, in cents, by largest remainder, so the parts sum to total exactly
// in cents.
func splitCents(total float64, wts []float64) []float64 {
	cents := int64(math.Round(total * 100))
	out := make([]float64, len(wts))
	s := stat.Sum(wts)
	if cents == 0 || s == 0 {
		return out
	}
	parts := make([]int64, len(wts))
	rem := make([]float64, len(wts))
	var used int64
	for i, v := range wts {
		exact := float64(cents) * v / s
		parts[i] = int64(math.Floor(exact))
		rem[i] = exact - float64(parts[i])
		used += parts[i]
	}
	for left := cents - used; left > 0; left-- {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		parts[best]++
		rem[best] = -1
	}
	for i, p := range parts {
		out[i] = float64(p) / 100
	}
	return out
}
