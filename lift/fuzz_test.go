package lift

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseLift feeds arbitrary CSV bytes through the real reader and every
// parser: it must never panic, and what it accepts must be usable.
func FuzzParseLift(f *testing.F) {
	seeds := []string{
		"test_id,channel,start_date,end_date,spend,incremental_kpi,se\na,tv,2024-01-01,2024-01-28,1000,3000,500\n",
		"test_id,channel,start_date,end_date,spend,iroas,ci_lower,ci_upper,confidence,ci_sided\na,tv,2024-01-01,2024-01-28,1000,3,1,,90,lower\n",
		"test_id,channel,start_date,end_date,spend,incremental_kpi,p_value,scope_share,test_type,cooldown_end,include\na,tv,2024-01-01,2024-01-28,1000,3000,0.04,0.3,heavy_up,2024-02-28,false\n",
		"channel,liftStartDate,liftEndDate,liftAbs,spend,confidence,metric,calibration_scope\nfb,2018-05-01,2018-06-10,400000,421000,0.85,revenue,total\n",
		"channel,x,delta_x,delta_y,sigma\nx1,100,-100,-250,30\n",
		"channel,start_date,end_date,incremental,lower,upper,spend\ntv,2024-01-01,2024-01-28,5000,1000,9000,2000\n",
		"test_id,channel,start_date,end_date,spend,incremental_kpi,se\na,tv,2024-01-28,2024-01-01,NaN,1e309,-0\n",
		"\xef\xbb\xbftest_id,channel\r\n\"a\nb\",tv\r\n",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Skip(err)
		}
		format := Format(int(which) % 4)
		opts := ParseOptions{PanelStart: day("2024-01-01"), PanelEnd: day("2024-12-29"), RelativeSE: 0.2}
		tests, _, err := Read(path, format, opts)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, x := range tests {
			if seen[x.ID] {
				t.Fatalf("duplicate id %q accepted", x.ID)
			}
			seen[x.ID] = true
			if !(x.SE > 0) || math.IsInf(x.SE, 0) || !(x.Spend > 0) || math.IsInf(x.Spend, 0) ||
				math.IsNaN(x.Incremental) || math.IsInf(x.Incremental, 0) {
				t.Fatalf("accepted unusable test %+v", x)
			}
			if x.End < x.Start || x.MeasureEnd() < x.End || !(x.ScopeShare > 0 && x.ScopeShare <= 1) {
				t.Fatalf("accepted inconsistent test %+v", x)
			}
			if x.Channel == "" || x.ID == "" || x.Row < 1 {
				t.Fatalf("accepted test without identity %+v", x)
			}
		}
	})
}
