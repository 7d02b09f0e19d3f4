// Package budget reallocates a marketing budget across channels under a
// posterior of response curves.
//
// The model package supplies, per posterior draw, what a channel contributes
// to the KPI at a given period spend (the Response interface); this package
// knows nothing else about the model. Optimize finds the allocation of a
// fixed total that maximises the expected KPI (or, for a risk-averse plan, a
// lower quantile of it over draws) within per-channel bounds, and reports the
// gain over the current allocation and the marginal ROIs before and after,
// each as a posterior interval. MaxBudgetForTargetROI answers the converse
// question: how much can be spent before the marginal return falls below a
// target. Efficiency scores a plan against known true curves (a simulated
// world): the share of the attainable gain it earns.
//
// The mean objective is separable over channels, so it is solved exactly on
// a budget grid by dynamic programming (which copes with S-shaped Hill curves
// whose returns first rise and then fall) and then polished by a
// trust-region Newton method on the Lagrange conditions. Every returned
// allocation meets the total and the bounds exactly, up to rounding.
//
// Imports of triad packages: stat.
package budget
