package api

import (
	"bytes"
	"encoding/json"
	"errors"
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
			errs.Field("$", "text must not contain \\u0000"))
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
		return errs.Wrap(errs.Malformed, err, "the request body is not valid JSON (at byte %d)", syntax.Offset)
	case errors.As(err, &typ):
		path := "$"
		if typ.Field != "" {
			path += "." + typ.Field
		}
		return errs.Fields("the request body has a value of the wrong type", wrongType(path, typ))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errs.E(errs.Malformed, "the request body is not valid JSON (it ends too early)")
	}
	return errs.Wrap(errs.Malformed, err, "the request body is not valid JSON")
}

// wrongType says what a field holds and what it should.
func wrongType(path string, typ *json.UnmarshalTypeError) errs.FieldError {
	// Value names the JSON type ("string", "number", ...), or for a number
	// that does not fit, "number " and the number.
	if n, ok := strings.CutPrefix(typ.Value, "number "); ok {
		return errs.Field(path, "must be %s, not the number %s", jsonKind(typ.Type), n)
	}
	return errs.Field(path, "must be %s, not %s", jsonKind(typ.Type), jsonValue(typ.Value))
}

// jsonValue names the JSON type of a value as encoding/json does.
func jsonValue(v string) errs.Term {
	switch v {
	case "string":
		return "string"
	case "number":
		return "number"
	case "bool":
		return "bool"
	case "array":
		return "array"
	case "object":
		return "object"
	}
	return "another type"
}

// jsonKind names the JSON type a Go type decodes from.
func jsonKind(t reflect.Type) errs.Term {
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
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "a value of another type"
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
		fields = append(fields, validationField(root+"."+path, fe))
	}
	return errs.Fields("the request has invalid fields", fields...)
}

// validationField says what a failed validate tag asks of the field. The
// bounds of min, max and len are lengths for text and lists: validator
// counts characters (not bytes) and items.
func validationField(path string, fe validator.FieldError) errs.FieldError {
	param := strings.ReplaceAll(fe.Param(), " ", ", ")
	var text, list bool
	switch fe.Kind() {
	case reflect.String:
		text = true
	case reflect.Slice, reflect.Array, reflect.Map:
		list = true
	}
	switch tag := fe.Tag(); {
	case tag == "required":
		return errs.Field(path, "is required")
	case tag == "email":
		return errs.Field(path, "must be an e-mail address")
	case tag == "oneof":
		return errs.Field(path, "must be one of: %s", param)
	case (tag == "min" || tag == "gte") && text:
		return errs.Field(path, "must be at least %s characters", param)
	case (tag == "min" || tag == "gte") && list:
		return errs.Field(path, "must have at least %s items", param)
	case tag == "min" || tag == "gte":
		return errs.Field(path, "must be at least %s", param)
	case (tag == "max" || tag == "lte") && text:
		return errs.Field(path, "must be at most %s characters", param)
	case (tag == "max" || tag == "lte") && list:
		return errs.Field(path, "must have at most %s items", param)
	case tag == "max" || tag == "lte":
		return errs.Field(path, "must be at most %s", param)
	case tag == "len" && text:
		return errs.Field(path, "must be %s characters long", param)
	case tag == "len" && list:
		return errs.Field(path, "must have %s items", param)
	case tag == "len":
		return errs.Field(path, "must be exactly %s", param)
	}
	return errs.Field(path, "is not valid (%s)", fe.Tag())
}
