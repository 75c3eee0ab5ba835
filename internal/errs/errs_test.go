package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestKindOf(t *testing.T) {
	cause := errors.New("driver: connection refused")
	tests := []struct {
		name string
		err  error
		want Kind
	}{
		{"plain error is internal", cause, Internal},
		{"kinded", E(NotFound, "no role %q", "x"), NotFound},
		{"wrapped by fmt", fmt.Errorf("load: %w", E(Conflict, "taken")), Conflict},
		{"wrap keeps kind", Wrap(Unavailable, cause, "database unavailable"), Unavailable},
		{"fields are invalid", Fields("bad", FieldError{Path: "$.a", Message: "required"}), Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KindOf(tt.err); got != tt.want {
				t.Errorf("KindOf() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestErrorStringAndUnwrap(t *testing.T) {
	cause := errors.New("boom")
	e := &Error{Kind: Invalid, Msg: "bad input", Fields: []FieldError{{Path: "$.x", Message: "too big"}}, Err: cause}
	if got, want := e.Error(), "invalid: bad input; $.x: too big: boom"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, cause) {
		t.Error("errors.Is(e, cause) = false")
	}
	if got := Kind(99).String(); got != "kind(99)" {
		t.Errorf("Kind(99).String() = %q", got)
	}
}
