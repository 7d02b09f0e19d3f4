package panel

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
)

func ExamplePanel_Summary() {
	p := &Panel{
		Source:       "panel.csv",
		Calendar:     civil.Calendar{Dates: []civil.Date{civil.New(2024, 1, 1), civil.New(2024, 1, 8), civil.New(2024, 1, 15)}, StepDays: 7},
		KPIName:      "sales",
		KPI:          []float64{1000, 1100, 1234567},
		Channels:     []string{"tv", "search"},
		Spend:        [][]float64{{300, 0, 450}, {250, 250, 0}},
		ControlNames: []string{"price"},
	}
	fmt.Print(p.Summary())
	// Output:
	// panel panel.csv: 2024-01-01 to 2024-01-21, 3 weekly periods
	// KPI sales: total 1,236,667
	// channel  spend   share
	// tv         750   60.0%
	// search     500   40.0%
	// controls: price
}
