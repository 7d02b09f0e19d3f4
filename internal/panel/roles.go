package panel

import (
	"errors"
	"fmt"

	"github.com/triad-mmm/triad/internal/tabular"
)

// checkRoles refuses a spec that gives one column two roles in the model,
// which makes it unidentifiable whatever the data: the KPI as a control or
// as spend, a media column (spend or impressions) also used as a control,
// one spend column for two channels, a control listed twice. Each problem
// is a *tabular.CellError naming source and the column.
func (s Spec) checkRoles(source string) error {
	var errs []error
	bad := func(col, format string, args ...any) {
		errs = append(errs, &tabular.CellError{File: source, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	media := map[string]string{} // column → what it is
	for _, c := range s.Channels {
		switch prev, ok := media[c.Spend]; {
		case c.Spend == s.KPI:
			bad(c.Spend, "is the KPI (model.kpi) and the spend of channel %s: a channel cannot be its own outcome", c.Name)
		case ok:
			bad(c.Spend, "is the spend column of %s and of channel %s: their effects cannot be separated; give each channel its own spend column", prev, c.Name)
		default:
			media[c.Spend] = "channel " + c.Name
		}
		if c.Impressions != "" {
			if _, ok := media[c.Impressions]; !ok {
				media[c.Impressions] = "the impressions of channel " + c.Name
			}
		}
	}
	seen := map[string]bool{}
	for _, ctl := range s.Controls {
		switch what, isMedia := media[ctl]; {
		case ctl == s.KPI:
			bad(ctl, "is the KPI (model.kpi) and also a control (model.controls): the model would explain the KPI by itself; remove it from model.controls")
		case isMedia:
			bad(ctl, "is %s and also a control (model.controls): its effect would be counted twice and split arbitrarily; remove it from model.controls", what)
		case seen[ctl]:
			bad(ctl, "is listed twice in model.controls")
		}
		seen[ctl] = true
	}
	if pop := s.Population; pop != "" {
		what, isMedia := media[pop]
		switch {
		case pop == s.KPI:
			bad(pop, "is the KPI (model.kpi) and the population (model.population): the model would explain the KPI by itself")
		case isMedia:
			bad(pop, "is %s and the population (model.population)", what)
		case seen[pop]:
			bad(pop, "is the population (model.population) and a control (model.controls): scale by it or control for it, not both")
		}
	}
	return errors.Join(errs...)
}
