package mmm

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// OptimalFrequency is the frequency at which an R&F channel's ROI peaks
// with its spend and impressions (reach × frequency) held at their
// observed values, as Meridian's Analyzer.optimal_freq computes it: the
// same impressions spread over more people less often or fewer people
// more often. With reach_t·f_t = impressions_t and frequency f in every
// period, the contribution is β·S(f)/f·Σ_t Adstock(impressions)_t, so the
// optimum is the maximum of S(f)/f; for a Hill curve with slope s > 1 it
// is K·(s−1)^(1/s), for s ≤ 1 the lowest frequency of the grid.
type OptimalFrequency struct {
	// Frequency is the optimal average frequency per period, in the
	// panel's frequency units, on the grid FrequencyGrid.
	Frequency Interval
	// ROI is the channel's ROI at that frequency; the channel's own ROI
	// (ChannelSummary) is the one at its observed frequencies.
	ROI Interval
	// Current is the observed average frequency over the fitted periods,
	// impressions over reach.
	Current float64
}

// frequencyStep is the step of the frequency grid, as Meridian's.
const frequencyStep = 0.1

// FrequencyGrid returns the frequencies OptimalFrequency searches for
// channel c: from 1 (or the highest observed frequency, if lower) to the
// highest observed frequency over the fitted periods with reach, in steps
// of 0.1, as Meridian's default grid.
func (m *Model) FrequencyGrid(c int) []float64 {
	if !m.ReachFrequency(c) {
		return nil
	}
	ch := &m.ch[c]
	hi := 0.0
	for t := range m.nFit {
		if ch.x[t] > 0 {
			hi = math.Max(hi, ch.f[t]*ch.fScale)
		}
	}
	lo := math.Min(1, hi)
	k := int(math.Floor((hi-lo)/frequencyStep + 1e-9))
	grid := make([]float64, k+1)
	for i := range grid {
		grid[i] = lo + float64(i)*frequencyStep
	}
	return grid
}

// OptimalFrequency returns channel c's optimal frequency with intervals at
// level over the draws, or false if c is not a paid R&F channel.
func (p *Posterior) OptimalFrequency(c int, level float64) (OptimalFrequency, bool) {
	m := p.m
	if !m.ReachFrequency(c) || m.Organic(c) {
		return OptimalFrequency{}, false
	}
	ch, pc := &m.ch[c], &p.ch[c]
	grid := m.FrequencyGrid(c)
	scaled := make([]float64, len(grid))
	for i, f := range grid {
		scaled[i] = f / ch.fScale
	}
	// Impressions on the reach scale, and their adstock per draw.
	imp := make([]float64, m.nFit)
	reach, imps := 0.0, 0.0
	for t := range imp {
		imp[t] = ch.x[t] * ch.f[t] * ch.fScale
		reach += ch.x[t]
		imps += imp[t]
	}
	var impPre []float64
	for i, r := range ch.pre {
		impPre = append(impPre, r*ch.preF[i]*ch.fScale)
	}
	a, s := make([]float64, m.nFit), make([]float64, len(grid))
	fOpt, roi := make([]float64, p.Draws()), make([]float64, p.Draws())
	for d := range fOpt {
		ch.spec.Saturation.Curve(s, scaled, pc.sat[d])
		best := 0
		for i := range s {
			if s[i]/grid[i] > s[best]/grid[best] {
				best = i
			}
		}
		Convolve(a, imp, pc.w[d])
		if impPre != nil {
			addCarry(a, impPre, pc.w[d])
		}
		fOpt[d] = grid[best]
		roi[d] = pc.beta[d] * s[best] / grid[best] * stat.Sum(a) / ch.spendFit
	}
	return OptimalFrequency{
		Frequency: stat.Summarize(fOpt, level),
		ROI:       stat.Summarize(roi, level),
		Current:   imps / reach,
	}, true
}
