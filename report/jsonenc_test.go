package report

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/civil"
)

type encInner struct {
	A float64 `json:"a"`
	B []int   `json:"b"`
}

type encSample struct {
	Name    string            `json:"name"`
	Esc     string            `json:"esc"`
	N       int               `json:"n"`
	U       uint8             `json:"u"`
	F       float32           `json:"f"`
	OK      bool              `json:"ok"`
	Date    civil.Date        `json:"date"`
	Inner   encInner          `json:"inner"`
	Ptr     *encInner         `json:"ptr"`
	NilPtr  *encInner         `json:"nil_ptr"`
	List    []encInner        `json:"list"`
	Arr     [2]float64        `json:"arr"`
	Map     map[string]int    `json:"map"`
	Omit    string            `json:"omit,omitempty"`
	Skip    string            `json:"-"`
	NoTag   int               //nolint
	Any     any               `json:"any"`
	IV      Interval          `json:"iv"`
	MapList map[string][]bool `json:"map_list"`
	hidden  int
}

// On values without NaN or nil slices the encoder must write exactly what
// encoding/json writes.
func TestEncodeJSONMatchesEncodingJSON(t *testing.T) {
	v := encSample{
		Name: "tv", Esc: "<a href=\"x\">&'\u2028", N: -3, U: 7, F: 0.1, OK: true, Date: civil.New(2024, 2, 29),
		Inner: encInner{1.5, []int{1, 2}}, Ptr: &encInner{2, []int{}}, List: []encInner{{3, []int{4}}},
		Arr: [2]float64{1e-9, 2e22}, Map: map[string]int{"z": 1, "a": 2, "m": 3}, Skip: "x", NoTag: 4,
		Any: map[string]any{"k": []any{1.0, "s"}}, IV: Interval{1, 0.5, 2}, MapList: map[string][]bool{"b": {true}},
		hidden: 1,
	}
	want, err := json.Marshal(v)
	require.NoError(t, err)
	got, err := encodeJSON(nil, v)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	_ = v.hidden
}

func TestEncodeJSONSanitises(t *testing.T) {
	v := struct {
		A float64   `json:"a"`
		B []float64 `json:"b"`
		C []string  `json:"c"`
		D *float64  `json:"d"`
		E float64   `json:"e,omitempty"`
		M map[string]float64
	}{A: math.NaN(), B: []float64{1, math.Inf(1), math.Inf(-1)}, E: math.NaN(), M: map[string]float64{"x": math.NaN()}}
	got, err := encodeJSON(nil, v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":null,"b":[1,null,null],"c":[],"d":null,"M":{"x":null}}`, string(got))

	_, err = encodeJSON(nil, map[int]int{1: 1})
	assert.Error(t, err)
	_, err = encodeJSON(nil, struct{ C chan int }{})
	assert.Error(t, err)
}
