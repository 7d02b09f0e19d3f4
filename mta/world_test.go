package mta

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/testworld"
)

var _ Calendar = (*panel.Panel)(nil)

// TestWorldMTA aggregates the simulated world's MTA export and compares it
// with the simulator's own totals in truth.json.
func TestWorldMTA(t *testing.T) {
	w := testworld.Load(t)
	chans := w.ChannelNames()
	p := w.Panel(t)
	var truth struct {
		Total    float64 `json:"mta_attributed_total"`
		Channels []struct {
			Name          string   `json:"name"`
			MTAAttributed *float64 `json:"mta_attributed"`
		} `json:"channels"`
		Unmapped []struct {
			Name       string  `json:"mta_channel"`
			Rows       int     `json:"rows"`
			Attributed float64 `json:"attributed"`
		} `json:"unmapped_mta"`
	}
	raw, err := os.ReadFile(w.Path("truth.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &truth))

	m, err := NewMapping([]MapEntry{{MTA: "Paid Search", Channel: "search"}, {MTA: "Facebook Ads", Channel: "social"},
		{MTA: "Programmatic", Channel: "display"}}, chans)
	require.NoError(t, err)
	mtaSpec := Spec{Value: w.MTAValue}
	for _, file := range []string{"mta.csv", "../parquet/mta.parquet"} {
		t.Run(file, func(t *testing.T) {
			agg, warns, err := AggregateFile(w.Path(file), mtaSpec, m, p)
			require.NoError(t, err)
			assert.InEpsilon(t, truth.Total, agg.Total, 1e-9)
			for c, ch := range truth.Channels {
				if ch.MTAAttributed == nil {
					assert.False(t, agg.Seen(c), ch.Name)
					continue
				}
				assert.InEpsilon(t, *ch.MTAAttributed, agg.ChannelTotal(c), 1e-9, ch.Name)
			}
			require.Len(t, agg.Unmapped, len(truth.Unmapped))
			for k, u := range truth.Unmapped {
				assert.Equal(t, u.Name, agg.Unmapped[k].Name)
				assert.Equal(t, u.Rows, agg.Unmapped[k].Rows)
				assert.InEpsilon(t, u.Attributed, agg.Unmapped[k].Attributed, 1e-9)
			}
			assert.Zero(t, agg.OutsideRows)
			assert.Len(t, warns, 1)
		})
	}
}
