package api

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/internal/errs"
)

type sample struct {
	Name  string         `json:"name" validate:"required,max=10"`
	Count int            `json:"count" validate:"gte=0,lte=5"`
	Tags  []string       `json:"tags" validate:"max=2,dive,oneof=a b"`
	Extra map[string]int `json:"extra"`
}

func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		name, ct, body string
		limit          int64
		want           errs.Kind
		wantPath       string
	}{
		{"ok", "application/json", `{"name":"x","count":1}`, 1024, -1, ""},
		{"ok with charset", "application/json; charset=utf-8", `{"name":"x"}`, 1024, -1, ""},
		{"ok structured +json type", "application/merge-patch+json", `{"name":"x"}`, 1024, -1, ""},
		{"ok no content type", "", `{"name":"x"}`, 1024, -1, ""},
		{"unknown fields ignored", "application/json", `{"name":"x","role":"admin"}`, 1024, -1, ""},
		{"empty", "application/json", ``, 1024, errs.Malformed, ""},
		{"syntax", "application/json", `{"name":`, 1024, errs.Malformed, ""},
		{"garbage", "application/json", `name=x`, 1024, errs.Malformed, ""},
		{"two values", "application/json", `{"name":"x"}{"name":"y"}`, 1024, errs.Malformed, ""},
		{"trailing garbage", "application/json", `{"name":"x"} x`, 1024, errs.Malformed, ""},
		{"wrong type", "application/json", `{"count":"many"}`, 1024, errs.Invalid, "$.count"},
		{"wrong nested type", "application/json", `{"extra":{"a":"b"}}`, 1024, errs.Invalid, "$.extra"},
		{"not an object", "application/json", `[1,2]`, 1024, errs.Invalid, "$"},
		{"form content type", "application/x-www-form-urlencoded", `name=x`, 1024, errs.Malformed, ""},
		{"bad content type", ";;;", `{}`, 1024, errs.Malformed, ""},
		{"too large", "application/json", `{"name":"` + strings.Repeat("x", 2000) + `"}`, 1024, errs.TooLarge, ""},
		{"NUL in a value", "application/json", `{"name":"a\u0000b"}`, 1024, errs.Invalid, "$"},
		{"NUL in a key", "application/json", `{"extra":{"\u0000":1}}`, 1024, errs.Invalid, "$"},
		{"NUL after escaped backslashes", "application/json", `{"name":"\\\\\u0000"}`, 1024, errs.Invalid, "$"},
		{"escaped backslash then u0000 text", "application/json", `{"name":"\\u0000"}`, 1024, -1, ""},
		{"deep nesting", "application/json", `{"extra":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, 1 << 20, errs.Malformed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			if tt.ct != "" {
				r.Header.Set("Content-Type", tt.ct)
			}
			r.Body = http.MaxBytesReader(w, r.Body, tt.limit)
			var s sample
			err := decodeJSON(r, &s)
			if tt.want == -1 {
				if err != nil {
					t.Fatalf("decodeJSON: %v", err)
				}
				return
			}
			e, ok := errs.As(err)
			if !ok || e.Kind != tt.want {
				t.Fatalf("decodeJSON error = %v, want kind %v", err, tt.want)
			}
			if tt.wantPath != "" && (len(e.Fields) != 1 || e.Fields[0].Path != tt.wantPath) {
				t.Errorf("fields = %+v, want path %s", e.Fields, tt.wantPath)
			}
		})
	}
}

func TestValidateReportsJSONPaths(t *testing.T) {
	v := newValidate()
	err := v.Struct(sample{Name: "", Count: 9, Tags: []string{"a", "z"}}, "$")
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.Invalid {
		t.Fatalf("Struct error = %v, want Invalid", err)
	}
	got := map[string]string{}
	for _, f := range e.Fields {
		got[f.Path] = f.Message
	}
	want := map[string]string{
		"$.name":    "is required",
		"$.count":   "must be at most 5",
		"$.tags[1]": "must be one of: a, b",
	}
	for path, msg := range want {
		if got[path] != msg {
			t.Errorf("field %s: message %q, want %q (all: %v)", path, got[path], msg, got)
		}
	}
	if err := v.Struct(sample{Name: "ok"}, "$"); err != nil {
		t.Errorf("valid struct: %v", err)
	}
}

// FuzzDecodeJSON checks the decoder never panics and always returns an
// error with a client-facing kind: a body can never cause a 500.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"name":"x","count":1}`, `{"count":"x"}`, `[]`, `{`, `null`, `{"tags":["a",1]}`, "\xff"} {
		f.Add([]byte(s))
	}
	v := newValidate()
	f.Fuzz(func(t *testing.T, body []byte) {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Body = http.MaxBytesReader(w, r.Body, 4096)
		var s sample
		err := decodeJSON(r, &s)
		if err == nil {
			err = v.Struct(s, "$")
		}
		if err != nil && errs.KindOf(err) == errs.Internal {
			t.Fatalf("body %q gave an internal error: %v", body, err)
		}
	})
}
