package simulate_test

import (
	"fmt"

	"github.com/triad-mmm/triad/internal/simulate"
)

func ExampleGenerate() {
	w, err := simulate.Generate(simulate.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Weeks(), "weeks from", w.Dates[0])
	for _, c := range w.Truth.Channels {
		line := fmt.Sprintf("%-7s %-7s ROI %.2f", c.Name, c.Type, c.ROI)
		if c.IncrementalityFactor != nil {
			line += fmt.Sprintf("  MTA over-credit: true IF %.2f", *c.IncrementalityFactor)
		}
		fmt.Println(line)
	}
	for k, t := range w.Truth.Tests {
		fmt.Printf("%s %-7s %-8s from %s true iROAS %.2f\n", t.ID, t.Channel, t.Type, w.LiftTests[k].Start, t.IROAS)
	}
	// Output:
	// 156 weeks from 2022-01-03
	// tv      offline ROI 1.94
	// ooh     offline ROI 1.29
	// print   offline ROI 0.56
	// search  online  ROI 4.52  MTA over-credit: true IF 0.58
	// social  online  ROI 2.15  MTA over-credit: true IF 0.63
	// display online  ROI 2.22  MTA over-credit: true IF 0.59
	// LT01 tv      holdout  from 2024-05-27 true iROAS 0.82
	// LT02 print   holdout  from 2024-01-22 true iROAS 0.53
	// LT03 search  holdout  from 2024-01-01 true iROAS 4.39
	// LT04 display heavy_up from 2024-09-02 true iROAS 0.61
	// LT05 ooh     holdout  from 2022-04-18 true iROAS 1.72
}

// A budget optimiser's plan is scored under the true response curves: here,
// moving 10% of display's budget to search.
func ExampleWorld_TrueContributionAt() {
	w, _ := simulate.Generate(simulate.Options{Seed: 1})
	search, display := w.Channel("search"), w.Channel("display")
	s, d := w.Truth.Channels[search].Spend, w.Truth.Channels[display].Spend
	before := w.TrueContributionAt(search, s) + w.TrueContributionAt(display, d)
	after := w.TrueContributionAt(search, s+0.1*d) + w.TrueContributionAt(display, 0.9*d)
	fmt.Printf("gain %.0f%% of the moved spend\n", 100*(after-before)/(0.1*d))
	// Output:
	// gain 286% of the moved spend
}
