// Package token issues and verifies pmpath's access tokens: short-lived
// JWTs signed with HMAC-SHA256, with issuer, audience, expiry, not-before
// and an explicit type, checked the way RFC 8725 asks.
package token

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// The fixed parts of every token.
const (
	Issuer   = "pmpath"
	Audience = "pmpath-api"
	// Type is the JWT "typ" header of access tokens (RFC 9068), so a token
	// of another kind signed with the same key is refused.
	Type = "at+jwt"
	// MinKeyBytes is the smallest signing key accepted (RFC 8725 3.5).
	MinKeyBytes = 32
)

// Claims are what an access token says.
type Claims struct {
	// Session is the id of the sign-in the token belongs to; revoking the
	// session revokes the token at once.
	Session string `json:"sid"`
	Role    string `json:"role"`
	jwt.RegisteredClaims
}

// Signer signs and verifies access tokens.
type Signer struct {
	key    []byte
	ttl    time.Duration
	now    func() time.Time
	parser *jwt.Parser
}

// NewSigner returns a Signer. key must be at least MinKeyBytes long.
func NewSigner(key []byte, ttl time.Duration, now func() time.Time) (*Signer, error) {
	if len(key) < MinKeyBytes {
		return nil, fmt.Errorf("token: signing key has %d bytes, need at least %d", len(key), MinKeyBytes)
	}
	return &Signer{
		key: key, ttl: ttl, now: now,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
			jwt.WithIssuer(Issuer),
			jwt.WithAudience(Audience),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithLeeway(30*time.Second),
			jwt.WithTimeFunc(now),
		),
	}, nil
}

// TTL is how long an access token lives.
func (s *Signer) TTL() time.Duration { return s.ttl }

// Issue returns a signed access token for a user's session.
func (s *Signer) Issue(userID, sessionID, role string) (string, time.Time, error) {
	now := s.now()
	exp := now.Add(s.ttl)
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{
		Session: sessionID,
		Role:    role,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    Issuer,
			Subject:   userID,
			Audience:  jwt.ClaimStrings{Audience},
			ExpiresAt: jwt.NewNumericDate(exp),
			NotBefore: jwt.NewNumericDate(now),
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        uuid.NewString(),
		},
	})
	t.Header["typ"] = Type
	signed, err := t.SignedString(s.key)
	return signed, exp, err
}

// ErrInvalid is returned for every token that must not be accepted,
// whatever the reason; the reason is wrapped for logs.
var ErrInvalid = errors.New("invalid access token")

// Verify checks a token's signature first, then its algorithm, type,
// issuer, audience, expiry and not-before, and returns its claims. Any
// failure is ErrInvalid.
func (s *Signer) Verify(raw string) (*Claims, error) {
	if len(raw) > 4096 {
		return nil, fmt.Errorf("%w: too long", ErrInvalid)
	}
	var c Claims
	t, err := s.parser.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) {
		if typ, _ := t.Header["typ"].(string); typ != Type {
			return nil, fmt.Errorf("typ %q", typ)
		}
		return s.key, nil
	})
	if err != nil || !t.Valid {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if c.Subject == "" || c.Session == "" {
		return nil, fmt.Errorf("%w: no subject or session", ErrInvalid)
	}
	return &c, nil
}
