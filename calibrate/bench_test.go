package calibrate

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
)

// benchInput is a 156-week, 6-channel reconciliation with 4000 draws per
// fit, four tests and MTA on three channels.
func benchInput() Input {
	const T, C, D = 156, 6, 4000
	rng := rand.New(rand.NewPCG(1, 1))
	cal := Calendar{Calendar: civil.Calendar{StepDays: 7}}
	d0 := civil.New(2022, time.January, 3)
	for t := range T {
		cal.Dates = append(cal.Dates, d0.AddDays(7*t))
	}
	in := Input{Calendar: cal, KPI: make([]float64, T), ResidualSD: 5000}
	for c := range C {
		in.Calendar.Channels = append(in.Calendar.Channels, string(rune('a'+c)))
		sp := make([]float64, T)
		for t := range sp {
			sp[t] = 10000 * (1 + rng.Float64())
		}
		in.Calendar.Spend = append(in.Calendar.Spend, sp)
		draws := func() [][]float64 {
			d := make([][]float64, D)
			for i := range d {
				d[i] = make([]float64, T)
				k := 1 + 0.3*rng.NormFloat64()
				for t := range d[i] {
					d[i][t] = k * sp[t] * 1.5
				}
			}
			return d
		}
		ch := ChannelDraws{MMM: draws(), Calibrated: draws(), RHat: 1.0, ESS: 1000}
		if c%2 == 0 {
			ch.MTA = make([]float64, T)
			for t := range ch.MTA {
				ch.MTA[t] = 2 * sp[t]
			}
		}
		in.Channels = append(in.Channels, ch)
	}
	for t := range in.KPI {
		in.KPI[t] = 500000
	}
	for k := range 4 {
		pred := make([]float64, D)
		for i := range pred {
			pred[i] = 30000 * (1 + 0.2*rng.NormFloat64())
		}
		s := d0.AddDays(7 * (100 + 10*k))
		in.Tests = append(in.Tests, TestDraws{
			Test: lift.Test{ID: string(rune('A' + k)), Channel: in.Calendar.Channels[k], Start: s, End: s.AddDays(27),
				Spend: 8000, Incremental: 12000, SE: 3000, ScopeShare: 0.2, Include: true},
			MMM: pred, Calibrated: pred,
		})
	}
	return in
}

func BenchmarkReconcile156x6(b *testing.B) {
	in := benchInput()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Reconcile(in); err != nil {
			b.Fatal(err)
		}
	}
}
