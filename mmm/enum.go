package mmm

import (
	"fmt"
	"strings"
)

// spellings is the one list of names of an enum whose values are 0, 1, …
// in order; the zero value is the default and "" parses as it.
type spellings []string

func (s spellings) name(typ string, i int) string {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	return fmt.Sprintf("%s(%d)", typ, i)
}

func (s spellings) parse(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	for i, n := range s {
		if n == v {
			return i, nil
		}
	}
	return 0, wantOneOf(v, s)
}

// wantOneOf is the error for a name that is none of names: it quotes the
// name and lists the valid ones, so that a caller only adds what was being
// read (config: `model.likelihood "t": want normal or student_t`).
func wantOneOf[S ~string](v string, names []S) error {
	return fmt.Errorf("%q: want %s", v, orList(names))
}

// orList writes names as "a, b or c".
func orList[S ~string](names []S) string {
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(n))
	}
	return b.String()
}
