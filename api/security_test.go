package api_test

// The security suite: attacks from OWASP API Security Top 10 (2023) tried
// against the real router on both databases. docs/security.md maps each
// test to the item it covers.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/token"
)

var testKey = []byte("test-signing-key-test-signing-key!")

// forgeToken signs claims for sub/sid with any method, key and type.
func forgeToken(t *testing.T, method jwt.SigningMethod, key any, typ string, sub, sid string, edit func(*token.Claims)) string {
	t.Helper()
	now := time.Now()
	c := token.Claims{Session: sid, Role: "admin", RegisteredClaims: jwt.RegisteredClaims{
		Issuer: token.Issuer, Subject: sub, Audience: jwt.ClaimStrings{token.Audience},
		ExpiresAt: jwt.NewNumericDate(now.Add(10 * time.Minute)), NotBefore: jwt.NewNumericDate(now), IssuedAt: jwt.NewNumericDate(now),
	}}
	if edit != nil {
		edit(&c)
	}
	tok := jwt.NewWithClaims(method, c)
	if typ != "" {
		tok.Header["typ"] = typ
	}
	raw, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestSecurityTokens: every malformed, forged or stale access token is a
// 401, even when it names a real user and a live session.
func TestSecurityTokens(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		victim := s.register(t, "victim@example.com", "Victim")
		claims, err := s.Signer.Verify(victim.AccessToken)
		if err != nil {
			t.Fatal(err)
		}
		sub, sid := claims.Subject, claims.Session
		ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		parts := strings.Split(victim.AccessToken, ".")
		payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
		tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(string(payload), `"candidate"`, `"admin"`, 1))) + "." + parts[2]
		none := func() string {
			tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": token.Issuer, "aud": token.Audience, "sub": sub, "sid": sid, "exp": time.Now().Add(time.Hour).Unix()})
			tok.Header["typ"] = token.Type
			raw, _ := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
			return raw
		}()
		attacks := map[string]string{
			"alg none":           none,
			"HS512, same key":    forgeToken(t, jwt.SigningMethodHS512, testKey, token.Type, sub, sid, nil),
			"ES256, its own key": forgeToken(t, jwt.SigningMethodES256, ec, token.Type, sub, sid, nil),
			"HS256, other key":   forgeToken(t, jwt.SigningMethodHS256, []byte("guessed-key-guessed-key-guessed!!"), token.Type, sub, sid, nil),
			"tampered payload":   tampered,
			"expired":            forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, sid, func(c *token.Claims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Hour)) }),
			"not yet valid":      forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, sid, func(c *token.Claims) { c.NotBefore = jwt.NewNumericDate(time.Now().Add(time.Hour)) }),
			"wrong issuer":       forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, sid, func(c *token.Claims) { c.Issuer = "evil" }),
			"wrong audience":     forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, sid, func(c *token.Claims) { c.Audience = jwt.ClaimStrings{"other"} }),
			"wrong type":         forgeToken(t, jwt.SigningMethodHS256, testKey, "JWT", sub, sid, nil),
			"unknown session":    forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, "00000000-0000-4000-8000-000000000000", nil),
			"dots":               strings.Repeat(".", 3000),
		}
		for name, raw := range attacks {
			t.Run(name, func(t *testing.T) {
				p := wantProblem(t, s.get(t, "/api/v1/me", bearer(raw)), http.StatusUnauthorized)
				if p.Type != "urn:pmpath:problem:unauthenticated" {
					t.Errorf("type %q", p.Type)
				}
			})
		}
		// A correctly signed token with a forged role claim gets the
		// account's real role: roles come from the database.
		forgedRole := forgeToken(t, jwt.SigningMethodHS256, testKey, token.Type, sub, sid, nil)
		wantProblem(t, s.get(t, "/api/v1/admin/audit", bearer(forgedRole)), http.StatusForbidden)
	})
}

// TestSecurityBodies: oversized and deeply nested bodies are refused with
// 413 or 400, never a 500, and store nothing.
func TestSecurityBodies(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		users := s.count(t, "users")
		huge := []byte(`{"email":"a@example.com","password":"` + strings.Repeat("p", 70<<10) + `","display_name":"A"}`)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/register", huge), http.StatusRequestEntityTooLarge)
		deep := []byte(`{"email":"a@example.com","display_name":` + strings.Repeat("[", 12000) + strings.Repeat("]", 12000) + `}`)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/auth/register", deep, invalidInput()), http.StatusBadRequest)
		deepAnswers := []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":` + strings.Repeat("[", 12000) + strings.Repeat("]", 12000) + `}}`)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/assessments", deepAnswers, invalidInput()), http.StatusBadRequest)
		manyKeys := `{"questionnaire":"pm-pmo-fit","answers":{`
		for i := 0; i < 3000; i++ {
			if i > 0 {
				manyKeys += ","
			}
			manyKeys += `"k` + strconv.Itoa(i) + `":1`
		}
		manyKeys += "}}"
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/assessments", []byte(manyKeys)), http.StatusUnprocessableEntity)
		if n := s.count(t, "users"); n != users {
			t.Errorf("users %d, was %d", n, users)
		}
		if n := s.count(t, "assessments"); n != 0 {
			t.Errorf("%d assessments stored", n)
		}
	})
}

// TestSecurityRateLimits: repeated sign-ins against one account get 429
// with Retry-After, even with the right password; the limit is per account,
// so another account still works.
func TestSecurityRateLimits(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		s.register(t, "target@example.com", "Target")
		s.register(t, "bystander@example.com", "Bystander")
		var limited *response
		for i := 0; i < 10; i++ {
			r, _ := s.login(t, "target@example.com", "wrong guess number "+strconv.Itoa(i))
			if r.StatusCode == http.StatusTooManyRequests {
				limited = r
				break
			}
			wantProblem(t, r, http.StatusUnauthorized)
		}
		if limited == nil {
			t.Fatal("ten wrong passwords in a row were never limited")
		}
		p := wantProblem(t, limited, http.StatusTooManyRequests)
		if ra, err := strconv.Atoi(limited.Header.Get("Retry-After")); err != nil || ra < 1 || p.Type != "urn:pmpath:problem:too-many-requests" {
			t.Errorf("Retry-After %q, type %q", limited.Header.Get("Retry-After"), p.Type)
		}
		r, _ := s.login(t, "target@example.com", goodPassword)
		wantProblem(t, r, http.StatusTooManyRequests)
		if r, _ := s.login(t, "bystander@example.com", goodPassword); r.StatusCode != http.StatusOK {
			t.Errorf("another account: %d", r.StatusCode)
		}
	})
}

// TestSecurityPerAddressLimit: one address creating accounts in bulk is
// stopped, whatever e-mails it uses.
func TestSecurityPerAddressLimit(t *testing.T) {
	s := newTestServer(t, openSQLite(t))
	codes := map[int]int{}
	for i := 0; i < 40; i++ {
		r := s.do(t, http.MethodPost, "/api/v1/auth/register", mustJSON(t, map[string]string{"email": "bulk" + strconv.Itoa(i) + "@example.com", "password": goodPassword, "display_name": "B"}))
		codes[r.StatusCode]++
	}
	if codes[http.StatusCreated] != 30 || codes[http.StatusTooManyRequests] != 10 {
		t.Errorf("statuses = %v; want 30 created, then 429", codes)
	}
}

// TestSecurityFunctionLevel: every role route refuses every other role
// (403) and anonymous callers (401).
func TestSecurityFunctionLevel(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		sessions := map[account.Role]string{
			account.Candidate: s.register(t, "cand@example.com", "C").AccessToken,
			account.Advisor:   s.staff(t, account.Advisor, "adv@example.com").AccessToken,
			account.Recruiter: s.staff(t, account.Recruiter, "rec@example.com").AccessToken,
			account.Admin:     s.staff(t, account.Admin, "adm@example.com").AccessToken,
		}
		routes := []struct {
			method, path string
			allowed      account.Role
		}{
			{http.MethodGet, "/api/v1/advisor/candidates", account.Advisor},
			{http.MethodGet, "/api/v1/recruiter/talent", account.Recruiter},
			{http.MethodGet, "/api/v1/admin/audit", account.Admin},
			{http.MethodGet, "/api/v1/admin/questionnaires", account.Admin},
			{http.MethodGet, "/api/v1/me/shares", account.Candidate},
		}
		for _, rt := range routes {
			wantProblem(t, s.do(t, rt.method, rt.path, nil), http.StatusUnauthorized)
			for role, tok := range sessions {
				r := s.do(t, rt.method, rt.path, nil, bearer(tok))
				if role == rt.allowed {
					if r.StatusCode != http.StatusOK {
						t.Errorf("%s %s as %s: %d", rt.method, rt.path, role, r.StatusCode)
					}
				} else {
					wantProblem(t, r, http.StatusForbidden)
				}
			}
		}
	})
}
