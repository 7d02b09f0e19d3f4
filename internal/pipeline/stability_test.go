package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/stat"
)

// stability measures, on one simulated world, what a quarter does to the
// calibrated model: a refit with 13 more weeks of the same world (the
// first 156 of 169 weeks against all 169, each with the world's tests that
// lie inside its panel), and a refit of the 156 weeks with one new precise
// lift test (SE 5% of its true lift) on the channel whose ROI is least
// certain.
type stability struct {
	channels      int
	inside        int     // channels whose new ROI mean lies in the old 90% interval
	relMove       float64 // Σ |new − old| / old over the channels
	tested        string
	toward        bool // the tested channel's ROI moved in the direction of the test's iROAS
	closer        bool // … and ended closer to it than it started
	othersInside  int  // other channels that moved by less than their interval width
	others        int
	testedOld     float64
	testedNew     float64
	testedIROAS   float64
	maxOtherRatio float64 // largest |move| / interval width among the others
}

func measureStability(t *testing.T, seed uint64, method string, chains, warmup, draws int) stability {
	t.Helper()
	w, err := simulate.Generate(simulate.Options{Seed: seed, Weeks: 169})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	overrides := map[string]string{"data.mta": "", "sampler.method": method,
		"sampler.chains": fmt.Sprint(chains), "sampler.warmup": fmt.Sprint(warmup), "sampler.draws": fmt.Sprint(draws)}
	cur, err := config.Load(filepath.Join(dir, "config.yaml"), overrides)
	require.NoError(t, err)
	oldEnd := w.Dates[155].AddDays(6)
	var inside []simulate.LiftTest
	for _, l := range w.LiftTests {
		if l.MeasureEnd() <= oldEnd {
			inside = append(inside, l)
		}
	}
	old := *cur
	old.Data.Panel = cutLines(t, cur.Data.Panel, 1+156, nil)
	old.Data.LiftTests = cutLines(t, cur.Data.LiftTests, -1, inside)
	roiOld, roiNew := fitROI(t, &old), fitROI(t, cur)

	var s stability
	widest, c0 := 0.0, -1
	for c := range roiOld {
		o, n := roiOld[c], roiNew[c]
		s.channels++
		if n.Mean >= o.Lo && n.Mean <= o.Hi {
			s.inside++
		}
		s.relMove += math.Abs(n.Mean-o.Mean) / o.Mean
		if wd := (o.Hi - o.Lo) / o.Mean; wd > widest {
			widest, c0 = wd, c
		}
	}
	// One new precise holdout on the least certain channel: weeks 140–147
	// of the old panel, measured 8 weeks on, 20% of the business.
	ch := w.Channels[c0]
	l := simulate.LiftTest{ID: "NEW", Channel: ch.Name, Type: "holdout", Start: w.Dates[140], End: w.Dates[147].AddDays(6),
		CooldownEnd: w.Dates[155].AddDays(6), ScopeShare: 0.2, Spend: 0.2 * stat.Sum(ch.Spend[140:148])}
	l.Incremental, err = w.TrueLift(l)
	require.NoError(t, err)
	l.SE = 0.05 * math.Abs(l.Incremental)
	withTest := old
	withTest.Data.LiftTests = cutLines(t, cur.Data.LiftTests, -1, append(inside, l))
	roiTest := fitROI(t, &withTest)
	s.tested, s.testedIROAS = ch.Name, l.Incremental/l.Spend
	s.testedOld, s.testedNew = roiOld[c0].Mean, roiTest[c0].Mean
	s.toward = (s.testedNew-s.testedOld)*(s.testedIROAS-s.testedOld) > 0
	s.closer = math.Abs(s.testedNew-s.testedIROAS) < math.Abs(s.testedOld-s.testedIROAS)
	for c := range roiOld {
		if c == c0 {
			continue
		}
		s.others++
		ratio := math.Abs(roiTest[c].Mean-roiOld[c].Mean) / (roiOld[c].Hi - roiOld[c].Lo)
		s.maxOtherRatio = max(s.maxOtherRatio, ratio)
		if ratio < 1 {
			s.othersInside++
		}
	}
	return s
}

// fitROI fits cfg's calibrated model and returns each channel's ROI over
// its panel at 90%.
func fitROI(t *testing.T, cfg *config.Config) []stat.Interval {
	t.Helper()
	in, err := Load(cfg)
	require.NoError(t, err)
	f, err := fitModels(context.Background(), in, Options{}, false)
	require.NoError(t, err)
	var out []stat.Interval
	for c := range in.Panel.Channels {
		out = append(out, stat.Summarize(f.final().ChannelDraws(c).ROI, 0.9))
	}
	return out
}

// cutLines writes a copy of the CSV at path beside it: its first n lines
// (n < 0: all), or, with tests, the header and the rows of those tests
// (the world's own rows, plus any test not in the file, written out).
func cutLines(t *testing.T, path string, n int, tests []simulate.LiftTest) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(b), "\n")
	var keep []string
	if tests == nil {
		keep = lines[:n]
	} else {
		keep = lines[:1]
		for _, l := range tests {
			row := ""
			for _, line := range lines[1:] {
				if strings.HasPrefix(line, l.ID+",") {
					row = line
				}
			}
			if row == "" {
				row = fmt.Sprintf("%s,%s,%s,%s,%s,%s,%g,%g,%g,%g,,,\n", l.ID, l.Channel, l.Type, l.Start, l.End, l.CooldownEnd, l.ScopeShare, l.Spend, l.Incremental, l.SE)
			}
			keep = append(keep, row)
		}
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	require.NoError(t, os.WriteFile(out, []byte(strings.Join(keep, "")), 0o644))
	return out
}

// The quarterly stability check on one world with the Laplace fit (the
// long version runs ten worlds with NUTS): 13 more weeks keep most
// channels' ROI inside the old interval, and one precise new test moves
// its channel toward it.
func TestStabilityOneWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("fits three models")
	}
	s := measureStability(t, 1, "laplace", 1, 10, 1000)
	t.Logf("%+v", s)
	require.GreaterOrEqual(t, float64(s.inside)/float64(s.channels), 0.8)
	require.Less(t, s.relMove/float64(s.channels), 0.25)
	require.True(t, s.toward, "%s: old %.3g, new %.3g, test %.3g", s.tested, s.testedOld, s.testedNew, s.testedIROAS)
}
