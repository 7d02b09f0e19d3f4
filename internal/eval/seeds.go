package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSeeds reads a list of world seeds such as "1-10" or "1,3,7-9":
// comma-separated seeds and inclusive ranges, in the order given.
func ParseSeeds(s string) ([]uint64, error) {
	var out []uint64
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			return nil, fmt.Errorf("eval: seeds %q: empty item", s)
		}
		from, to, isRange := strings.Cut(part, "-")
		a, err := strconv.ParseUint(strings.TrimSpace(from), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("eval: seeds %q: %q is not a seed", s, from)
		}
		b := a
		if isRange {
			if b, err = strconv.ParseUint(strings.TrimSpace(to), 10, 64); err != nil {
				return nil, fmt.Errorf("eval: seeds %q: %q is not a seed", s, to)
			}
			if b < a {
				return nil, fmt.Errorf("eval: seeds %q: range %s runs backwards", s, part)
			}
			if b-a >= 10000 {
				return nil, fmt.Errorf("eval: seeds %q: range %s is too long", s, part)
			}
		}
		for x := a; ; x++ {
			out = append(out, x)
			if x == b {
				break
			}
		}
	}
	return out, nil
}
