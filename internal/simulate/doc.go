//go:generate go test -run TestGenerateTestdata -update

// Package simulate generates synthetic marketing worlds with known truth.
//
// A world is a weekly panel (revenue, spend on six channels, price and
// promo controls), a set of geo lift tests and a daily, campaign-level MTA
// export, all drawn from one data-generating process whose every parameter
// is kept. The truth (each channel's contribution, ROI, marginal ROI and
// incrementality factor, each test's true lift) is computed here by an
// implementation that is independent of package mmm on purpose: it is the
// oracle the model, the calibration, the reconciliation and the budget
// optimiser are measured against.
//
// The process, per channel c and week t:
//
//	a_ct = Σ_{l=0..L} w_l x̃_c,t−l                 adstock, weights normalised to sum 1
//	S_ct = a_ct^s / (a_ct^s + K^s)                  Hill saturation
//	contribution_ct = β_c S_ct
//
// where x̃_c = x_c / (mean spend over the weeks with spend > 0), spend before
// the first week is zero, w_l = α^l (geometric) or α^((l−θ)²) (delayed), and
// β_c is chosen so that the channel's true ROI over the panel is the drawn
// value. Revenue is
//
//	y_t = baseline_t + Σ_j γ_j z_jt + Σ_c contribution_ct + ε_t
//
// with baseline_t = level · (1 + trend + yearly seasonality) and ε Normal.
// A lift test on channel c over weeks [i, j] measured to week m ≥ j, in a
// scope of share s, has true lift s · Σ_{t=i..m} [C(x)_t − C(x − Δx)_t],
// Δx_t = x_t inside [i, j] (a full holdout; a heavy-up adds r·x_t instead).
//
// Generation is deterministic for a seed: each component draws from its own
// PCG stream, so a world does not change when an unrelated option does.
//
// Imports of triad packages: civil, internal/atomicfile, internal/tabular, stat.
package simulate
