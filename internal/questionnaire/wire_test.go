package questionnaire

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// referenceWire is the wire form as encoding/json writes it from a map of
// interfaces: what MarshalJSON must equal byte for byte.
func referenceWire(a Answers) []byte {
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
	b, err := json.Marshal(wire)
	if err != nil {
		panic(err)
	}
	return b
}

func TestMarshalJSONEqualsEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		a    Answers
	}{
		{"nil", nil},
		{"empty", Answers{}},
		{"every kind", Answers{"q01": {Value: 4}, "s01": {Option: "b"}, "e01": {Options: []string{"pmp", "capm"}}, "e02": {Options: []string{}}}},
		{"zero and negative values", Answers{"q01": {}, "q02": {Value: -3}, "q03": {Value: 1 << 40}}},
		{"ids sort bytewise", Answers{"q10": {Value: 1}, "q2": {Value: 2}, "Q1": {Value: 3}, "q1": {Value: 4}}},
		{"HTML characters are escaped", Answers{"a<b": {Option: "x&y"}, "c": {Options: []string{"<script>"}}}},
		{"quotes, backslashes and control characters", Answers{`q"1`: {Option: `a\b`}, "q\n2": {Option: "tab\there"}, "q3": {Option: "\x00\x1f\x7f"}}},
		{"non-ASCII and invalid UTF-8", Answers{"質問": {Option: "選択"}, "q1": {Option: "\xff\xfe"}, "q2": {Option: "\u2028\u2029"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if want := referenceWire(tt.a); string(got) != string(want) {
				t.Errorf("MarshalJSON\n got %s\nwant %s", got, want)
			}
			direct, err := tt.a.MarshalJSON()
			if err != nil || string(direct) != string(got) {
				t.Errorf("MarshalJSON called directly = %s, %v; want %s (already compact)", direct, err, got)
			}
		})
	}
}

// TestUnmarshalJSONEqualsEncodingJSON checks the hand-written decoder
// against the encoding/json one on the forms it takes and on those it
// must hand over: the answers, or the failure, must be the same.
func TestUnmarshalJSONEqualsEncodingJSON(t *testing.T) {
	tests := []struct {
		in       string
		wantFast bool // decoded without encoding/json
		wantErr  bool
	}{
		{`{}`, true, false},
		{` { } `, true, false},
		{`{"e01":["pmp","capm"],"q01":4,"s01":"b"}`, true, false},
		{"{\n  \"q01\" : 4 ,\t\"e01\": [ \"a\" , \"b\" ], \"e02\": [ ] }\r\n", true, false},
		{`{"q01":-0,"q02":-12,"q03":0}`, true, false},
		{`{"q01":1,"q01":2}`, true, false}, // the last of a repeated id wins
		{`{"q01":"\u0061"}`, false, false},
		{`{"質問":"選択"}`, false, false},
		{`{"q01":null}`, false, false},
		{`{"q01":4.0}`, false, true},
		{`{"q01":4e0}`, false, true},
		{`{"q01":04}`, false, true},
		{`{"q01":99999999999999999999}`, false, true},
		{`{"q01":{}}`, false, true},
		{`{"q01":true}`, false, true},
		{`{"q01":[1]}`, false, true},
		{`{"q01":4,}`, false, true},
		{`{"q01":4}x`, false, true},
		{`{"q01" 4}`, false, true},
		{`{"q01":4`, false, true},
		{`{"q01":"a`, false, true},
		{"{\"q01\":\"a\x01\"}", false, true},
		{`[]`, false, true},
		{`null`, false, false},
		{``, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, fast := decodeWire([]byte(tt.in))
			if fast != tt.wantFast {
				t.Errorf("decoded by hand: %v, want %v", fast, tt.wantFast)
			}
			checkSameAsSlow(t, []byte(tt.in))
			var a Answers
			if err := a.UnmarshalJSON([]byte(tt.in)); (err != nil) != tt.wantErr {
				t.Errorf("err = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}

// checkSameAsSlow fails t unless UnmarshalJSON and the encoding/json
// decoder agree on in.
func checkSameAsSlow(t *testing.T, in []byte) {
	t.Helper()
	var got, want Answers
	gotErr := got.UnmarshalJSON(in)
	wantErr := want.unmarshalSlow(in)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%q: err = %v, encoding/json says %v", in, gotErr, wantErr)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%q: (-encoding/json +UnmarshalJSON)\n%s", in, diff)
	}
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{"e01":["pmp","capm"],"q01":4,"s01":"b"}`, `{"q01":-0}`, `{"a":[]}`, `{"q":"\u00e9"}`, `{"q01":1e2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkSameAsSlow(t, in)
	})
}

func FuzzMarshalJSON(f *testing.F) {
	f.Add("q01", 4, "a", "b")
	f.Add("<&>", -1, "\xff", "")
	f.Fuzz(func(t *testing.T, id string, v int, option, other string) {
		a := Answers{id: {Value: v}, id + "o": {Option: option}, id + "m": {Options: []string{option, other}}}
		got, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceWire(a); string(got) != string(want) {
			t.Errorf("MarshalJSON\n got %s\nwant %s", got, want)
		}
		var back Answers
		if err := back.UnmarshalJSON(got); err != nil {
			t.Fatalf("%s does not decode: %v", got, err)
		}
	})
}
