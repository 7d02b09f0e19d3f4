package report

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProseNum(t *testing.T) {
	for x, want := range map[float64]string{
		1234567.8: "1,234,568", -12000: "-12,000", 123.4: "123", 12.34: "12.3", 1.234: "1.23", 0: "0.00",
		0.00123: "0.00123", 0.0123: "0.0123", 0.1234: "0.12",
	} {
		assert.Equal(t, want, proseNum(x), "%g", x)
	}
	assert.Equal(t, "n/a", proseNum(math.NaN()))
	assert.Equal(t, "2.10 (1.60–2.70)", proseInterval(Interval{2.1, 1.6, 2.7}))
}

// An IF interval that includes 1 but centres far from it is reported as
// probable over- or under-crediting, not as "about right".
func TestProseMTAClassifiesByIntervalThenMean(t *testing.T) {
	ch := func(name string, mean, lo, hi float64) Channel {
		return Channel{Name: name, MTA: &MTAEstimates{IncrementalityFactor: Interval{Mean: mean, Lo: lo, Hi: hi}}}
	}
	r := &Report{Interval: 0.9, Header: Header{OverClaim: Unknown}, Channels: []Channel{
		ch("search", 0.4, 0.2, 0.6), ch("social", 0.48, 0.15, 1.1), ch("display", 1.6, 0.9, 2.4), ch("email", 1.0, 0.8, 1.2),
	}}
	s := strings.Join(proseWriter{r: r}.mtaSentences(), " ")
	assert.Equal(t, "Measured against the MMM, MTA over-credits search (incrementality factor 0.40; 90% interval 0.20–0.60), which is worth less than MTA says, "+
		"probably over-credits social (incrementality factor 0.48; 90% interval 0.15–1.10) (the interval still includes 1), "+
		"probably under-credits display (incrementality factor 1.60; 90% interval 0.90–2.40) (the interval still includes 1) and is about right for email.", s)

	r.Channels = []Channel{ch("social", 1.6, 1.2, 2.4), {Name: "tv"}}
	r.Header.OverClaim = Interval{0.7, 0.6, 0.8}
	assert.Equal(t, []string{
		"Measured against the MMM, MTA under-credits social (incrementality factor 1.60; 90% interval 1.20–2.40), which is worth more.",
		"In total MTA attributes 0.70× the contribution of the channels it sees.",
	}, proseWriter{r: r}.mtaSentences())
	r.Channels = []Channel{{Name: "tv"}}
	assert.Equal(t, []string{"MTA covers none of the channels, so only the MMM and the lift tests are compared."}, proseWriter{r: r}.mtaSentences())
}

func proseReport() *Report {
	z := 3.4
	return &Report{
		KPI: "orders", Interval: 0.5, Header: Header{OverClaim: Unknown},
		Channels: []Channel{
			{Name: "tv", MMM: ChannelEstimates{ROI: Interval{0.25, 0.18, 0.33}, CPIK: &Interval{5.2083, 3.125, 6.25}},
				Calibrated: &ChannelEstimates{ROI: Interval{0.25, 0.24, 0.26}, CPIK: &Interval{4.08, 3.83, 4.25}}},
			{Name: "search", MMM: ChannelEstimates{ROI: Interval{2, 1, 3}}, Calibrated: &ChannelEstimates{ROI: Interval{2.01, 1.02, 3.01}},
				MTA: &MTAEstimates{IncrementalityFactor: Interval{0.33, 0.29, 0.36}}},
		},
		Experiments: []Experiment{{TestID: "A", Channel: "tv", Used: true, Z: &z, Flags: []Flag{{Code: FlagExperimentDisagrees}}}},
		TestNext: []TestSuggestion{
			{Channel: "search", Reason: "no lift test in the fit; 1,000 spend", HoldoutShare: 0.2, Weeks: 6, CooldownWeeks: 2, ExpectedSE: 0.5, Reaches: true, ROI: Interval{Mean: 2}},
			{Channel: "social"},
		},
	}
}

func TestProse(t *testing.T) {
	r := proseReport()
	s := Prose(r, false)
	assert.Equal(t, "Measured against the calibrated model, MTA over-credits search (incrementality factor 0.33; 50% interval 0.29–0.36), which is worth less than MTA says. "+
		"The lift test moved tv's ROI from 0.25 (0.18–0.33) to 0.25 (0.24–0.26). "+
		"Test A on tv (z = 3.4) disagreed with the MMM alone. "+
		"Test next: search (no lift test in the fit); a 20% geo holdout for 6 weeks plus 2 weeks of cooldown should measure its ROI to about ±25%, then social.", s)
	assert.Equal(t, s, Prose(proseReport(), false), "deterministic")

	assert.Contains(t, Prose(r, true), "The lift test moved tv's cost per incremental KPI (orders) from 5.21 (3.12–6.25) to 4.08 (3.83–4.25).")

	// A test that leaves the estimate where it was confirms it.
	r.Channels[0].Calibrated = &r.Channels[0].MMM
	assert.Contains(t, Prose(r, false), "The lift test confirmed the MMM's ROI for tv.")

	r.TestNext[0].Reaches = false
	assert.Contains(t, Prose(r, false), "; even a 20% geo holdout for 6 weeks plus 2 weeks of cooldown would measure its ROI only to about ±25%")

	for c := range r.Channels {
		r.Channels[c].Calibrated = nil
	}
	s = Prose(r, false)
	assert.Contains(t, s, "Measured against the MMM,")
	assert.Contains(t, s, "No lift test entered the fit, so the ROI estimates rest on the MMM alone.")
	assert.NotContains(t, s, "NaN")
}
