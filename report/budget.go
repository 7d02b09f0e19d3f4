package report

// Budget is the optimiser's recommended allocation.
type Budget struct {
	Total     float64         `json:"total"`
	Objective string          `json:"objective"` // mean | quantile(0.1) | target_roi
	Channels  []BudgetChannel `json:"channels"`
	// ExpectedGain is the posterior of the KPI at the recommended minus at
	// the current allocation.
	ExpectedGain   Interval `json:"expected_gain"`
	CurrentKPI     Interval `json:"current_kpi"`     // media contribution now
	RecommendedKPI Interval `json:"recommended_kpi"` // media contribution after
	// TargetROI is the answer of the target-ROI mode when one was asked for.
	TargetROI *TargetROI `json:"target_roi"`
}

// TargetROI is the largest budget whose marginal ROI stays at or above a
// target, and its allocation.
type TargetROI struct {
	Target   float64         `json:"target"`
	Total    float64         `json:"total"`
	Channels []BudgetChannel `json:"channels"`
	// ExpectedGain is the KPI at this allocation minus at the current one.
	ExpectedGain Interval `json:"expected_gain"`
}

// BudgetChannel is one channel's current and recommended spend.
type BudgetChannel struct {
	Name        string  `json:"name"`
	Current     float64 `json:"current"`
	Recommended float64 `json:"recommended"`
	Min         float64 `json:"min"`
	Max         float64 `json:"max"`
	Locked      bool    `json:"locked,omitempty"`
	// PriorDriven marks a channel whose ROI is the prior's say-so (see
	// PriorSensitivity): the plan keeps its spend.
	PriorDriven     bool     `json:"prior_driven,omitempty"`
	MROICurrent     Interval `json:"mroi_current"`
	MROIRecommended Interval `json:"mroi_recommended"`
}
