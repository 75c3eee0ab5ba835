//go:build slow

package systemtest

import (
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/store"
)

// session is a sign-in's token pair.
type session struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// TestTwoProcessesShareOneDatabase runs two pmpath processes on one
// PostgreSQL database, started together on an empty database and without
// PMPATH_JWT_SECRET (the default: a key generated once and kept in the
// database). Whatever one process issues or stores, the other must honour:
// tokens, refresh-token rotation, sign-out, and anonymous assessments begun
// on one and finished on the other.
func TestTwoProcessesShareOneDatabase(t *testing.T) {
	db := newDatabase(t, store.Postgres)
	// Launched at once: both migrate, seed, publish the questionnaires and
	// settle the signing key concurrently.
	a := launchPmpath(t, "pmpath A", db.settings...)
	b := launchPmpath(t, "pmpath B", db.settings...)
	a.awaitReady(t)
	b.awaitReady(t)
	ca, cb := newClient(a.URL, false), newClient(b.URL, false)
	sqlDB := db.open(t)
	if n := queryInt(t, sqlDB, "SELECT count(*) FROM server_keys WHERE name = 'jwt-hs256'"); n != 1 {
		t.Fatalf("%d signing keys stored after two processes started, want 1", n)
	}

	// Accounts: sign up and in on A, use the tokens on B.
	account := encode(map[string]string{"email": "replica@example.com", "password": "a long passphrase 1", "display_name": "Replica"})
	var first, second session
	decode(t, expect(t, ca.must(t, http.MethodPost, "/api/v1/auth/register", account), http.StatusCreated), &first)
	decode(t, expect(t, ca.must(t, http.MethodPost, "/api/v1/auth/login", account), http.StatusOK), &second)
	var me struct {
		Email string `json:"email"`
	}
	r := cb.must(t, http.MethodGet, "/api/v1/me", nil, "Authorization", "Bearer "+second.AccessToken)
	if r.status != http.StatusOK {
		t.Fatalf("an access token issued by A, used on B: %s; want 200 (the processes must share the signing key)", r)
	}
	if decode(t, r, &me); me.Email != "replica@example.com" {
		t.Errorf("B says the token belongs to %q", me.Email)
	}
	var rotated session
	r = cb.must(t, http.MethodPost, "/api/v1/auth/refresh", encode(map[string]string{"refresh_token": second.RefreshToken}))
	if r.status != http.StatusOK {
		t.Fatalf("a refresh token issued by A, spent on B: %s; want 200", r)
	}
	decode(t, r, &rotated)
	expect(t, ca.must(t, http.MethodGet, "/api/v1/me", nil, "Authorization", "Bearer "+rotated.AccessToken), http.StatusOK)
	// Spent on B, so replaying it on A is reuse: refused, and the session
	// it belongs to ends on both processes.
	if r := ca.must(t, http.MethodPost, "/api/v1/auth/refresh", encode(map[string]string{"refresh_token": second.RefreshToken})); r.status != http.StatusUnauthorized {
		t.Errorf("replaying on A a refresh token already spent on B: %s; want 401", r)
	}
	for _, c := range []*client{ca, cb} {
		if r := c.must(t, http.MethodGet, "/api/v1/me", nil, "Authorization", "Bearer "+rotated.AccessToken); r.status != http.StatusUnauthorized {
			t.Errorf("the session revoked for refresh-token reuse still works at %s: %s; want 401", c.base, r)
		}
	}
	// Signing out on B ends the session on A.
	expect(t, cb.must(t, http.MethodPost, "/api/v1/auth/logout", nil, "Authorization", "Bearer "+first.AccessToken), http.StatusNoContent)
	if r := ca.must(t, http.MethodGet, "/api/v1/me", nil, "Authorization", "Bearer "+first.AccessToken); r.status != http.StatusUnauthorized {
		t.Errorf("a session signed out on B still works on A: %s; want 401", r)
	}

	// Assessments: begin anonymously on A, answer and submit on B, read on A.
	var draft, submitted, read assessmentView
	decode(t, expect(t, ca.must(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":4}}`)), http.StatusCreated), &draft)
	path := "/api/v1/assessments/" + draft.ID
	token := []string{"X-Assessment-Token", draft.Token}
	if r := cb.must(t, http.MethodPatch, path, encode(map[string]any{"answers": fullAnswers(t)}), token...); r.status != http.StatusOK {
		t.Fatalf("answering on B a draft begun on A: %s; want 200", r)
	}
	key := uuid.NewString()
	r = cb.must(t, http.MethodPost, path+"/submit", nil, append(token, "Idempotency-Key", key)...)
	if r.status != http.StatusOK {
		t.Fatalf("submitting on B a draft begun on A: %s; want 200", r)
	}
	decode(t, r, &submitted)
	decode(t, expect(t, ca.must(t, http.MethodGet, path, nil, token...), http.StatusOK), &read)
	if read.Status != "submitted" || !sameJSON(read.Result, submitted.Result) {
		t.Errorf("A reads assessment %s as %q with another result than B answered", draft.ID, read.Status)
	}
	// The submission's key works across processes too.
	r = expect(t, ca.must(t, http.MethodPost, path+"/submit", nil, append(token, "Idempotency-Key", key)...), http.StatusOK)
	if !replayed(r) {
		t.Errorf("retrying on A a submission made on B with its Idempotency-Key was not a replay: %s", r)
	}
	if n := queryInt(t, sqlDB, "SELECT count(*) FROM assessments"); n != 1 {
		t.Errorf("%d assessments stored, want 1", n)
	}
}
