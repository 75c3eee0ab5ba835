package token

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var (
	key   = []byte("0123456789abcdef0123456789abcdef")
	clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
)

func signer(t *testing.T, now time.Time) *Signer {
	t.Helper()
	s, err := NewSigner(key, 15*time.Minute, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// forge signs arbitrary claims and headers, the way an attacker would.
func forge(t *testing.T, method jwt.SigningMethod, signKey any, typ string, edit func(*Claims)) string {
	t.Helper()
	c := Claims{Session: "s1", Role: "candidate", RegisteredClaims: jwt.RegisteredClaims{
		Issuer: Issuer, Subject: "u1", Audience: jwt.ClaimStrings{Audience},
		ExpiresAt: jwt.NewNumericDate(clock.Add(10 * time.Minute)), NotBefore: jwt.NewNumericDate(clock), IssuedAt: jwt.NewNumericDate(clock),
	}}
	if edit != nil {
		edit(&c)
	}
	tok := jwt.NewWithClaims(method, c)
	if typ != "" {
		tok.Header["typ"] = typ
	}
	s, err := tok.SignedString(signKey)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIssueVerify(t *testing.T) {
	s := signer(t, clock)
	raw, exp, err := s.Issue("u1", "s1", "advisor")
	if err != nil {
		t.Fatal(err)
	}
	if !exp.Equal(clock.Add(15 * time.Minute)) {
		t.Errorf("exp = %v", exp)
	}
	c, err := s.Verify(raw)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if c.Subject != "u1" || c.Session != "s1" || c.Role != "advisor" || c.ID == "" {
		t.Errorf("claims = %+v", c)
	}
	if _, err := NewSigner([]byte("short"), time.Minute, time.Now); err == nil {
		t.Error("a 5-byte key was accepted")
	}
}

func TestVerifyRefuses(t *testing.T) {
	s := signer(t, clock)
	good, _, _ := s.Issue("u1", "s1", "candidate")
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	parts := strings.Split(good, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(string(payload), `"candidate"`, `"admin"`, 1))) + "." + parts[2]
	noneTok := func() string {
		tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": Issuer, "aud": Audience, "sub": "u1", "sid": "s1", "role": "admin", "exp": clock.Add(time.Hour).Unix()})
		tok.Header["typ"] = Type
		raw, _ := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
		return raw
	}()

	tests := map[string]string{
		"alg none":            noneTok,
		"alg none, no sig":    strings.TrimSuffix(noneTok, "."),
		"HS512 same key":      forge(t, jwt.SigningMethodHS512, key, Type, nil),
		"ES256 other key":     forge(t, jwt.SigningMethodES256, ec, Type, nil),
		"HS256 other key":     forge(t, jwt.SigningMethodHS256, []byte("another-key-another-key-another-key"), Type, nil),
		"tampered payload":    tampered,
		"expired":             forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.ExpiresAt = jwt.NewNumericDate(clock.Add(-time.Minute)) }),
		"no expiry":           forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.ExpiresAt = nil }),
		"not yet valid":       forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.NotBefore = jwt.NewNumericDate(clock.Add(5 * time.Minute)) }),
		"issued in future":    forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.IssuedAt = jwt.NewNumericDate(clock.Add(5 * time.Minute)) }),
		"wrong issuer":        forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.Issuer = "someone-else" }),
		"wrong audience":      forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.Audience = jwt.ClaimStrings{"other-api"} }),
		"no typ":              forge(t, jwt.SigningMethodHS256, key, "", nil),
		"other typ":           forge(t, jwt.SigningMethodHS256, key, "JWT", nil),
		"no session":          forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.Session = "" }),
		"no subject":          forge(t, jwt.SigningMethodHS256, key, Type, func(c *Claims) { c.Subject = "" }),
		"garbage":             "not.a.token",
		"empty":               "",
		"header full of dots": strings.Repeat(".", 5000),
	}
	for name, raw := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := s.Verify(raw)
			if !errors.Is(err, ErrInvalid) || c != nil {
				t.Errorf("Verify accepted it: %+v, %v", c, err)
			}
		})
	}
	// Within the 30 s leeway a just-expired token still passes; past it, not.
	late := signer(t, clock.Add(15*time.Minute+20*time.Second))
	if _, err := late.Verify(good); err != nil {
		t.Errorf("20 s past expiry, inside the leeway: %v", err)
	}
	later := signer(t, clock.Add(15*time.Minute+time.Minute))
	if _, err := later.Verify(good); !errors.Is(err, ErrInvalid) {
		t.Errorf("a minute past expiry: %v", err)
	}
}
