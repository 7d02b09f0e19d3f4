package calibrate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCalendarValidate(t *testing.T) {
	cal := weekly()
	cal.Dates[3]++
	assert.ErrorContains(t, cal.validate(), "calibrate: calendar not regular at period 3")
	cal = weekly()
	cal.Spend[1] = cal.Spend[1][:4]
	assert.ErrorContains(t, cal.validate(), `channel "search" has 4 spend periods`)
	assert.ErrorContains(t, Calendar{}.validate(), "empty calendar")
}
