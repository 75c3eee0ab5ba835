package bad

import (
	"fmt"

	"github.com/pmpath/pmpath/internal/errs"
)

func direct() error { return errs.E(errs.Invalid, "direct %d", 1) }

func built(x string) error { return errs.E(errs.Invalid, fmt.Sprintf("built %s", x)) }

func forward(path, format string, args ...any) errs.FieldError {
	return errs.Field(path, format, args...)
}

func forwardAgain(format string) errs.FieldError { return forward("$.b", format) }

func useForward() []errs.FieldError {
	return []errs.FieldError{forward("$.a", "forwarded %s", "x"), forwardAgain("twice forwarded")}
}

func closure() {
	add := func(format string) { _ = errs.Wrap(errs.Conflict, nil, format) }
	add("from closure")
}

func kind(k int) errs.Term {
	if k == 0 {
		return "term zero"
	}
	return kindOther()
}

func kindOther() errs.Term { return "term other" }

func termParam(t errs.Term) {}

func useTermParam() { termParam("passed term") }

var lit = &errs.Error{Kind: errs.Invalid, Msg: "literal msg"}

var fe = errs.FieldError{Path: "$", Message: "literal message"}

type T struct{}

func (T) method(format string) error { return errs.E(errs.Invalid, format) }

func variable() error {
	m := "x"
	return errs.Fields(m)
}
