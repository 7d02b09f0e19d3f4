package mta_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/civil"
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
func ExampleAggregateFile() {
	dir, err := os.MkdirTemp("", "mta-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "mta.csv")
	csv := "date,channel,attributed_kpi\n" +
		"2024-01-03,Paid Search,10\n" +
		"2024-01-09,paid search,5\n" +
		"2024-01-10,search,20\n" +
		"2024-01-11,Paid Search,1\n" +
		"2024-01-04,Email,7\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		fmt.Println(err)
		return
	}

	m, err := mta.NewMapping([]mta.MapEntry{{MTA: "Paid Search", Channel: "search"}}, []string{"search", "tv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	wed, _ := civil.Parse("2024-01-03")
	agg, warns, err := mta.AggregateFile(path, mta.Spec{}, m, weeks{start: wed, n: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("search by week:", agg.Attributed[0])
	fmt.Println("tv seen:", agg.Seen(1))
	fmt.Println(warns[0])
	// Output:
	// search by week: [15 21]
	// tv seen: false
	// mta.csv: 1 channel not mapped to a model channel (add to mta.channel_map): "Email" (1 rows, attributed 7)
}
