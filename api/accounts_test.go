package api_test

import (
	"net/http"
	"strings"
	"testing"
)

type sessionBody struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	User         *struct {
		ID, Email, Role string
		DisplayName     string `json:"display_name"`
		Discoverable    bool
	}
}

const goodPassword = "a long enough passphrase 7"

func bearer(tok string) callOpt { return header("Authorization", "Bearer "+tok) }

// register creates a candidate and returns their session.
func (s *testServer) register(t *testing.T, email, name string) sessionBody {
	t.Helper()
	r := s.do(t, http.MethodPost, "/api/v1/auth/register", mustJSON(t, map[string]string{"email": email, "password": goodPassword, "display_name": name}))
	if r.StatusCode != http.StatusCreated {
		t.Fatalf("register %s: %d %s", email, r.StatusCode, r.Body)
	}
	var sb sessionBody
	r.JSON(t, &sb)
	return sb
}

func (s *testServer) login(t *testing.T, email, pw string) (*response, sessionBody) {
	t.Helper()
	r := s.do(t, http.MethodPost, "/api/v1/auth/login", mustJSON(t, map[string]string{"email": email, "password": pw}))
	var sb sessionBody
	if r.StatusCode == http.StatusOK {
		r.JSON(t, &sb)
	}
	return r, sb
}

func TestRegisterAndLogin(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		// Privileged fields in the body are not even decoded.
		r := s.do(t, http.MethodPost, "/api/v1/auth/register", []byte(`{"email":"  Aiko@Example.COM ","password":"`+goodPassword+`","display_name":"Aiko","role":"admin","id":"x","discoverable":true,"latest_fit":100}`))
		if r.StatusCode != http.StatusCreated {
			t.Fatalf("register: %d %s", r.StatusCode, r.Body)
		}
		var sb sessionBody
		r.JSON(t, &sb)
		if sb.User.Role != "candidate" || sb.User.Email != "aiko@example.com" || sb.User.ID == "x" || sb.User.Discoverable || sb.TokenType != "Bearer" || sb.ExpiresIn < 800 {
			t.Errorf("registered %+v", sb.User)
		}
		if strings.Contains(string(r.Body), "password") || strings.Contains(string(r.Body), "argon2") {
			t.Error("the response mentions the password or its hash")
		}

		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/register", mustJSON(t, map[string]string{"email": "aiko@example.com", "password": goodPassword, "display_name": "Again"})), http.StatusConflict)
		for _, tt := range []struct {
			name, body    string
			schemaRejects bool
		}{
			{"weak password", `{"email":"b@example.com","password":"password123","display_name":"B"}`, false},
			{"short password", `{"email":"b@example.com","password":"short","display_name":"B"}`, false},
			{"bad email", `{"email":"not-an-email","password":"` + goodPassword + `","display_name":"B"}`, false},
			{"long name", `{"email":"b@example.com","password":"` + goodPassword + `","display_name":"` + strings.Repeat("名", 61) + `"}`, false},
			{"missing fields", `{}`, true},
			{"wrong type", `{"email":1,"password":"` + goodPassword + `","display_name":"B"}`, true},
		} {
			t.Run(tt.name, func(t *testing.T) {
				var opts []callOpt
				if tt.schemaRejects {
					opts = append(opts, invalidInput())
				}
				p := wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/register", []byte(tt.body), opts...), http.StatusUnprocessableEntity)
				if len(p.Errors) == 0 || !strings.HasPrefix(p.Errors[0].Path, "$.") {
					t.Errorf("errors = %+v", p.Errors)
				}
			})
		}
		if n := s.count(t, "users"); n != 1 {
			t.Errorf("%d users after refused registrations, want 1", n)
		}

		r, in := s.login(t, "AIKO@example.com", goodPassword)
		if r.StatusCode != http.StatusOK || in.AccessToken == "" || in.RefreshToken == "" || in.User.Email != "aiko@example.com" {
			t.Fatalf("login: %d %s", r.StatusCode, r.Body)
		}
		wrong, _ := s.login(t, "aiko@example.com", "the wrong passphrase 1")
		unknown, _ := s.login(t, "nobody@example.com", goodPassword)
		pw := wantProblem(t, wrong, http.StatusUnauthorized)
		pu := wantProblem(t, unknown, http.StatusUnauthorized)
		if pw.Detail != pu.Detail {
			t.Errorf("wrong password %q and unknown e-mail %q must read the same", pw.Detail, pu.Detail)
		}
		if n := s.count(t, "sessions"); n != 2 {
			t.Errorf("%d sessions, want one per sign-in (2)", n)
		}
	})
}

func TestMe(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		sb := s.register(t, "ken@example.com", "Ken")
		auth := bearer(sb.AccessToken)
		var me struct {
			ID, Email, Role string
			DisplayName     string `json:"display_name"`
			Discoverable    bool
			LatestResult    *struct{} `json:"latest_result"`
		}
		s.get(t, "/api/v1/me", auth).JSON(t, &me)
		if me.Email != "ken@example.com" || me.Role != "candidate" || me.LatestResult != nil {
			t.Errorf("me = %+v", me)
		}
		wantProblem(t, s.get(t, "/api/v1/me"), http.StatusUnauthorized)
		wantProblem(t, s.get(t, "/api/v1/me", header("Authorization", "Basic a2VuOnB3")), http.StatusUnauthorized)

		r := s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"display_name":" 健 ","discoverable":true,"role":"admin","email":"evil@example.com"}`), auth)
		r.JSON(t, &me)
		if r.StatusCode != 200 || me.DisplayName != "健" || !me.Discoverable || me.Role != "candidate" || me.Email != "ken@example.com" {
			t.Errorf("patch: %d %+v", r.StatusCode, me)
		}
		wantProblem(t, s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"display_name":""}`), auth), http.StatusUnprocessableEntity)
		wantProblem(t, s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"discoverable":"yes"}`), auth, invalidInput()), http.StatusUnprocessableEntity)
		wantProblem(t, s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"display_name":`), auth, invalidInput()), http.StatusBadRequest)
	})
}

func TestRefreshRotationAndReuse(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		first := s.register(t, "mio@example.com", "Mio")
		r := s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": first.RefreshToken}))
		var second sessionBody
		r.JSON(t, &second)
		if r.StatusCode != 200 || second.RefreshToken == first.RefreshToken || second.AccessToken == "" {
			t.Fatalf("refresh: %d %s", r.StatusCode, r.Body)
		}
		if got := s.get(t, "/api/v1/me", bearer(second.AccessToken)); got.StatusCode != 200 {
			t.Fatalf("new access token: %d", got.StatusCode)
		}
		// The first refresh token again: a replay. The whole family ends.
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": first.RefreshToken})), http.StatusUnauthorized)
		wantProblem(t, s.get(t, "/api/v1/me", bearer(second.AccessToken)), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": second.RefreshToken})), http.StatusUnauthorized)

		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": "made-up"})), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", []byte(`{}`), invalidInput()), http.StatusUnprocessableEntity)

		// Another sign-in is untouched, and logout ends it at once.
		_, other := s.login(t, "mio@example.com", goodPassword)
		if got := s.get(t, "/api/v1/me", bearer(other.AccessToken)); got.StatusCode != 200 {
			t.Fatalf("other session: %d", got.StatusCode)
		}
		if got := s.do(t, http.MethodPost, "/api/v1/auth/logout", nil, bearer(other.AccessToken)); got.StatusCode != http.StatusNoContent {
			t.Fatalf("logout: %d", got.StatusCode)
		}
		wantProblem(t, s.get(t, "/api/v1/me", bearer(other.AccessToken)), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": other.RefreshToken})), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/logout", nil), http.StatusUnauthorized)
	})
}

func TestClaimAndOwnership(t *testing.T) {
	q := latestQuestionnaire(t)
	eachDB(t, func(t *testing.T, s *testServer) {
		var anon assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(t, q, "pmo-analyst"), "submit": true})).JSON(t, &anon)

		yui := s.register(t, "yui@example.com", "Yui")
		sora := s.register(t, "sora@example.com", "Sora")
		claim := func(who sessionBody, id, tok string) *response {
			return s.do(t, http.MethodPost, "/api/v1/me/assessments", mustJSON(t, map[string]string{"assessment_id": id, "token": tok}), bearer(who.AccessToken))
		}
		wantProblem(t, claim(yui, anon.ID, "wrong-token"), http.StatusNotFound)
		if r := claim(yui, anon.ID, anon.Token); r.StatusCode != http.StatusOK {
			t.Fatalf("claim: %d %s", r.StatusCode, r.Body)
		}
		if r := claim(yui, anon.ID, anon.Token); r.StatusCode != http.StatusOK {
			t.Errorf("claiming one's own again: %d", r.StatusCode)
		}
		wantProblem(t, claim(sora, anon.ID, anon.Token), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/assessments/"+anon.ID, header("X-Assessment-Token", anon.Token)), http.StatusNotFound)

		var mine struct {
			Assessments []struct {
				ID, Status      string
				RecommendedRole *string `json:"recommended_role"`
			}
		}
		s.get(t, "/api/v1/me/assessments", bearer(yui.AccessToken)).JSON(t, &mine)
		if len(mine.Assessments) != 1 || mine.Assessments[0].ID != anon.ID || *mine.Assessments[0].RecommendedRole != "pmo-analyst" {
			t.Errorf("my assessments = %+v", mine)
		}
		var me struct {
			Latest *struct {
				RecommendedRole string `json:"recommended_role"`
				Fit             int
			} `json:"latest_result"`
		}
		s.get(t, "/api/v1/me", bearer(yui.AccessToken)).JSON(t, &me)
		if me.Latest == nil || me.Latest.RecommendedRole != "pmo-analyst" || me.Latest.Fit <= 0 {
			t.Errorf("latest result after claiming = %+v", me.Latest)
		}
		if r := s.get(t, "/api/v1/assessments/"+anon.ID, bearer(yui.AccessToken)); r.StatusCode != 200 {
			t.Errorf("owner reads: %d", r.StatusCode)
		}
		wantProblem(t, s.get(t, "/api/v1/assessments/"+anon.ID, bearer(sora.AccessToken)), http.StatusNotFound)

		// Signed-in creation: owned from the start, no token handed out.
		var owned assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":3}}`), bearer(sora.AccessToken)).JSON(t, &owned)
		if owned.Token != "" {
			t.Error("an owned assessment came with a token")
		}
		if r := s.do(t, http.MethodPatch, "/api/v1/assessments/"+owned.ID, []byte(`{"answers":{"q02":3}}`), bearer(sora.AccessToken)); r.StatusCode != 200 {
			t.Errorf("owner patches: %d", r.StatusCode)
		}
		wantProblem(t, s.do(t, http.MethodPatch, "/api/v1/assessments/"+owned.ID, []byte(`{"answers":{"q02":1}}`), bearer(yui.AccessToken)), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/me/assessments", []byte(`{"assessment_id":"x"}`), bearer(yui.AccessToken), invalidInput()), http.StatusUnprocessableEntity)
	})
}

func TestEraseMe(t *testing.T) {
	q := latestQuestionnaire(t)
	eachDB(t, func(t *testing.T, s *testServer) {
		rin := s.register(t, "rin@example.com", "Rin")
		s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(t, q, "pm-assistant"), "submit": true}), bearer(rin.AccessToken))
		if r := s.do(t, http.MethodDelete, "/api/v1/me", nil, bearer(rin.AccessToken)); r.StatusCode != http.StatusNoContent {
			t.Fatalf("erase: %d %s", r.StatusCode, r.Body)
		}
		wantProblem(t, s.get(t, "/api/v1/me", bearer(rin.AccessToken)), http.StatusUnauthorized)
		r, _ := s.login(t, "rin@example.com", goodPassword)
		wantProblem(t, r, http.StatusUnauthorized)
		for table, want := range map[string]int{"users": 0, "sessions": 0, "refresh_tokens": 0, "assessments": 1} {
			if n := s.count(t, table); n != want {
				t.Errorf("%s: %d rows after erasure, want %d", table, n, want)
			}
		}
		var owners int
		s.DB.SQL().QueryRow("SELECT count(*) FROM assessments WHERE owner_id IS NOT NULL").Scan(&owners)
		if owners != 0 {
			t.Errorf("%d assessments still linked to an owner", owners)
		}
		// The same e-mail can register again, as a new person.
		s.register(t, "rin@example.com", "Rin again")
	})
}

func TestChangePassword(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		first := s.register(t, "hana@example.com", "Hana")
		_, second := s.login(t, "hana@example.com", goodPassword)
		auth := bearer(first.AccessToken)
		p := wantProblem(t, s.do(t, http.MethodPut, "/api/v1/me/password", []byte(`{"current_password":"not it at all","new_password":"a brand new passphrase"}`), auth), http.StatusUnprocessableEntity)
		if len(p.Errors) != 1 || p.Errors[0].Path != "$.current_password" {
			t.Errorf("errors = %+v", p.Errors)
		}
		p = wantProblem(t, s.do(t, http.MethodPut, "/api/v1/me/password", mustJSON(t, map[string]string{"current_password": goodPassword, "new_password": "password1234"}), auth), http.StatusUnprocessableEntity)
		if len(p.Errors) != 1 || p.Errors[0].Path != "$.new_password" {
			t.Errorf("errors = %+v", p.Errors)
		}
		wantProblem(t, s.do(t, http.MethodPut, "/api/v1/me/password", []byte(`{}`), auth, invalidInput()), http.StatusUnprocessableEntity)
		if r := s.do(t, http.MethodPut, "/api/v1/me/password", mustJSON(t, map[string]string{"current_password": goodPassword, "new_password": "a brand new passphrase"}), auth); r.StatusCode != http.StatusNoContent {
			t.Fatalf("change: %d %s", r.StatusCode, r.Body)
		}
		// Every session ends, the other device's too.
		wantProblem(t, s.get(t, "/api/v1/me", auth), http.StatusUnauthorized)
		wantProblem(t, s.get(t, "/api/v1/me", bearer(second.AccessToken)), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/refresh", mustJSON(t, map[string]string{"refresh_token": second.RefreshToken})), http.StatusUnauthorized)
		old, _ := s.login(t, "hana@example.com", goodPassword)
		wantProblem(t, old, http.StatusUnauthorized)
		if r, _ := s.login(t, "hana@example.com", "a brand new passphrase"); r.StatusCode != http.StatusOK {
			t.Errorf("login with the new password: %d", r.StatusCode)
		}
	})
}
