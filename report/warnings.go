package report

// allWarnings returns the run's warnings followed by each fit's own (the
// sampler's divergences, R̂ and ESS), so that the page's warnings list holds
// everything a reader should know before trusting a number.
func (r *Report) allWarnings() []string {
	out := append([]string(nil), r.Warnings...)
	for _, w := range r.Fit.Warnings {
		out = append(out, "MMM alone: "+w)
	}
	if r.FitCalibrated != nil {
		for _, w := range r.FitCalibrated.Warnings {
			out = append(out, "calibrated MMM: "+w)
		}
	}
	return out
}
