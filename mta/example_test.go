package mta_test

import (
	"fmt"

	"github.com/triad-mmm/triad/internal/civil"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mta"
)

// weeks is a weekly panel calendar starting on start.
type weeks struct {
	start civil.Date
	n     int
}

func (w weeks) Index(d civil.Date) (int, bool) {
	t := int(d-w.start) / 7
	return t, d >= w.start && t < w.n
}

func (w weeks) End() civil.Date { return w.start.AddDays(7*w.n - 1) }

// Daily MTA rows roll up into the panel's weeks, which here start on a
// Wednesday; an unmapped platform is reported, not dropped.
func ExampleAggregator() {
	m, err := mta.NewMapping([]mta.MapEntry{{MTA: "Paid Search", Channel: "search"}}, []string{"search", "tv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	wed, _ := civil.Parse("2024-01-03")
	t := tabular.NewTable("mta.csv", 5)
	t.SetDates("date", []civil.Date{wed, wed + 6, wed + 7, wed + 8, wed + 1}, nil)
	t.SetStrings("channel", []string{"Paid Search", "paid search", "search", "Paid Search", "Email"}, nil)
	t.SetFloats("attributed_kpi", []float64{10, 5, 20, 1, 7}, nil)

	a := mta.NewAggregator(mta.Spec{}, m, weeks{start: wed, n: 2})
	if err := a.Add(t); err != nil {
		fmt.Println(err)
		return
	}
	agg, warns := a.Result()
	fmt.Println("search by week:", agg.Attributed[0])
	fmt.Println("tv seen:", agg.Seen(1))
	fmt.Println(warns[0])
	// Output:
	// search by week: [15 21]
	// tv seen: false
	// mta.csv: 1 channel not mapped to a model channel (add to mta.channel_map): "Email" (1 rows, attributed 7)
}
