// Package errs gives pmpath's errors a kind. Domain and storage code return
// these; the HTTP layer maps each kind to a status and a problem document in
// one place.
//
// Messages are written in English as fmt format strings. An Error keeps its
// format and arguments beside the English text, so that Messages can render
// the same message in the caller's language when the problem is written.
package errs

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error by what the caller can do about it.
type Kind int

// The kinds. The zero value is Internal: an error nobody classified is a bug
// and is shown to users as a generic message.
const (
	Internal        Kind = iota
	Invalid              // the request is well formed but its content is wrong
	Malformed            // the request cannot be parsed
	Unauthenticated      // no credentials, or bad ones
	Forbidden            // authenticated, but not allowed
	NotFound             // no such resource (or not one the caller may know of)
	Conflict             // the request clashes with the current state
	TooLarge             // the request body is over the limit
	TooManyRequests      // a rate limit was hit
	Unavailable          // a dependency (the database) is down
	Unsupported          // the operation does not exist for this resource
)

var kindNames = map[Kind]string{
	Internal:        "internal",
	Invalid:         "invalid",
	Malformed:       "malformed",
	Unauthenticated: "unauthenticated",
	Forbidden:       "forbidden",
	NotFound:        "not_found",
	Conflict:        "conflict",
	TooLarge:        "too_large",
	TooManyRequests: "too_many_requests",
	Unavailable:     "unavailable",
	Unsupported:     "unsupported",
}

// String returns the kind's name, as used in problem type URIs and logs.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// FieldError says what is wrong with one field of the input. Path is a JSON
// path into the request body or a parameter name, such as "$.answers.q01" or
// "query.limit". Message is English; build one with Field so that it can be
// translated.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`

	// format and args are what Message was made from; see Field.
	format string
	args   []any
}

// Field returns the field error for path with the message format and args
// (as for fmt.Sprintf) in English. Keep the format constant: it is the key
// Messages translates it by.
func Field(path, format string, args ...any) FieldError {
	return FieldError{Path: path, Message: fmt.Sprintf(format, args...), format: format, args: args}
}

// FieldFrom returns a field error for path that says what err says: a
// translatable message when err is an *Error, else err's text as it is.
func FieldFrom(path string, err error) FieldError {
	if e, ok := As(err); ok {
		return FieldError{Path: path, Message: e.Msg, format: e.format, args: e.args}
	}
	return FieldError{Path: path, Message: err.Error()}
}

// Equal reports whether f and o say the same thing about the same field,
// however their messages were built.
func (f FieldError) Equal(o FieldError) bool {
	return f.Path == o.Path && f.Message == o.Message
}

// Error is an error with a kind, a message safe to show the caller, optional
// field errors and an optional cause that is logged but never shown. Msg is
// English; E and Wrap also keep the format it was made from, to translate.
type Error struct {
	Kind   Kind
	Msg    string
	Fields []FieldError
	Err    error

	format string
	args   []any
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.String())
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Path, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// E returns an error of kind k with a message for the caller, made from an
// English format and its args as by fmt.Sprintf. Keep the format constant:
// it is the key Messages translates the message by.
func E(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

// Wrap returns an error of kind k with a message for the caller, made like
// E's, and a cause for the logs.
func Wrap(k Kind, err error, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...), Err: err, format: format, args: args}
}

// Fields returns an Invalid error listing field errors. msg is a constant
// English message, without arguments.
func Fields(msg string, fields ...FieldError) *Error {
	return &Error{Kind: Invalid, Msg: msg, Fields: fields}
}

// Term is an English word or phrase given as an argument to a message, such
// as the name of a JSON type: Messages translates it before substituting it.
type Term string

// KindOf returns the kind of the first *Error in err's chain, or Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// As returns the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
