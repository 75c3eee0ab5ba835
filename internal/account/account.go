// Package account manages people and their sign-ins: registration, login,
// rotating refresh tokens, access-token authentication, roles, profiles,
// staff accounts and erasure.
package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"

	"github.com/pmpath/pmpath/internal/construct"
)

// Role is what a person may do.
type Role string

// The roles. Registration always makes a candidate; staff roles are granted
// only by an admin or the `pmpath user create` command.
const (
	Candidate Role = "candidate"
	Advisor   Role = "advisor"
	Recruiter Role = "recruiter"
	Admin     Role = "admin"
)

// ValidStaffRole reports whether r may be given to a staff account.
func ValidStaffRole(r Role) bool { return r == Advisor || r == Recruiter || r == Admin }

// ValidRole reports whether r is a known role.
func ValidRole(r Role) bool { return r == Candidate || ValidStaffRole(r) }

// User is a person with an account.
type User struct {
	ID           string
	Email        string
	DisplayName  string
	Role         Role
	Discoverable bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// Latest is the person's most recent submitted result, if any.
	Latest *Latest
}

// Latest summarizes a person's most recent submitted result.
type Latest struct {
	AssessmentID string
	Role         string
	Lean         construct.Lean
	Fit          int
	SubmittedAt  time.Time
}

// Session is one sign-in; its refresh tokens rotate within it.
type Session struct {
	ID        string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
}

// Principal is the authenticated caller of a request.
type Principal struct {
	UserID    string
	SessionID string
	Role      Role
}

// Tokens are what a sign-in hands the client.
type Tokens struct {
	AccessToken      string
	AccessExpiresAt  time.Time
	RefreshToken     string
	RefreshExpiresAt time.Time
}

// Lifetimes of sign-ins (OWASP ASVS 7.3: an inactivity and an absolute
// limit).
const (
	// RefreshIdle is how long a refresh token stays usable: a session not
	// used for this long ends.
	RefreshIdle = 7 * 24 * time.Hour
	// SessionMax is the absolute lifetime of a session.
	SessionMax = 30 * 24 * time.Hour
)

// newSecret returns a random opaque token and the hash that is stored.
func newSecret() (secret, hash string) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	secret = base64.RawURLEncoding.EncodeToString(b[:])
	return secret, HashSecret(secret)
}

// HashSecret is how refresh tokens are stored.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte("pmpath-refresh:" + secret))
	return hex.EncodeToString(sum[:])
}

// Hasher hashes and verifies passwords.
type Hasher interface {
	Hash(ctx context.Context, pw string) (string, error)
	Verify(ctx context.Context, pw, encoded string) (bool, error)
	DummyVerify(ctx context.Context, pw string)
}

// Signer issues and verifies access tokens.
type Signer interface {
	Issue(userID, sessionID, role string) (string, time.Time, error)
}
