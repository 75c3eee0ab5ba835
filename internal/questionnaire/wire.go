package questionnaire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The wire form of stored answers is written and read on every submission
// (read from the draft, written with the result, echoed in the response),
// so both directions are written out by hand for the forms pmpath itself
// produces and fall back to encoding/json for anything else: the output
// and the decoded answers are exactly what encoding/json gives, only
// without building a map of interfaces or decoding each value on its own.

// MarshalJSON writes answers in the wire form: {"q01": 4, "s01": "a",
// "e02": ["x", "y"]}, items in id order, as encoding/json writes a map.
func (a Answers) MarshalJSON() ([]byte, error) {
	ids := make([]string, 0, len(a))
	for id := range a {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	b := make([]byte, 0, 2+len(a)*12)
	b = append(b, '{')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, id)
		b = append(b, ':')
		switch ans := a[id]; {
		case ans.Options != nil:
			b = append(b, '[')
			for j, o := range ans.Options {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, o)
			}
			b = append(b, ']')
		case ans.Option != "":
			b = appendString(b, ans.Option)
		default:
			b = strconv.AppendInt(b, int64(ans.Value), 10)
		}
	}
	return append(b, '}'), nil
}

// appendString appends s as a JSON string exactly as encoding/json writes
// it: as is when it is printable ASCII that needs no escape (every id
// pmpath makes), through encoding/json otherwise (escapes, HTML-safe
// characters, invalid UTF-8).
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// UnmarshalJSON reads the wire form back without a questionnaire: a number
// is a Likert value, a string an option, an array several options. Use
// ParseAnswers for input from clients; this is for stored answers.
func (a *Answers) UnmarshalJSON(b []byte) error {
	if out, ok := decodeWire(b); ok {
		*a = out
		return nil
	}
	return a.unmarshalSlow(b)
}

// unmarshalSlow is UnmarshalJSON through encoding/json, for whatever
// decodeWire does not take, including every malformed input.
func (a *Answers) unmarshalSlow(b []byte) error {
	var wire map[string]json.RawMessage
	if err := json.Unmarshal(b, &wire); err != nil {
		return err
	}
	out := make(Answers, len(wire))
	for id, raw := range wire {
		raw = bytes.TrimSpace(raw)
		var ans Answer
		var err error
		switch {
		case len(raw) > 0 && raw[0] == '"':
			err = json.Unmarshal(raw, &ans.Option)
		case len(raw) > 0 && raw[0] == '[':
			err = json.Unmarshal(raw, &ans.Options)
		default:
			err = json.Unmarshal(raw, &ans.Value)
		}
		if err != nil {
			return fmt.Errorf("answer %s: %w", id, err)
		}
		out[id] = ans
	}
	*a = out
	return nil
}

// decodeWire decodes the wire form when it holds only what MarshalJSON
// writes for plain ids: an object of integers, strings and arrays of
// strings, the strings printable ASCII without escapes. Anything else (an
// escape, a fraction, null, a syntax error) and ok is false: the caller
// decodes it with encoding/json, which then says what is wrong.
func decodeWire(b []byte) (out Answers, ok bool) {
	if len(b) == 0 || b[0] != '{' && b[0] > ' ' {
		return nil, false
	}
	// One copy of the input, which the ids and options are cut from: one
	// allocation instead of one per string.
	d := wireDecoder{b: string(b)}
	if !d.skip('{') {
		return nil, false
	}
	out = make(Answers, strings.Count(d.b, ":"))
	if d.skip('}') {
		return out, d.end()
	}
	for {
		id, ok := d.str()
		if !ok || !d.skip(':') {
			return nil, false
		}
		var ans Answer
		switch d.peek() {
		case '"':
			ans.Option, ok = d.str()
		case '[':
			ans.Options, ok = d.strs()
		default:
			ans.Value, ok = d.int()
		}
		if !ok {
			return nil, false
		}
		out[id] = ans
		if d.skip('}') {
			return out, d.end()
		}
		if !d.skip(',') {
			return nil, false
		}
	}
}

// wireDecoder walks the wire form of answers; see decodeWire.
type wireDecoder struct {
	b string
	i int
}

func (d *wireDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (d *wireDecoder) peek() byte {
	d.space()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// skip consumes c if it comes next.
func (d *wireDecoder) skip(c byte) bool {
	if d.peek() != c {
		return false
	}
	d.i++
	return true
}

// end reports whether only white space is left.
func (d *wireDecoder) end() bool {
	d.space()
	return d.i == len(d.b)
}

// str reads a string of printable ASCII without escapes.
func (d *wireDecoder) str() (string, bool) {
	if !d.skip('"') {
		return "", false
	}
	start := d.i
	for ; d.i < len(d.b); d.i++ {
		switch c := d.b[d.i]; {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			return s, true
		case c < 0x20 || c >= utf8.RuneSelf || c == '\\':
			return "", false
		}
	}
	return "", false
}

// strs reads an array of such strings; [] is an empty, non-nil slice, as
// encoding/json decodes it.
func (d *wireDecoder) strs() ([]string, bool) {
	if !d.skip('[') {
		return nil, false
	}
	out := []string{}
	if d.skip(']') {
		return out, true
	}
	for {
		s, ok := d.str()
		if !ok {
			return nil, false
		}
		out = append(out, s)
		if d.skip(']') {
			return out, true
		}
		if !d.skip(',') {
			return nil, false
		}
	}
}

// int reads an integer in JSON's syntax (no leading zeros, no fraction or
// exponent) that fits an int.
func (d *wireDecoder) int() (int, bool) {
	d.space()
	start := d.i
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	switch n := d.i - digits; {
	case n == 0, n > 1 && d.b[digits] == '0':
		return 0, false
	}
	if d.i < len(d.b) {
		// A fraction or an exponent is left to encoding/json.
		if c := d.b[d.i]; c == '.' || c == 'e' || c == 'E' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(d.b[start:d.i])
	return v, err == nil
}
