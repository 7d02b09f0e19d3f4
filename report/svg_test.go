package report

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSVGPrimitives(t *testing.T) {
	nan := math.NaN()
	s := newSVG(100, 50, `a<b>&"c"`)
	s.polyline([]float64{0, 1, 2, 3, 4, 5}, []float64{1, 2, nan, 3, 4, 5}, `fill="none"`, "")
	s.band([]float64{0, 1, 2, 3}, []float64{0, 0, 0, 0}, []float64{1, 1, nan, 1}, "", "")
	s.polygon([]float64{0, 1, nan}, []float64{0, 1, 2}, "", "")
	s.rect(10, 10, -5, -5, "", "tip <x>")
	s.text(1, 2, "<script>", "end", "")
	out := s.String()
	require.NoError(t, wellFormed(out))
	assert.Equal(t, 2, strings.Count(out, "<polyline"), "a NaN splits the line in two")
	assert.Equal(t, 1, strings.Count(out, "<polygon"), "the band keeps its two-point piece; one-point pieces and NaN polygons are dropped")
	assert.Contains(t, out, `<rect x="5.0" y="5.0" width="5.0" height="5.0"><title>tip &lt;x&gt;</title></rect>`)
	assert.Contains(t, out, `text-anchor="end">&lt;script&gt;</text>`)
	assert.Contains(t, out, `aria-label="a&lt;b&gt;&amp;&#34;c&#34;"`)
	assert.NotContains(t, out, "NaN")

	assert.Equal(t, "#4e79a7", color("#4e79a7"))
	assert.Equal(t, "#888888", color(`"><script>`), "only palette colours reach an attribute")
}

func TestLinearScale(t *testing.T) {
	l := linear{0, 10, 100, 200}
	assert.Equal(t, 150.0, l.at(5))
	assert.Equal(t, 10.0, l.clampTo(99))
	assert.Equal(t, 150.0, linear{3, 3, 100, 200}.at(3), "a degenerate domain maps to the middle")
}
