package calibrate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/lift"
)

// The simulator computes each test's true lift independently from its
// records (weeks, r, scope, cooldown), holdouts and heavy-ups. Observation's terms, applied to the
// true response exactly as the model applies them, must give the same lift.
func TestObservationMatchesSimulatedTruth(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		w, err := simulate.Generate(simulate.Options{Seed: seed})
		require.NoError(t, err)
		cal := Calendar{Calendar: civil.Calendar{Dates: w.Dates, StepDays: 7}}
		for _, ch := range w.Channels {
			cal.Channels = append(cal.Channels, ch.Name)
			cal.Spend = append(cal.Spend, ch.Spend)
		}
		require.Equal(t, len(w.LiftTests), len(w.Truth.Tests))
		require.NotEmpty(t, w.LiftTests)
		for k, st := range w.LiftTests {
			typ, err := lift.ParseType(st.Type)
			require.NoError(t, err)
			tt := lift.Test{ID: st.ID, Channel: st.Channel, Start: st.Start, End: st.End, CooldownEnd: st.CooldownEnd,
				Spend: st.Spend, Incremental: st.Incremental, SE: 1, ScopeShare: st.ScopeShare, Type: typ, Include: true}
			c, ok := cal.Channel(st.Channel)
			require.True(t, ok)
			o, warns, err := Observation(tt, cal, c)
			require.NoError(t, err, "seed %d test %s", seed, st.ID)
			assert.Empty(t, warns)

			x := w.Channels[c].Spend
			mod := append([]float64(nil), x...)
			for i, r := range o.Moved {
				if o.HeavyUp {
					mod[o.Start+i] *= 1 + r
				} else {
					mod[o.Start+i] *= 1 - r
				}
			}
			hi, lo := x, mod
			if o.HeavyUp {
				hi, lo = mod, x
			}
			ch, cl := make([]float64, len(x)), make([]float64, len(x))
			w.Channels[c].Response.Weekly(ch, hi)
			w.Channels[c].Response.Weekly(cl, lo)
			var got float64
			for i, m := range o.Measure {
				got += m * (ch[o.Start+i] - cl[o.Start+i])
			}
			got *= o.Scope
			// The record's spend is rounded, so the drawn truth matches
			// loosely and the truth recomputed from the record exactly.
			want, err := w.TrueLift(st)
			require.NoError(t, err)
			assert.InDelta(t, want, got, 1e-9*math.Abs(want), "seed %d test %s", seed, st.ID)
			assert.InDelta(t, w.Truth.Tests[k].Lift, got, 1e-5*math.Abs(want), "seed %d test %s", seed, st.ID)
		}
	}
}
