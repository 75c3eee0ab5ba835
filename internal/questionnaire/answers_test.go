package questionnaire_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

func mini(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	qs, err := questionnaire.LoadFS(fstest.MapFS{"mini/v1.yaml": {Data: []byte(valid)}})
	if err != nil {
		t.Fatal(err)
	}
	return qs[0]
}

func raw(t testing.TB, s string) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseAnswers(t *testing.T) {
	q := mini(t)
	got, err := q.ParseAnswers(raw(t, `{"q01": 4, "s01": "b", "e01": ["pmp"]}`), "$.answers")
	if err != nil {
		t.Fatal(err)
	}
	want := questionnaire.Answers{"q01": {Value: 4}, "s01": {Option: "b"}, "e01": {Options: []string{"pmp"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	b, _ := json.Marshal(got)
	if string(b) != `{"e01":["pmp"],"q01":4,"s01":"b"}` {
		t.Errorf("wire form %s", b)
	}
	var back questionnaire.Answers
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Errorf("wire round trip (-want +got)\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"q01": {}}`), &back); err == nil {
		t.Error("an object answer decoded without error")
	}
}

func TestParseAnswersRejects(t *testing.T) {
	q := mini(t)
	tests := []struct{ body, path, msg string }{
		{`{"q99": 3}`, "$.answers.q99", "is not an item"},
		{`{"q01": 6}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": 0}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": 2.5}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": "4"}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": 4.0}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": null}`, "$.answers.q01", "from 1 to 5"},
		{`{"q01": 1e400}`, "$.answers.q01", "from 1 to 5"},
		{`{"s01": "z"}`, "$.answers.s01", `"z" is not an option`},
		{`{"s01": 1}`, "$.answers.s01", "must be one option id"},
		{`{"e01": "pmp"}`, "$.answers.e01", "must be an array"},
		{`{"e01": []}`, "$.answers.e01", "at least one"},
		{`{"e01": ["pmp", "pmp"]}`, "$.answers.e01", "chosen twice"},
		{`{"e01": ["none", "pmp"]}`, "$.answers.e01", "cannot be combined"},
		{`{"e01": [1]}`, "$.answers.e01", "must be an array of option ids"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			_, err := q.ParseAnswers(raw(t, tt.body), "$.answers")
			e, ok := errs.As(err)
			if !ok || e.Kind != errs.Invalid || len(e.Fields) != 1 || e.Fields[0].Path != tt.path || !strings.Contains(e.Fields[0].Message, tt.msg) {
				t.Errorf("error = %v, want one field error at %s containing %q", err, tt.path, tt.msg)
			}
		})
	}
	_, err := q.ParseAnswers(raw(t, `{"q99": 3, "q01": 9, "s01": "a"}`), "$.answers")
	if e, _ := errs.As(err); e == nil || len(e.Fields) != 2 {
		t.Errorf("want both bad answers reported, got %v", err)
	}
	many := map[string]json.RawMessage{}
	for i := 0; i <= questionnaire.MaxAnswers; i++ {
		many[strings.Repeat("x", i%40+1)+string(rune('a'+i%26))] = json.RawMessage("1")
	}
	for len(many) <= questionnaire.MaxAnswers {
		many[string(rune(0x4e00+len(many)))] = json.RawMessage("1")
	}
	if _, err := q.ParseAnswers(many, "$.answers"); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("too many answers: %v", err)
	}
}

func TestMissing(t *testing.T) {
	q := mini(t)
	got := q.Missing(questionnaire.Answers{"s01": {Option: "a"}}, "$.answers")
	want := []errs.FieldError{{Path: "$.answers.q01", Message: "is required before submitting"}, {Path: "$.answers.e01", Message: "is required before submitting"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// FuzzParseAnswers feeds arbitrary JSON objects to the answer decoder: it
// must never panic, and must either accept or give Invalid field errors.
func FuzzParseAnswers(f *testing.F) {
	q := mini(f)
	for _, s := range []string{`{"q01": 4}`, `{"s01": "a", "e01": ["none"]}`, `{"q01": -1e99}`, `{"e01": [[]]}`, `{"": ""}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) != nil {
			return
		}
		a, err := q.ParseAnswers(m, "$.answers")
		if err != nil {
			if errs.KindOf(err) != errs.Invalid {
				t.Fatalf("%s: %v is not Invalid", body, err)
			}
			return
		}
		for id, ans := range a {
			it, ok := q.Item(id)
			if !ok {
				t.Fatalf("accepted unknown item %q", id)
			}
			if it.Type == questionnaire.Likert && (ans.Value < 1 || ans.Value > 5) {
				t.Fatalf("accepted %d for %s", ans.Value, id)
			}
		}
	})
}
