// Package mmm is triad's Bayesian marketing mix model.
//
// For period t the model is
//
//	y_t = intercept + trend_t + seasonality_t + Σ_j γ_j z_jt + Σ_c β_c · sat_c(adstock_c(x_c))_t + ε_t
//
// on scaled data: the KPI is divided by its mean ȳ over the fitted periods,
// spend by the channel's mean over fitted periods with spend, and controls
// are standardised; trend and Fourier columns are centred on the fitted
// periods, so the intercept is the mean baseline. Media effects are
// parameterised by ROI, as in Meridian: β_c follows from ROI_c so that the
// channel's contribution over the fitted periods is exactly ROI_c times its
// spend, which makes an ROI prior direct and separates the size of the
// effect from the shape of the curves.
//
// Each channel's transform is two components, an Adstock (GeometricAdstock,
// DelayedAdstock, WeibullAdstock) and a Saturation (HillSaturation,
// LogisticSaturation): value types that carry their parameters, priors,
// unconstrained coordinates and analytic derivatives (component.go). The
// model lays out their coordinates per channel and loops over them; the
// ROI, from which β follows, stays the model's. A new kind is one file
// (adstock_<kind>.go or saturation_<kind>.go) that defines and registers it,
// plus its test, which calls checkAdstock or checkSaturation.
//
// A Model is a log density with an analytic gradient on unconstrained
// coordinates, which the generic sampler package samples. The
// coordinates are chosen for the sampler's sake, with unit or constant
// Jacobians so that the posterior is the one the priors state:
//   - coordinate 0 is the mean level of the fit, not the intercept, because
//     the data pin the level while baseline and media trade along it;
//   - Hill curves use (c, log slope) with log K = −c·slope^(−1/2), between
//     the curved ridge of (log K, log slope) and the funnel of the logit of
//     saturation at the mean spend;
//   - Fit samples z with x = mode + L·z, L the Cholesky factor of the
//     inverse Hessian at the posterior mode: a dense metric by
//     reparameterisation, which the sampler's diagonal adaptation refines.
//
// Lift tests enter as likelihood terms on the lift the model predicts for
// each test (LiftObs), carryover- and saturation-aware. Fit runs NUTS or a
// Laplace approximation and returns a Posterior, whose summaries (ROI,
// marginal ROI, contribution, decomposition, response curves, forecasts,
// predicted lifts) are in original KPI units.
package mmm
