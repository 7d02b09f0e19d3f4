package report_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/triad-mmm/triad/report"
)

func ExampleInterval_Per() {
	// A channel spent 1000 and its contribution's 90% interval is
	// 400–800 orders: its cost per incremental order lies in 1.25–2.5.
	contribution := report.Interval{Mean: 500, Lo: 400, Hi: 800}
	fmt.Printf("%+v\n", contribution.Per(1000))
	// Output: {Mean:2 Lo:1.25 Hi:2.5}
}

func ExampleWriteMarkdown() {
	offline := true
	r := &report.Report{
		KPI: "revenue", KPIType: report.KPIRevenue, Interval: 0.9,
		Channels: []report.Channel{{
			Name: "tv", Offline: &offline, Spend: 1.2e6,
			MMM: report.ChannelEstimates{
				ROI:          report.Interval{Mean: 2.6, Lo: 1.4, Hi: 4.2},
				MROI:         report.Interval{Mean: 1.9, Lo: 0.9, Hi: 3.1},
				Contribution: report.Interval{Mean: 3.12e6, Lo: 1.68e6, Hi: 5.04e6},
			},
			Calibrated: &report.ChannelEstimates{
				ROI:          report.Interval{Mean: 1.4, Lo: 1.15, Hi: 1.68},
				MROI:         report.Interval{Mean: 1.02, Lo: 0.8, Hi: 1.26},
				Contribution: report.Interval{Mean: 1.68e6, Lo: 1.38e6, Hi: 2.02e6},
			},
			Flags: []report.Flag{{Code: report.FlagExperimentDisagrees, Message: "the TV geo test disagrees with the MMM alone"}},
		}},
	}
	var buf bytes.Buffer
	if err := report.WriteMarkdown(&buf, r); err != nil {
		fmt.Println(err)
		return
	}
	// Print the channel table.
	_, rest, _ := strings.Cut(buf.String(), "MTA over-credits the channel.\n\n")
	table, _, _ := strings.Cut(rest, "\n\n")
	fmt.Println(table)
	// Output:
	// | channel | spend | ROI MMM alone | ROI calibrated | mROI calibrated | contribution calibrated | MTA ROAS | IF | flags |
	// |---|---:|---:|---:|---:|---:|---:|---:|---|
	// | tv (offline) | 1.20M | 2.60 (1.40–4.20) | 1.40 (1.15–1.68) | 1.02 (0.800–1.26) | 1.68M (1.38M–2.02M) | – | – | experiment_disagrees |
}
