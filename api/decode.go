package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"

	"github.com/pmpath/pmpath/internal/errs"
)

// writeJSON encodes v without HTML escaping (the API is not HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// decodeJSON reads exactly one JSON value from r into dst. Every failure is
// a kinded error: Malformed for syntax, TooLarge past the body cap, Invalid
// with the field's JSON path for a value of the wrong type.
func decodeJSON(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return errs.E(errs.Malformed, "send the body as JSON with Content-Type: application/json")
		}
	}
	if r.Body == nil {
		return errs.E(errs.Malformed, "the request body is empty")
	}
	return decodeJSONBody(r.Body, dst)
}

func decodeJSONBody(body io.Reader, dst any) error {
	// Keep what the decoder reads, to look for NUL characters once it is
	// known to be valid JSON.
	var read bytes.Buffer
	dec := json.NewDecoder(io.TeeReader(body, &read))
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return decodeError(err)
		}
		return errs.E(errs.Malformed, "the request body must hold a single JSON value")
	}
	if hasEscapedNUL(read.Bytes()) {
		return errs.Fields("the request body holds a NUL character",
			errs.FieldError{Path: "$", Message: "text must not contain \\u0000"})
	}
	return nil
}

// hasEscapedNUL reports whether the valid JSON b holds a NUL character,
// which JSON can only spell \u0000. No field of the API means one, and
// PostgreSQL cannot store it in text: refused here, it is a 422 rather
// than a failed insert. A "u0000" is an escape when an odd number of
// backslashes precede it.
func hasEscapedNUL(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("u0000"))
		if i < 0 {
			return false
		}
		n := 0
		for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 1 {
			return true
		}
		b = b[i+len("u0000"):]
	}
}

func decodeError(err error) error {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
		mbe    *http.MaxBytesError
	)
	switch {
	case errors.As(err, &mbe):
		return errs.E(errs.TooLarge, "the request body is larger than %d bytes", mbe.Limit)
	case errors.Is(err, io.EOF):
		return errs.E(errs.Malformed, "the request body is empty")
	case errors.As(err, &syntax):
		return errs.Wrap(errs.Malformed, err, fmt.Sprintf("the request body is not valid JSON (at byte %d)", syntax.Offset))
	case errors.As(err, &typ):
		path := "$"
		if typ.Field != "" {
			path += "." + typ.Field
		}
		return errs.Fields("the request body has a value of the wrong type",
			errs.FieldError{Path: path, Message: fmt.Sprintf("must be %s, not %s", jsonKind(typ.Type), typ.Value)})
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errs.E(errs.Malformed, "the request body is not valid JSON (it ends too early)")
	}
	return errs.Wrap(errs.Malformed, err, "the request body is not valid JSON")
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return t.String()
}

// validate checks request structs by their validate tags and reports
// failures as field errors with JSON paths.
type validate struct{ v *validator.Validate }

func newValidate() *validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		for _, tag := range []string{"json", "form"} {
			name, _, _ := strings.Cut(f.Tag.Get(tag), ",")
			if name == "-" {
				return ""
			}
			if name != "" {
				return name
			}
		}
		return f.Name
	})
	return &validate{v: v}
}

var validationMessages = map[string]string{
	"required": "is required",
	"email":    "must be an e-mail address",
	"oneof":    "must be one of: %s",
	"min":      "must be at least %s",
	"max":      "must be at most %s",
	"gte":      "must be at least %s",
	"lte":      "must be at most %s",
	"len":      "must have length %s",
}

// Struct validates s; root is "$" for bodies or "query" for parameters.
func (v *validate) Struct(s any, root string) error {
	err := v.v.Struct(s)
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	fields := make([]errs.FieldError, 0, len(verrs))
	for _, fe := range verrs {
		_, path, _ := strings.Cut(fe.Namespace(), ".")
		msg, ok := validationMessages[fe.Tag()]
		switch {
		case !ok:
			msg = "is not valid (" + fe.Tag() + ")"
		case strings.Contains(msg, "%s"):
			msg = fmt.Sprintf(msg, strings.ReplaceAll(fe.Param(), " ", ", "))
		}
		fields = append(fields, errs.FieldError{Path: root + "." + path, Message: msg})
	}
	return errs.Fields("the request has invalid fields", fields...)
}
