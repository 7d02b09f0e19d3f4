package tabular_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

func Example() {
	dir, err := os.MkdirTemp("", "tabular")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	t := tabular.NewTable("", 3)
	start := civil.New(2024, 1, 1)
	t.SetDates("date", []civil.Date{start, start.AddDays(7), start.AddDays(14)}, nil)
	t.SetFloats("spend_tv", []float64{100, -5, 0}, []bool{true, true, false})
	path := filepath.Join(dir, "panel.parquet")
	if err := tabular.Write(path, t); err != nil {
		log.Fatal(err)
	}

	got, err := tabular.Read(path, []tabular.Column{
		{Name: "spend_tv", Kind: tabular.Float},
		{Name: "impressions_tv", Kind: tabular.Float, Optional: true},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Names(), got.Len())
	for i, v := range got.Floats("spend_tv") {
		switch {
		case !got.Valid("spend_tv", i):
			fmt.Println(got.Errorf(i, "spend_tv", "missing spend"))
		case v < 0:
			fmt.Println(got.Errorf(i, "spend_tv", "negative spend %v", v))
		}
	}

	_, err = tabular.Read(path, []tabular.Column{{Name: "kpi", Kind: tabular.Float}})
	fmt.Println(err)
	// Output:
	// [spend_tv] 3
	// panel.parquet: row 2, column spend_tv: negative spend -5
	// panel.parquet: row 3, column spend_tv: missing spend
	// panel.parquet: column kpi: not found; have: date, spend_tv
}
