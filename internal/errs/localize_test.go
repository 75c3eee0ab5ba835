package errs

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/i18n"
)

func TestLocalize(t *testing.T) {
	c, err := NewMessages()
	if err != nil {
		t.Fatal(err)
	}
	cause := errors.New("record not found")
	policy := E(Invalid, "Use at most %d characters.", 256)
	tests := []struct {
		name       string
		err        *Error
		lang       i18n.Lang
		wantMsg    string
		wantFields []FieldError
	}{
		{"English is the message as written", E(TooLarge, "the request body is larger than %d bytes", 1048576), i18n.EN,
			"the request body is larger than 1048576 bytes", nil},
		{"Japanese formats numbers as Japanese does", E(TooLarge, "the request body is larger than %d bytes", 1048576), i18n.JA,
			"リクエスト本文が大きすぎます（上限は1,048,576バイトです）", nil},
		{"arguments can change places", E(Unsupported, "%s is not allowed on %s", "DELETE", "/api/v1/roles"), i18n.JA,
			"/api/v1/roles では DELETE メソッドを使えません", nil},
		{"a Term is translated before it is substituted", Wrap(NotFound, cause, "%s not found", Term("user")), i18n.JA,
			"ユーザーが見つかりません", nil},
		{"a Term stays English in English", Wrap(NotFound, cause, "%s not found", Term("user")), i18n.EN,
			"user not found", nil},
		{"an escaped percent sign", E(Malformed, "the URL must not contain NUL characters (%%00)"), i18n.JA,
			"URLにNUL文字（%00）を含めないでください", nil},
		{"a message without a translation stays English", E(Invalid, "no translation for %d", 3), i18n.JA,
			"no translation for 3", nil},
		{"a literal Msg is its own key", &Error{Kind: Invalid, Msg: "the request body is empty"}, i18n.JA,
			"リクエスト本文が空です", nil},
		{"field errors, however they were built",
			Fields("the account details are not valid",
				Field("$.display_name", "must be 1 to %d characters", 60),
				FieldFrom("$.password", policy),
				FieldFrom("$.other", errors.New("plain text")),
				FieldError{Path: "$.email", Message: "must be an e-mail address"}),
			i18n.JA,
			"アカウントの入力内容に誤りがあります",
			[]FieldError{
				{Path: "$.display_name", Message: "1〜60文字で入力してください"},
				{Path: "$.password", Message: "パスワードは256文字以内にしてください。"},
				{Path: "$.other", Message: "plain text"},
				{Path: "$.email", Message: "メールアドレスの形式で入力してください"},
			}},
		{"English field errors are the ones built",
			Fields("the account details are not valid", Field("$.display_name", "must be 1 to %d characters", 60), FieldFrom("$.password", policy)),
			i18n.EN,
			"the account details are not valid",
			[]FieldError{{Path: "$.display_name", Message: "must be 1 to 60 characters"}, {Path: "$.password", Message: "Use at most 256 characters."}}},
		{"a language without a table is English", E(NotFound, "no questionnaire %q", "x"), i18n.Lang("fr"),
			`no questionnaire "x"`, nil},
		{"an empty message stays empty", Wrap(Internal, cause, ""), i18n.JA, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, fields := c.Localize(tt.err, tt.lang)
			if msg != tt.wantMsg {
				t.Errorf("message = %q, want %q", msg, tt.wantMsg)
			}
			if diff := cmp.Diff(tt.wantFields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLocalizeLeavesTheErrorAlone(t *testing.T) {
	c, err := NewMessages()
	if err != nil {
		t.Fatal(err)
	}
	e := Fields("the request has invalid fields", Field("$.name", "is required"))
	c.Localize(e, i18n.JA)
	if e.Msg != "the request has invalid fields" || e.Fields[0].Message != "is required" {
		t.Errorf("Localize changed the error: %+v", e)
	}
}

func TestFieldKeepsEnglish(t *testing.T) {
	f := Field("$.q", "must be 1 to %d characters", 60)
	if f.Path != "$.q" || f.Message != "must be 1 to 60 characters" {
		t.Errorf("Field() = %+v", f)
	}
	e := E(Invalid, "Use at most %d characters.", 256)
	if got := FieldFrom("$.p", e); got.Message != "Use at most 256 characters." {
		t.Errorf("FieldFrom(*Error).Message = %q, want the message without the kind", got.Message)
	}
	if !f.Equal(FieldError{Path: "$.q", Message: "must be 1 to 60 characters"}) || f.Equal(FieldError{Path: "$.q", Message: "other"}) {
		t.Error("Equal does not compare path and message")
	}
}
