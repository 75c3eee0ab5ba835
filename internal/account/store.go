package account

import (
	"context"
	"time"
)

// Store is what accounts need from storage.
type Store interface {
	// CreateUser stores a new user; Conflict when the e-mail is taken.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	// UserByEmail returns a user and their password hash; NotFound if none.
	UserByEmail(ctx context.Context, email string) (*User, string, error)
	// UserByID returns a user; NotFound if none.
	UserByID(ctx context.Context, id string) (*User, error)
	// UpdateProfile changes the fields given (nil leaves one as it is).
	UpdateProfile(ctx context.Context, id string, displayName *string, discoverable *bool, at time.Time) (*User, error)
	// SetPasswordHash replaces a user's password hash.
	SetPasswordHash(ctx context.Context, id, hash string) error
	// CreateSession stores a session and its first refresh token.
	CreateSession(ctx context.Context, s *Session, refreshHash string, refreshExpires time.Time) error
	// RotateRefresh spends the refresh token oldHash and stores newHash in
	// its place, in one transaction. A token spent before means it was
	// stolen or replayed: the store revokes the whole session and returns
	// ErrRefreshReused. Unknown, expired or revoked: Unauthenticated.
	RotateRefresh(ctx context.Context, oldHash, newHash string, now, newExpires time.Time) (*Session, error)
	// RevokeSession ends a session.
	RevokeSession(ctx context.Context, sessionID string, at time.Time) error
	// ActiveUser returns the user of a live session: not revoked, not past
	// its absolute expiry, user still there. NotFound otherwise.
	ActiveUser(ctx context.Context, sessionID, userID string, now time.Time) (*User, error)
	// EraseUser deletes a user's personal data (see docs/privacy.md).
	EraseUser(ctx context.Context, id string) error
}
