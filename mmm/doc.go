// Package mmm is triad's Bayesian marketing mix model.
//
// For period t the model is
//
//	y_t = intercept + trend_t + seasonality_t + Σ_j γ_j z_jt + Σ_c β_c · sat_c(adstock_c(x_c))_t + ε_t
//
// on scaled data: the KPI is divided by its mean ȳ over the fitted periods,
// spend by the channel's mean over fitted periods with spend, and controls
// are standardised. Media effects are parameterised by ROI, as in Meridian:
// β_c follows from ROI_c so that the channel's contribution over the fitted
// periods is exactly ROI_c times its spend, which makes an ROI prior direct
// and decouples the scale of the effect from the shape of the curves.
//
// A Model is a log density with an analytic gradient on unconstrained
// coordinates (log and logit transforms with their Jacobians), which the
// generic internal/sampler package samples. Lift tests enter as extra
// likelihood terms on the lift the model predicts for each test (LiftObs),
// carryover- and saturation-aware. Fit runs NUTS or a Laplace approximation
// and returns a Posterior, whose summaries (ROI, marginal ROI, contribution,
// decomposition, response curves, forecasts) are all in original KPI units.
package mmm
