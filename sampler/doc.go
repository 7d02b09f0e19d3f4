// Package sampler draws from an unnormalised log density on R^d.
//
// It knows nothing of marketing: a model hands it a Target (log density and
// gradient on unconstrained coordinates) and gets back draws plus the
// convergence diagnostics needed to decide whether to trust them.
//
// NUTS is the No-U-Turn sampler as implemented in Stan: multinomial sampling
// along the trajectory, the generalised U-turn criterion including the checks
// across merged subtrees, dual-averaging step size adaptation and windowed
// adaptation of a diagonal inverse metric, or with Config.DenseMetric a dense
// one (the window's covariance shrunk towards its diagonal). Chains run in
// parallel goroutines; each chain owns its Target and its random stream, so
// results depend only on the seed, never on the number of workers.
//
// Laplace is the fast path for batch runs: posterior mode by L-BFGS, Hessian
// by differencing the analytic gradient, iid Gaussian draws.
//
// RHat, ESSBulk and ESSTail follow Vehtari, Gelman, Simpson, Carpenter and
// Bürkner (2021), "Rank-normalization, folding, and localization: an improved
// R-hat for assessing convergence of MCMC", matching the posterior R package.
//
// Imports of triad packages: stat.
package sampler
