package stat

// Interval is a posterior mean with a central credible interval [Lo, Hi]
// (for a measurement: the estimate and its confidence interval). The model,
// calibration and budget packages all speak it, so their estimates pass
// between them without conversion.
type Interval struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}
