package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
)

type userRow struct {
	ID                 string `gorm:"primaryKey"`
	Email              string
	PasswordHash       string
	Role               string
	DisplayName        string
	Discoverable       bool
	CreatedAt          time.Time
	UpdatedAt          time.Time
	LatestAssessmentID *string
	LatestRole         string
	LatestLean         string
	LatestFit          int
	LatestSubmittedAt  *time.Time
}

func (userRow) TableName() string { return "users" }

func userFromRow(r userRow) *account.User {
	u := &account.User{
		ID: r.ID, Email: r.Email, DisplayName: r.DisplayName, Role: account.Role(r.Role),
		Discoverable: r.Discoverable, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.LatestAssessmentID != nil && r.LatestSubmittedAt != nil {
		u.Latest = &account.Latest{
			AssessmentID: *r.LatestAssessmentID, Role: r.LatestRole, Lean: construct.Lean(r.LatestLean),
			Fit: r.LatestFit, SubmittedAt: r.LatestSubmittedAt.UTC(),
		}
	}
	return u
}

type sessionRow struct {
	ID        string `gorm:"primaryKey"`
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
}

func (sessionRow) TableName() string { return "sessions" }

type refreshRow struct {
	TokenHash string `gorm:"primaryKey"`
	SessionID string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (refreshRow) TableName() string { return "refresh_tokens" }

// CreateUser stores a new user.
func (db *DB) CreateUser(ctx context.Context, u *account.User, passwordHash string) error {
	row := userRow{
		ID: u.ID, Email: u.Email, PasswordHash: passwordHash, Role: string(u.Role), DisplayName: u.DisplayName,
		Discoverable: u.Discoverable, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, LatestFit: -1,
	}
	return translate(db.gorm.WithContext(ctx).Create(&row).Error, "user")
}

// UserByEmail returns a user and their password hash.
func (db *DB) UserByEmail(ctx context.Context, email string) (*account.User, string, error) {
	var row userRow
	if err := db.gorm.WithContext(ctx).Take(&row, "email = ?", email).Error; err != nil {
		return nil, "", translate(err, "user")
	}
	return userFromRow(row), row.PasswordHash, nil
}

// UserByID returns a user.
func (db *DB) UserByID(ctx context.Context, id string) (*account.User, error) {
	var row userRow
	if err := db.gorm.WithContext(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return nil, translate(err, "user")
	}
	return userFromRow(row), nil
}

// UpdateProfile changes the given profile fields, and only those columns.
func (db *DB) UpdateProfile(ctx context.Context, id string, displayName *string, discoverable *bool, at time.Time) (*account.User, error) {
	cols := map[string]any{"updated_at": at}
	if displayName != nil {
		cols["display_name"] = *displayName
	}
	if discoverable != nil {
		cols["discoverable"] = *discoverable
	}
	res := db.gorm.WithContext(ctx).Model(&userRow{}).Where("id = ?", id).Updates(cols)
	if res.Error != nil {
		return nil, translate(res.Error, "user")
	}
	if res.RowsAffected == 0 {
		return nil, errs.E(errs.NotFound, "user not found")
	}
	return db.UserByID(ctx, id)
}

// SetPasswordHash replaces a user's password hash and ends their sessions
// (ASVS 7.4.3).
func (db *DB) SetPasswordHash(ctx context.Context, id, hash string) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&userRow{}).Where("id = ?", id).Update("password_hash", hash)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errs.E(errs.NotFound, "user not found")
		}
		return tx.Model(&sessionRow{}).Where("user_id = ? AND revoked_at IS NULL", id).Update("revoked_at", time.Now().UTC()).Error
	})
	return translate(err, "user")
}

// CreateSession stores a session and its first refresh token.
func (db *DB) CreateSession(ctx context.Context, s *account.Session, refreshHash string, refreshExpires time.Time) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&sessionRow{ID: s.ID, UserID: s.UserID, CreatedAt: s.CreatedAt, ExpiresAt: s.ExpiresAt}).Error; err != nil {
			return err
		}
		return tx.Create(&refreshRow{TokenHash: refreshHash, SessionID: s.ID, CreatedAt: s.CreatedAt, ExpiresAt: refreshExpires}).Error
	})
	return translate(err, "session")
}

var errNoRefresh = errs.E(errs.Unauthenticated, "the refresh token is not valid or has expired; sign in again")

// RotateRefresh spends a refresh token and stores its successor.
func (db *DB) RotateRefresh(ctx context.Context, oldHash, newHash string, now, newExpires time.Time) (*account.Session, error) {
	var (
		sess   sessionRow
		reused bool
	)
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var tok refreshRow
		q := tx
		if db.dialect == Postgres {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		if err := q.Take(&tok, "token_hash = ?", oldHash).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return errNoRefresh
			}
			return err
		}
		if err := tx.Take(&sess, "id = ?", tok.SessionID).Error; err != nil {
			return err
		}
		if tok.UsedAt != nil {
			// Replayed: whoever holds it, the family is compromised.
			reused = true
			return tx.Model(&sessionRow{}).Where("id = ? AND revoked_at IS NULL", sess.ID).Update("revoked_at", now).Error
		}
		if sess.RevokedAt != nil || !now.Before(sess.ExpiresAt) || !now.Before(tok.ExpiresAt) {
			return errNoRefresh
		}
		res := tx.Model(&refreshRow{}).Where("token_hash = ? AND used_at IS NULL", oldHash).Update("used_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			reused = true
			return tx.Model(&sessionRow{}).Where("id = ?", sess.ID).Update("revoked_at", now).Error
		}
		exp := newExpires
		if sess.ExpiresAt.Before(exp) {
			exp = sess.ExpiresAt
		}
		return tx.Create(&refreshRow{TokenHash: newHash, SessionID: sess.ID, CreatedAt: now, ExpiresAt: exp}).Error
	})
	if err != nil {
		return nil, translate(err, "session")
	}
	if reused {
		return nil, account.ErrRefreshReused
	}
	return &account.Session{ID: sess.ID, UserID: sess.UserID, CreatedAt: sess.CreatedAt.UTC(), ExpiresAt: sess.ExpiresAt.UTC()}, nil
}

// RevokeSession ends a session.
func (db *DB) RevokeSession(ctx context.Context, sessionID string, at time.Time) error {
	err := db.gorm.WithContext(ctx).Model(&sessionRow{}).Where("id = ? AND revoked_at IS NULL", sessionID).Update("revoked_at", at).Error
	return translate(err, "session")
}

// ActiveUser returns the user of a live session.
func (db *DB) ActiveUser(ctx context.Context, sessionID, userID string, now time.Time) (*account.User, error) {
	var row userRow
	err := db.gorm.WithContext(ctx).
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.id = ? AND users.id = ? AND sessions.revoked_at IS NULL AND sessions.expires_at > ?", sessionID, userID, now).
		Take(&row).Error
	if err != nil {
		return nil, translate(err, "session")
	}
	return userFromRow(row), nil
}

// EraseUser deletes a user and their personal data in one transaction:
// the account, sessions, shares, notes about them and their roadmap
// progress go; their assessments stay, anonymous and unreachable (no owner,
// no token), for the instrument statistics; audit entries about them stay
// with the subject removed.
func (db *DB) EraseUser(ctx context.Context, id string) error {
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var ids []string
		if err := tx.Model(&assessmentRow{}).Where("owner_id = ?", id).Pluck("id", &ids).Error; err != nil {
			return err
		}
		if len(ids) > 0 {
			if err := tx.Where("assessment_id IN ?", ids).Delete(&idempotencyRow{}).Error; err != nil {
				return err
			}
			if err := tx.Model(&assessmentRow{}).Where("id IN ?", ids).
				Updates(map[string]any{"owner_id": nil, "token_hash": "erased"}).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec("UPDATE audit_log SET subject_id = NULL WHERE subject_id = ?", id).Error; err != nil {
			return err
		}
		res := tx.Delete(&userRow{}, "id = ?", id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errs.E(errs.NotFound, "user not found")
		}
		return nil
	})
	return translate(err, "user")
}

type serverKeyRow struct {
	Name      string `gorm:"primaryKey"`
	Value     string
	CreatedAt time.Time
}

func (serverKeyRow) TableName() string { return "server_keys" }

// ServerKey returns the key stored under name, storing generate()'s value
// first if there is none. Replicas starting together agree on one value.
func (db *DB) ServerKey(ctx context.Context, name string, generate func() string) (string, error) {
	row := serverKeyRow{Name: name, Value: generate(), CreatedAt: time.Now().UTC()}
	if err := db.gorm.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return "", translate(err, "server key")
	}
	var got serverKeyRow
	if err := db.gorm.WithContext(ctx).Take(&got, "name = ?", name).Error; err != nil {
		return "", translate(err, "server key")
	}
	return got.Value, nil
}
