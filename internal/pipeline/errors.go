package pipeline

import (
	"errors"
	"fmt"
)

// InputError marks a problem with the user's data or configuration, as
// opposed to a failure of triad itself. The CLI exits with code 2 on it.
type InputError struct {
	Err error
}

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, args ...any) error {
	return &InputError{Err: fmt.Errorf(format, args...)}
}

// IsInputError reports whether err stems from bad input.
func IsInputError(err error) bool {
	var e *InputError
	return errors.As(err, &e)
}
