//go:build diag

package mmm_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/triad-mmm/triad/internal/sampler"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/mmm"
)

func med(x []float64) float64 {
	y := append([]float64(nil), x...)
	sort.Float64s(y)
	return y[len(y)/2]
}
func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func TestDiag(t *testing.T) {
	var seeds []uint64
	for _, f := range strings.Split(os.Getenv("SEEDS"), ",") {
		v, _ := strconv.Atoi(f)
		seeds = append(seeds, uint64(v))
	}
	for _, seed := range seeds {
		w, err := simulate.Generate(simulate.Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		d := mmm.Data{Dates: w.Dates, StepDays: 7, KPI: w.KPI, ControlNames: w.ControlNames, Controls: w.Controls}
		for _, c := range w.Channels {
			d.Channels = append(d.Channels, c.Name)
			d.Spend = append(d.Spend, c.Spend)
		}
		s := mmm.DefaultSpec(d)
		for c, ch := range w.Channels {
			if ch.Response.Adstock.Kind == "delayed" {
				s.Channels[c].Adstock = mmm.DelayedAdstock
			}
			if pin := os.Getenv("PIN"); pin == "alpha" {
				a := ch.Response.Adstock.Alpha
				s.Channels[c].Alpha = mmm.Beta{A: 400 * a, B: 400 * (1 - a)}
				if ch.Response.Adstock.Kind == "delayed" {
					th := ch.Response.Adstock.Theta / 8
					s.Channels[c].Theta = mmm.Beta{A: 400 * th, B: 400 * (1 - th)}
				}
			} else if pin == "sat" {
				s.Channels[c].K = mmm.LogNormal{Mu: math.Log(ch.Response.Saturation.K), Sigma: 0.03}
				s.Channels[c].Slope = mmm.LogNormal{Mu: math.Log(ch.Response.Saturation.Slope), Sigma: 0.03}
			}
			if v := os.Getenv("KSD"); v != "" {
				sd, _ := strconv.ParseFloat(v, 64)
				s.Channels[c].K = mmm.LogNormal{Mu: 0, Sigma: sd}
			}
			if v := os.Getenv("SLOPE"); v != "" {
				var mu, sd float64
				fmt.Sscanf(v, "%g,%g", &mu, &sd)
				s.Channels[c].Slope = mmm.LogNormal{Mu: mu, Sigma: sd}
			}
			if os.Getenv("TIGHT") != "" {
				a := ch.Response.Adstock.Alpha
				s.Channels[c].Alpha = mmm.Beta{A: 400 * a, B: 400 * (1 - a)}
				s.Channels[c].K = mmm.LogNormal{Mu: math.Log(ch.Response.Saturation.K), Sigma: 0.03}
				s.Channels[c].Slope = mmm.LogNormal{Mu: math.Log(ch.Response.Saturation.Slope), Sigma: 0.03}
				if ch.Response.Adstock.Kind == "delayed" {
					th := ch.Response.Adstock.Theta / 8
					s.Channels[c].Theta = mmm.Beta{A: 400 * th, B: 400 * (1 - th)}
				}
			}
			if v := os.Getenv("ROISD"); v != "" {
				sd, _ := strconv.ParseFloat(v, 64)
				s.Channels[c].ROI = mmm.LogNormal{Mu: 0.2, Sigma: sd}
			}
		}
		m, err := mmm.NewModel(d, s)
		if err != nil {
			t.Fatal(err)
		}
		p, err := mmm.Fit(context.Background(), m, mmm.FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 500, Draws: 500, Seed: seed}})
		if err != nil {
			t.Fatal(err)
		}
		sum := p.ChannelSummary(0.9)
		for c, ch := range w.Channels {
			tr := w.Truth.Channels[c]
			cd := make([]float64, p.Draws())
			p.ContributionDraws(cd, c, ch.Spend)
			tot := 0.0
			for _, v := range ch.Spend {
				tot += v
			}
			for i := range cd {
				cd[i] /= tot
			}
			fmt.Printf("R %d %s %.4f %.4f %.4f %.4f %.4f %.3f %.3f\n", seed, ch.Name, tr.ROI, mean(cd), med(cd), sum[c].ROI.Lo, sum[c].ROI.Hi,
				ch.Response.Adstock.Alpha, med(p.ParamDraws("alpha["+ch.Name+"]")))
		}
	}
}
