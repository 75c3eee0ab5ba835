package questionnaire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/pmpath/pmpath/internal/errs"
)

// Answer is the answer to one item: Value for Likert items, Option for
// choice and single-select experience items, Options for multi-select ones.
type Answer struct {
	Value   int      `json:"value,omitempty"`
	Option  string   `json:"option,omitempty"`
	Options []string `json:"options,omitempty"`
}

// Answers maps item ids to answers.
type Answers map[string]Answer

// MarshalJSON writes answers in the wire form: {"q01": 4, "s01": "a",
// "e02": ["x", "y"]}.
func (a Answers) MarshalJSON() ([]byte, error) {
	wire := make(map[string]any, len(a))
	for id, ans := range a {
		switch {
		case ans.Options != nil:
			wire[id] = ans.Options
		case ans.Option != "":
			wire[id] = ans.Option
		default:
			wire[id] = ans.Value
		}
	}
	return json.Marshal(wire)
}

// UnmarshalJSON reads the wire form back without a questionnaire: a number
// is a Likert value, a string an option, an array several options. Use
// ParseAnswers for input from clients; this is for stored answers.
func (a *Answers) UnmarshalJSON(b []byte) error {
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

// MaxAnswers caps how many answers one request may carry, whatever the
// questionnaire, so a body cannot make the server do unbounded work.
const MaxAnswers = 500

// ParseAnswers checks raw wire answers against q and returns them typed.
// Each problem is a field error whose path is root plus the item id (root is
// "$.answers" for request bodies). Unknown items, wrong types, values out of
// range and unknown options are all reported, not just the first.
func (q *Questionnaire) ParseAnswers(raw map[string]json.RawMessage, root string) (Answers, error) {
	if len(raw) > MaxAnswers {
		return nil, errs.Fields("too many answers", errs.FieldError{Path: root, Message: fmt.Sprintf("at most %d answers", MaxAnswers)})
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(Answers, len(raw))
	var fields []errs.FieldError
	bad := func(id, format string, args ...any) {
		fields = append(fields, errs.FieldError{Path: root + "." + id, Message: fmt.Sprintf(format, args...)})
	}
	for _, id := range ids {
		it, ok := q.Item(id)
		if !ok {
			bad(id, "is not an item of %s version %d", q.Slug, q.Version)
			continue
		}
		ans, msg := it.parse(bytes.TrimSpace(raw[id]))
		if msg != "" {
			bad(id, "%s", msg)
			continue
		}
		out[id] = ans
	}
	if len(fields) > 0 {
		return nil, errs.Fields("some answers are not valid", fields...)
	}
	return out, nil
}

// parse reads one wire answer; a non-empty message says what is wrong.
func (it *Item) parse(raw json.RawMessage) (Answer, string) {
	switch {
	case it.Type == Likert:
		// Only a bare JSON integer: not "4", not 4.0, not 4e0.
		n, err := strconv.Atoi(string(raw))
		if err != nil || n < LikertMin || n > LikertMax {
			return Answer{}, fmt.Sprintf("must be an integer from %d to %d", LikertMin, LikertMax)
		}
		return Answer{Value: n}, ""
	case it.Type == Choice || it.Select == SelectOne:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return Answer{}, "must be one option id (a string): " + it.optionList()
		}
		if _, ok := it.Option(s); !ok {
			return Answer{}, fmt.Sprintf("%q is not an option; choose one of %s", s, it.optionList())
		}
		return Answer{Option: s}, ""
	default:
		var ss []string
		if err := json.Unmarshal(raw, &ss); err != nil || ss == nil {
			return Answer{}, "must be an array of option ids: " + it.optionList()
		}
		if len(ss) == 0 {
			return Answer{}, "choose at least one option"
		}
		seen := map[string]bool{}
		for _, s := range ss {
			o, ok := it.Option(s)
			if !ok {
				return Answer{}, fmt.Sprintf("%q is not an option; choose from %s", s, it.optionList())
			}
			if o.Exclusive && len(ss) > 1 {
				return Answer{}, fmt.Sprintf("%q cannot be combined with other options", s)
			}
			if seen[s] {
				return Answer{}, fmt.Sprintf("%q is chosen twice", s)
			}
			seen[s] = true
		}
		slices.Sort(ss)
		return Answer{Options: ss}, ""
	}
}

func (it *Item) optionList() string {
	var b bytes.Buffer
	for i, o := range it.Options {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(o.ID)
	}
	return b.String()
}

// Missing returns field errors for the required items a has no answer for,
// in questionnaire order.
func (q *Questionnaire) Missing(a Answers, root string) []errs.FieldError {
	var out []errs.FieldError
	for _, it := range q.Items {
		if _, ok := a[it.ID]; !ok && it.Required() {
			out = append(out, errs.FieldError{Path: root + "." + it.ID, Message: "is required before submitting"})
		}
	}
	return out
}
