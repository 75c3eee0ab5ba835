package api_test

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProblemsSpeakTheRequestLanguage checks that a problem's detail and
// field messages follow the request's language as the rest of the API
// does: ?lang=, else Accept-Language, else Japanese. Title and type stay
// the standard, language-free ones.
func TestProblemsSpeakTheRequestLanguage(t *testing.T) {
	badAccount := []byte(`{"email":"not-an-address","password":"short","display_name":"Aiko"}`)
	jaAccount := map[string]string{
		"$.email":    "メールアドレスの形式で入力してください",
		"$.password": "パスワードは10文字以上にしてください。関係のない単語をいくつか並べると、覚えやすく破られにくいパスワードになります。",
	}
	enAccount := map[string]string{
		"$.email":    "must be an e-mail address",
		"$.password": "Use at least 10 characters. A few unrelated words make a strong password that is easy to remember.",
	}
	tests := []struct {
		name       string
		method     string
		path       string
		body       []byte
		opts       []callOpt
		status     int
		wantType   string
		wantDetail string
		wantFields map[string]string
	}{
		{"account, Accept-Language ja", http.MethodPost, "/api/v1/auth/register", badAccount,
			[]callOpt{header("Accept-Language", "ja")}, http.StatusUnprocessableEntity, "invalid",
			"アカウントの入力内容に誤りがあります", jaAccount},
		{"account, Accept-Language en-US", http.MethodPost, "/api/v1/auth/register", badAccount,
			[]callOpt{header("Accept-Language", "en-US,en;q=0.9")}, http.StatusUnprocessableEntity, "invalid",
			"the account details are not valid", enAccount},
		{"account, no language is Japanese", http.MethodPost, "/api/v1/auth/register", badAccount,
			nil, http.StatusUnprocessableEntity, "invalid",
			"アカウントの入力内容に誤りがあります", jaAccount},
		{"account, ?lang=en beats Accept-Language ja", http.MethodPost, "/api/v1/auth/register?lang=en", badAccount,
			[]callOpt{header("Accept-Language", "ja")}, http.StatusUnprocessableEntity, "invalid",
			"the account details are not valid", enAccount},
		{"missing field, ja", http.MethodPost, "/api/v1/assessments", []byte(`{}`),
			[]callOpt{header("Accept-Language", "ja"), invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"入力内容に誤りがあります", map[string]string{"$.questionnaire": "入力してください"}},
		{"missing field, en", http.MethodPost, "/api/v1/assessments", []byte(`{}`),
			[]callOpt{header("Accept-Language", "en"), invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"the request has invalid fields", map[string]string{"$.questionnaire": "is required"}},
		{"wrong JSON type, ja", http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":5}`),
			[]callOpt{header("Accept-Language", "ja"), invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"リクエスト本文に型の正しくない値があります", map[string]string{"$.questionnaire": "文字列で指定してください（数値が送られました）"}},
		{"wrong JSON type, en", http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":5}`),
			[]callOpt{header("Accept-Language", "en"), invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"the request body has a value of the wrong type", map[string]string{"$.questionnaire": "must be a string, not number"}},
		{"unknown questionnaire, ja", http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"nope"}`),
			[]callOpt{header("Accept-Language", "ja")}, http.StatusUnprocessableEntity, "invalid",
			"不明な質問票です", map[string]string{"$.questionnaire": `質問票 "nope" が見つかりません`}},
		{"unsupported ?lang, in the Accept-Language", http.MethodGet, "/api/v1/questionnaires?lang=fr", nil,
			[]callOpt{header("Accept-Language", "en"), invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"unsupported language", map[string]string{"query.lang": "must be ja or en"}},
		{"unsupported ?lang, else Japanese", http.MethodGet, "/api/v1/questionnaires?lang=fr", nil,
			[]callOpt{invalidInput()}, http.StatusUnprocessableEntity, "invalid",
			"対応していない言語です", map[string]string{"query.lang": "ja または en を指定してください"}},
		// Outside /api/v1 and before any handler: still negotiated.
		{"unknown endpoint, ja", http.MethodGet, "/api/v2/nothing", nil,
			[]callOpt{header("Accept-Language", "ja")}, http.StatusNotFound, "not-found",
			"該当するエンドポイントがありません: GET /api/v2/nothing", nil},
		{"unknown endpoint, en", http.MethodGet, "/api/v2/nothing", nil,
			[]callOpt{header("Accept-Language", "en")}, http.StatusNotFound, "not-found",
			"no such endpoint: GET /api/v2/nothing", nil},
		{"signed out, ja", http.MethodGet, "/api/v1/me", nil,
			[]callOpt{header("Accept-Language", "ja")}, http.StatusUnauthorized, "unauthenticated",
			"ログインしてください", nil},
	}
	eachDB(t, func(t *testing.T, s *testServer) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := wantProblem(t, s.do(t, tt.method, tt.path, tt.body, tt.opts...), tt.status)
				if p.Type != "urn:pmpath:problem:"+tt.wantType || p.Title != http.StatusText(tt.status) {
					t.Errorf("type %q, title %q: want the kind's type and the status text", p.Type, p.Title)
				}
				if p.Detail != tt.wantDetail {
					t.Errorf("detail = %q, want %q", p.Detail, tt.wantDetail)
				}
				var got map[string]string
				for _, f := range p.Errors {
					if got == nil {
						got = map[string]string{}
					}
					got[f.Path] = f.Message
				}
				if diff := cmp.Diff(tt.wantFields, got); diff != "" {
					t.Errorf("field messages (-want +got):\n%s", diff)
				}
			})
		}
	})
}
