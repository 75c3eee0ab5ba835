package errs

import (
	"fmt"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/pmpath/pmpath/internal/i18n"
)

// Messages renders error messages in the languages pmpath speaks. Messages
// are written in English, so English needs no entries; the other languages
// map each English format to their own (messages_ja.go). A message with no
// entry stays English rather than failing: a test keeps that from
// happening for the messages in the code.
//
// Messages is immutable and safe for concurrent use.
type Messages struct {
	printers map[i18n.Lang]*message.Printer
}

// NewMessages builds the message catalog from the translation tables.
func NewMessages() (*Messages, error) {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	tables := map[i18n.Lang]map[string]string{i18n.JA: japanese()}
	c := &Messages{printers: map[i18n.Lang]*message.Printer{}}
	for l, table := range tables {
		tag := language.Make(string(l))
		for en, tr := range table {
			if err := b.SetString(tag, en, tr); err != nil {
				return nil, fmt.Errorf("errs: %s message %q: %w", l, en, err)
			}
		}
		c.printers[l] = message.NewPrinter(tag, message.Catalog(b))
	}
	return c, nil
}

// Localize returns e's message and field errors in lang. Field errors keep
// their paths; the result is a new slice, nil when e has none.
func (c *Messages) Localize(e *Error, lang i18n.Lang) (string, []FieldError) {
	p := c.printers[lang]
	if p == nil {
		// English, the language the messages are written in.
		return e.Msg, e.Fields
	}
	msg := render(p, e.format, e.Msg, e.args)
	var fields []FieldError
	if len(e.Fields) > 0 {
		fields = make([]FieldError, len(e.Fields))
		for i, f := range e.Fields {
			fields[i] = FieldError{Path: f.Path, Message: render(p, f.format, f.Message, f.args)}
		}
	}
	return msg, fields
}

// render formats one message with p. A message built without a format
// (a literal Msg or Message) is its own key.
func render(p *message.Printer, format, english string, args []any) string {
	if format == "" {
		if english == "" {
			return ""
		}
		format = english
	}
	if len(args) == 0 {
		return p.Sprintf(format)
	}
	local := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Term); ok {
			a = p.Sprintf(string(t))
		}
		local[i] = a
	}
	return p.Sprintf(format, local...)
}
