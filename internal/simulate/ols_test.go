package simulate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// TestOLSRecoversTruth regresses revenue on the true regressors (baseline
// terms, controls, and each channel's saturated adstock with the true
// transforms). The coefficients are then estimable without bias, so the
// true ROIs must sit within a few standard errors: this checks that the
// revenue series really contains the components the truth claims, and it
// measures how identifiable each channel is in the best case.
func TestOLSRecoversTruth(t *testing.T) {
	var zs []float64
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		T := len(w.Dates)
		nc := len(w.Channels)
		p := 7 + 2 + nc // 1, u, u², 4 Fourier, price, promo, channels
		X := mat.NewDense(T, p, nil)
		S := make([][]float64, nc)
		for c, ch := range w.Channels {
			r := ch.Response
			r.Beta = 1
			S[c] = oracleWeekly(r, ch.Spend)
		}
		for t2, d := range w.Dates {
			u := float64(t2) / float64(T-1)
			f := 2 * math.Pi * d.DayOfYearFraction()
			row := []float64{1, u, u * u, math.Sin(f), math.Cos(f), math.Sin(2 * f), math.Cos(2 * f), w.Controls[0][t2], w.Controls[1][t2]}
			for c := range w.Channels {
				row = append(row, S[c][t2])
			}
			X.SetRow(t2, row)
		}
		y := mat.NewVecDense(T, append([]float64(nil), w.KPI...))
		var qr mat.QR
		qr.Factorize(X)
		var beta mat.VecDense
		require.NoError(t, qr.SolveVecTo(&beta, false, y))
		var res mat.VecDense
		res.MulVec(X, &beta)
		res.SubVec(y, &res)
		s2 := mat.Dot(&res, &res) / float64(T-p)
		var xtx, inv mat.Dense
		xtx.Mul(X.T(), X)
		require.NoError(t, inv.Inverse(&xtx))
		assert.InDelta(t, 1, math.Sqrt(s2)/w.Truth.NoiseSD, 0.3, "seed %d residual SD", seed)
		for c, ch := range w.Channels {
			j := 9 + c
			b, se := beta.AtVec(j), math.Sqrt(s2*inv.At(j, j))
			zs = append(zs, (b-ch.Response.Beta)/se)
			spend := w.Truth.Channels[c].Spend
			t.Logf("seed %2d %-7s ROI true %.2f OLS %.2f ± %.2f", seed, ch.Name, w.Truth.Channels[c].ROI, b*floats.Sum(S[c])/spend, se*floats.Sum(S[c])/spend)
		}
	}
	var out int
	for _, z := range zs {
		if math.Abs(z) > 3 {
			out++
		}
	}
	assert.LessOrEqual(t, out, 1+len(zs)/50, "true β beyond 3 SE of OLS: %d of %d", out, len(zs))
}
