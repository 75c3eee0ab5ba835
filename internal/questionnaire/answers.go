package questionnaire

import (
	"bytes"
	"encoding/json"
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

// MaxAnswers caps how many answers one request may carry, whatever the
// questionnaire, so a body cannot make the server do unbounded work.
const MaxAnswers = 500

// ParseAnswers checks raw wire answers against q and returns them typed.
// Each problem is a field error whose path is root plus the item id (root is
// "$.answers" for request bodies). Unknown items, wrong types, values out of
// range and unknown options are all reported, not just the first.
func (q *Questionnaire) ParseAnswers(raw map[string]json.RawMessage, root string) (Answers, error) {
	if len(raw) > MaxAnswers {
		return nil, errs.Fields("too many answers", errs.Field(root, "at most %d answers", MaxAnswers))
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(Answers, len(raw))
	var fields []errs.FieldError
	for _, id := range ids {
		it, ok := q.Item(id)
		if !ok {
			fields = append(fields, answerField(root, id, "is not an item of %s version %d", q.Slug, q.Version))
			continue
		}
		ans, bad, ok := it.parse(bytes.TrimSpace(raw[id]), root, id)
		if !ok {
			fields = append(fields, bad)
			continue
		}
		out[id] = ans
	}
	if len(fields) > 0 {
		return nil, errs.Fields("some answers are not valid", fields...)
	}
	return out, nil
}

// answerField is the field error for answer id under root. The path is
// built here, on failure only: valid answers cost no string.
func answerField(root, id, format string, args ...any) errs.FieldError {
	return errs.Field(root+"."+id, format, args...)
}

// parse reads the wire answer to item id; when ok is false, bad says what
// is wrong with it, at root.id.
func (it *Item) parse(raw json.RawMessage, root, id string) (a Answer, bad errs.FieldError, ok bool) {
	switch {
	case it.Type == Likert:
		// Only a bare JSON integer: not "4", not 4.0, not 4e0.
		n, err := strconv.Atoi(string(raw))
		if err != nil || n < LikertMin || n > LikertMax {
			return Answer{}, answerField(root, id, "must be an integer from %d to %d", LikertMin, LikertMax), false
		}
		return Answer{Value: n}, bad, true
	case it.Type == Choice || it.Select == SelectOne:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return Answer{}, answerField(root, id, "must be one option id (a string): %s", it.optionList()), false
		}
		if _, ok := it.Option(s); !ok {
			return Answer{}, answerField(root, id, "%q is not an option; choose one of %s", s, it.optionList()), false
		}
		return Answer{Option: s}, bad, true
	default:
		var ss []string
		if err := json.Unmarshal(raw, &ss); err != nil || ss == nil {
			return Answer{}, answerField(root, id, "must be an array of option ids: %s", it.optionList()), false
		}
		if len(ss) == 0 {
			return Answer{}, answerField(root, id, "choose at least one option"), false
		}
		seen := map[string]bool{}
		for _, s := range ss {
			o, ok := it.Option(s)
			if !ok {
				return Answer{}, answerField(root, id, "%q is not an option; choose from %s", s, it.optionList()), false
			}
			if o.Exclusive && len(ss) > 1 {
				return Answer{}, answerField(root, id, "%q cannot be combined with other options", s), false
			}
			if seen[s] {
				return Answer{}, answerField(root, id, "%q is chosen twice", s), false
			}
			seen[s] = true
		}
		slices.Sort(ss)
		return Answer{Options: ss}, bad, true
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
			out = append(out, errs.Field(root+"."+it.ID, "is required before submitting"))
		}
	}
	return out
}
