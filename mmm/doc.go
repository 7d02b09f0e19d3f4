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
// A reach and frequency channel (Data.Frequency, Meridian's R&F media)
// uses the same two components in another order (reach_frequency.go): its
// saturation is a curve in frequency applied before the adstock,
// x_t = reach_t·S(f_t), and its effect is β·Adstock(x), linear in reach;
// Posterior.OptimalFrequency finds the frequency that maximises its ROI
// with spend and impressions held (optimal_frequency.go).
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
// A channel whose spec states no ROI prior takes the default of
// Spec.MediaPrior (mediaprior.go): ShareMediaPrior, centred on
// DefaultMediaShare of the KPI per unit of total spend and so the same in
// any units, or Meridian's ROIMediaPrior on ROI as stated. PriorMediaShare
// says what the ROI priors imply before the data; PriorContraction,
// ROISensitivity and FreeFit (priorcheck.go, sensitivity.go) say what the
// data did to them: posterior against prior, Laplace refits under wider and
// shifted priors, and the fit the design reaches with flat ROI priors.
//
// Lift tests enter as likelihood terms on the lift the model predicts for
// each test (LiftObs), carryover- and saturation-aware. Fit runs NUTS or a
// Laplace approximation and returns a Posterior, whose summaries (ROI,
// marginal ROI, contribution, decomposition, response curves, forecasts,
// predicted lifts) are in original KPI units.
//
// # Geo model
//
// GeoModel (geo_*.go) fits a geo panel jointly. For geo g and period t,
// per capita and scaled by the national KPI per capita ȳ,
//
//	y_gt/(pop_g·ȳ) = μ_t + τ_g + Σ_j γ_j z_gjt + Σ_c β_gc · sat_c(adstock_c(x_gct/pop_g))_t + ε_gt
//
// with μ_t = level + trend + seasonality + δ_t shared by every geo, τ_g geo
// intercepts, controls national or by geo (standardised over all
// geo-periods), and β_gc = b_c·exp(η_c·z_gc), z_gc ~ N(0, 1) non-centred.
// Adstock and saturation shapes are shared per channel (spend is per
// capita, scaled by the channel's mean per-capita spend). ROI_c stays the
// parameter: b_c = ROI_c·spend_c / (ȳ·Σ_g pop_g·e^{η_c z_gc}·Σ_t S_gct)
// (Meridian's solve), so a channel's national contribution is exactly
// ROI_c times its spend and ROI priors and lift tests mean what they mean
// nationally. Noise is per geo, σ_g = σ·(pop_g/mean pop)^(−ρ) with
// ρ ~ N(0.5, 0.25): small geos are noisier per capita, with the exponent
// learnt (0.5 for counts, 0 if noise does not shrink with size); Student-t
// is optional.
//
// Shared shocks: δ_t is one free deviation per fitted period with a fixed
// Normal(0, 0.05) prior (5% of the mean KPI per capita). With many geos a
// common shock is identified by all of them at once (its SE is about
// σ/sqrt(G)), so it costs the media little, while a national model has to
// leave it in the noise or, worse, credit it to whatever spent that week.
// We chose per-period deviations over knots because shocks (a moved
// holiday, a competitor's launch, weather) are short, and a fixed scale
// over a learnt one because with no shocks in the data a learnt scale
// collapses towards 0 and makes a funnel with the deviations. The price:
// a channel whose flighting is identical in every geo (same weeks, same
// per-capita spend) is separated from δ_t only by the prior; geo-varying
// flighting, the usual case with geo tests, identifies it.
//
// η_c has a LogNormal(log 0.2, 0.5) prior rather than a half-normal: its
// left tail keeps the sampler out of the neck of the funnel that η_c and
// the z_gc make (with a half-normal, R-hat of η stayed near 1.08 on small
// worlds). Geo lift tests (GeoLiftObs) predict the counterfactual on
// exactly their treated geos, over the measurement window, with the
// national term's carryover and saturation semantics.
//
// GeoData.Units drives a channel by its units per capita; a channel with
// units and no spend is organic, parameterised by its share of the KPI
// (b_c = share_c·ΣKPI/(ȳ·Σ_g pop_g·e_gc·Σ_t S_gct)) and pooled across geos
// like a paid channel (geo_units.go). GeoData.Carry holds each geo's drive
// before a fit window, which feeds its carryover wherever its series is
// convolved (geo_carry.go).
//
// Imports of triad packages: civil, internal/vmath, sampler, stat.
package mmm
