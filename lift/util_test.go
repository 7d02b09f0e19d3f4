package lift

import "strconv"

func strconvFormat(v float64) string { return strconv.FormatFloat(v, 'f', 10, 64) }
