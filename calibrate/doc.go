// Package calibrate connects lift tests to the MMM and reconciles the MMM,
// the experiments and MTA (design.md §3 and §4).
//
// # Counterfactual mode (default)
//
// Observation turns a test into a likelihood term of the model, the lift the
// model predicts for exactly that test. The treatment window [start, end]
// (days included) maps to periods with day shares f_t, so partial periods
// count pro rata, and the model moves the share
//
//	Moved_t = r·f_t,  r = spend / (scope_share · Σ_t f_t·x_t)
//
// of channel spend x_t in period t (r = 1 for a full holdout of the scope;
// r = spend / base_spend when the test states its base spend). A holdout
// cannot withhold more than was spent, so r > 1 is clamped to 1 (a warning
// beyond 10%). The measurement window [start, cooldown_end or end] gives the
// weights Measure_t, again day shares. The model then predicts
// scope_share · Σ_t Measure_t · [contribution(x) − contribution(x − Δx)]_t
// with adstock over the modified series, so carryover from earlier spend is
// kept and effects after the measurement window are missed, as in the test.
// Heavy-ups add spend instead; conversion-lift tests are holdouts.
//
// # roi_prior mode (Meridian-style)
//
// ROIPriors turns each included test k into a LogNormal prior on its
// channel's ROI:
//
//	est_k   = max(incremental_k, se_k/2)
//	p_k     = Σ_t g_t Σ_l w_l f_{t−l} / Σ_t f_t
//	ROI_k   = est_k / (spend_k · p_k)
//	σ0_k    = sqrt(log(1 + (se_k/est_k)²))
//	σ_k     = σ0_k · (1 + |m_k|) · sqrt(max(1, L_eff/n_k)) · 2^(age_k/half_life) · h_k
//	μ_k     = log ROI_k − σ0_k²/2
//
// p_k is the share of the adstock effect of the test's spend that falls
// inside its measurement window under the prior-mean lag weights w (f the
// treatment day shares, g the measurement weights); for constant spend over
// n whole periods measured over m ≥ n periods p = (1/n) Σ_{i<n} Σ_{l ≤
// min(L, m−1−i)} w_l. Dividing by p turns the short-term iROAS the test saw
// into the full ROI the model's parameter means.
//
// σ0 and μ moment-match the measurement: the LogNormal(μ, σ0) has mean
// ROI_k and SD se_k/(spend_k·p_k). The inflation factors widen it around the
// same median: m_k = spend_k / (scope_share_k · panel spend in the window) − 1
// is the spend mismatch (0 for heavy-ups, whose spend is extra spend; 1 when
// the panel has no spend there); L_eff = CarryoverPeriods(w), the periods
// holding 90% of the adstock weight, against the test's n_k treatment
// periods, because a test shorter than the carryover leans on the prior
// adstock through p; age_k = panel end − test end in weeks, half_life 52
// weeks by default, so a test one half-life old counts as a quarter of the
// evidence.
//
// A test measuring less than half its SE (zero or negative) cannot set a
// LogNormal median from its estimate; est = se/2 gives σ0 = sqrt(log 5) ≈
// 1.27, a prior on a small ROI with a wide spread, which pulls the channel
// down without claiming precision the test does not have. Such tests are
// also flagged by the lift checks.
//
// Several tests on one channel combine by precision on the log scale
// (CombineLogNormal): 1/σ² = Σ 1/σ_k², μ = σ² Σ μ_k/σ_k², and with
// PriorOptions.Base (as the pipeline runs it) the channel's own ROI prior
// without tests is one more term of the sum: a test adds information and
// never loosens the prior, however much its inflation widened it. The iROAS of a holdout is an
// average return over the scope's spend, which is what the model's ROI
// means; a heavy-up measures the return of extra spend, below the average on
// a concave curve, so its prior leans low and its spread is doubled (h_k = 2
// for heavy-ups, 1 otherwise). Counterfactual mode has no such bias: it uses
// the saturation curve at the test's own spend.
//
// p_k depends on the lag weights it is given. Under the prior mean they can
// be far from a channel's real carryover (a TV channel peaking two weeks
// after spend loses half its effect from a four-week test, where a short
// geometric prior says 10%). The caller may pass the MMM-alone fit's
// posterior-mean weights instead; on simulated worlds that made no
// difference on average, and counterfactual mode, which uses the adstock
// being fitted, was clearly better than either.
//
// # Reconciliation
//
// Reconcile works on plain inputs: per-draw, per-period channel
// contributions of the MMM alone and of the calibrated MMM, MTA's attributed
// KPI per period, and each test's predicted lift per draw. Per channel,
// over the period and per calendar quarter ("2024Q1", by period start date),
// it gives contribution and ROI intervals, MTA attributed and ROAS, and the
// incrementality factor IF = calibrated contribution / MTA attributed per
// draw (nil, never NaN, where MTA sees nothing). Per test: the measured
// iROAS ± z·SE/spend, the iROAS each fit predicts, z = (measured − mean
// predicted by the MMM alone) / sqrt(SE² + SD²_predicted), flagged at |z| > 2,
// and the test's IF = measured incremental / MTA attributed to the moved
// spend (IFBase). Flags per channel: experiment_disagrees, mta_overclaims
// (IF < 0.5), mta_underclaims (IF > 2), untested, stale_test (newest test
// older than the half-life) and poor_convergence (R-hat > 1.05 or ESS < 100).
// A Flag carries its code (FlagCode) and the figures behind it, and a
// Suggestion the flag that boosted its score: the words are the report's.
//
// # Test next
//
// Channels are ranked by spend × posterior SD of ROI (final fit), ×2 without
// a test, ×1.5 with only stale tests. For each, DesignTest picks the
// cheapest geo holdout (smallest h·weeks over h ∈ {0.1, 0.2, 0.3, 0.5} and
// 2..12 weeks) whose ROI standard error reaches the target max(½ · posterior
// ROI SD, 20% of the ROI). With n treatment periods, a cooldown of L_eff−1
// periods (m = n + L_eff − 1 measured), mean spend x̄ per period while on
// (last 52 weeks) and residual SD σ per period:
//
//	expected lift = p · h · n · x̄ · ROI
//	SE(lift)      = σ · sqrt(m · h / (1 − h))
//	SE(ROI)       = SE(lift) / (p · h · n · x̄)
//
// The lift SE assumes the treated scope's KPI has noise variance h·σ² per
// period and its counterfactual is the control group (1 − h) scaled by
// h/(1 − h), whose variance is h²σ²/(1 − h); the sum is σ²·h/(1 − h), i.e.
// se ≈ σ·sqrt(m)·sqrt(h)·k with k = 1/sqrt(1 − h) for the comparison group.
// It is a planning figure: a matched or synthetic control with correlated
// geos does better, idiosyncratic geo noise worse.
//
// Imports of triad packages: civil, lift, mmm, stat.
package calibrate
