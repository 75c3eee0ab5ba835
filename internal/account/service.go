package account

import (
	"context"
	"errors"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/errs"
)

// ErrRefreshReused is returned when a refresh token is presented a second
// time; its session has been revoked.
var ErrRefreshReused = errs.E(errs.Unauthenticated, "this refresh token was already used; the session has been ended, sign in again")

// Service runs accounts.
type Service struct {
	store  Store
	hasher Hasher
	check  func(pw, email string) error
	signer Signer
	now    func() time.Time
}

// NewService returns a Service. check is the password policy; its errors
// become field errors as errs.FieldFrom makes them, translatable when they
// are *errs.Error.
func NewService(store Store, hasher Hasher, check func(pw, email string) error, signer Signer, now func() time.Time) *Service {
	micro := func() time.Time { return now().UTC().Truncate(time.Microsecond) }
	return &Service{store: store, hasher: hasher, check: check, signer: signer, now: micro}
}

// NormalizeEmail trims and lower-cases an address and checks its form.
func NormalizeEmail(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || len(s) > 254 {
		return "", false
	}
	return s, true
}

// MaxDisplayName caps display names, in characters.
const MaxDisplayName = 60

func cleanName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > MaxDisplayName {
		return "", errs.Fields("invalid display name", errs.Field("$.display_name", "must be 1 to %d characters", MaxDisplayName))
	}
	return s, nil
}

// NewUser is who to create.
type NewUser struct {
	Email       string
	Password    string
	DisplayName string
	Role        Role
}

func (s *Service) newUser(ctx context.Context, in NewUser) (*User, error) {
	email, ok := NormalizeEmail(in.Email)
	var fields []errs.FieldError
	if !ok {
		fields = append(fields, errs.Field("$.email", "must be an e-mail address"))
	}
	name, err := cleanName(in.DisplayName)
	if err != nil {
		fields = append(fields, errs.Field("$.display_name", "must be 1 to %d characters", MaxDisplayName))
	}
	if err := s.check(in.Password, email); err != nil {
		fields = append(fields, errs.FieldFrom("$.password", err))
	}
	if !ValidRole(in.Role) {
		fields = append(fields, errs.Field("$.role", "must be advisor, recruiter or admin"))
	}
	if len(fields) > 0 {
		return nil, errs.Fields("the account details are not valid", fields...)
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &User{ID: uuid.NewString(), Email: email, DisplayName: name, Role: in.Role, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateUser(ctx, u, hash); err != nil {
		if errs.KindOf(err) == errs.Conflict {
			return nil, errs.E(errs.Conflict, "an account with this e-mail already exists")
		}
		return nil, err
	}
	return u, nil
}

// Register creates a candidate account and signs it in. Whatever else the
// caller sent, the role is candidate.
func (s *Service) Register(ctx context.Context, email, password, displayName string) (*User, *Tokens, error) {
	u, err := s.newUser(ctx, NewUser{Email: email, Password: password, DisplayName: displayName, Role: Candidate})
	if err != nil {
		return nil, nil, err
	}
	t, err := s.startSession(ctx, u)
	return u, t, err
}

// CreateStaff creates an advisor, recruiter or admin account.
func (s *Service) CreateStaff(ctx context.Context, in NewUser) (*User, error) {
	if !ValidStaffRole(in.Role) {
		return nil, errs.Fields("invalid role", errs.Field("$.role", "must be advisor, recruiter or admin"))
	}
	return s.newUser(ctx, in)
}

var errBadLogin = errs.E(errs.Unauthenticated, "the e-mail or the password is wrong")

// Login checks a password and starts a new session (ASVS 7.2.4).
func (s *Service) Login(ctx context.Context, email, password string) (*User, *Tokens, error) {
	norm, ok := NormalizeEmail(email)
	if !ok || password == "" || utf8.RuneCountInString(password) > 1024 {
		s.hasher.DummyVerify(ctx, password)
		return nil, nil, errBadLogin
	}
	u, hash, err := s.store.UserByEmail(ctx, norm)
	if errs.KindOf(err) == errs.NotFound {
		s.hasher.DummyVerify(ctx, password)
		return nil, nil, errBadLogin
	}
	if err != nil {
		return nil, nil, err
	}
	ok, err = s.hasher.Verify(ctx, password, hash)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, errBadLogin
	}
	t, err := s.startSession(ctx, u)
	return u, t, err
}

func (s *Service) startSession(ctx context.Context, u *User) (*Tokens, error) {
	now := s.now()
	sess := &Session{ID: uuid.NewString(), UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(SessionMax)}
	refresh, hash := newSecret()
	refreshExp := minTime(now.Add(RefreshIdle), sess.ExpiresAt)
	if err := s.store.CreateSession(ctx, sess, hash, refreshExp); err != nil {
		return nil, err
	}
	access, exp, err := s.signer.Issue(u.ID, sess.ID, string(u.Role))
	if err != nil {
		return nil, err
	}
	return &Tokens{AccessToken: access, AccessExpiresAt: exp, RefreshToken: refresh, RefreshExpiresAt: refreshExp}, nil
}

// Refresh spends a refresh token and returns a new pair in the same
// session. Presenting a spent token ends the session (ErrRefreshReused).
func (s *Service) Refresh(ctx context.Context, refresh string) (*Tokens, error) {
	if refresh == "" || len(refresh) > 256 {
		return nil, errs.E(errs.Unauthenticated, "the refresh token is not valid")
	}
	now := s.now()
	next, nextHash := newSecret()
	sess, err := s.store.RotateRefresh(ctx, HashSecret(refresh), nextHash, now, now.Add(RefreshIdle))
	if err != nil {
		return nil, err
	}
	u, err := s.store.ActiveUser(ctx, sess.ID, sess.UserID, now)
	if err != nil {
		return nil, errs.E(errs.Unauthenticated, "the session has ended; sign in again")
	}
	access, exp, err := s.signer.Issue(u.ID, sess.ID, string(u.Role))
	if err != nil {
		return nil, err
	}
	return &Tokens{AccessToken: access, AccessExpiresAt: exp, RefreshToken: next, RefreshExpiresAt: minTime(now.Add(RefreshIdle), sess.ExpiresAt)}, nil
}

// Logout ends the caller's session: its access and refresh tokens stop
// working at once.
func (s *Service) Logout(ctx context.Context, p *Principal) error {
	return s.store.RevokeSession(ctx, p.SessionID, s.now())
}

// Authenticate turns verified token claims into a principal, checking the
// session is live and taking the role from the account, not the token, so
// a role change or erasure applies at once.
func (s *Service) Authenticate(ctx context.Context, userID, sessionID string) (*Principal, error) {
	u, err := s.store.ActiveUser(ctx, sessionID, userID, s.now())
	if errs.KindOf(err) == errs.NotFound {
		return nil, errs.E(errs.Unauthenticated, "the session has ended; sign in again")
	}
	if err != nil {
		return nil, err
	}
	return &Principal{UserID: u.ID, SessionID: sessionID, Role: u.Role}, nil
}

// Me returns the caller's account.
func (s *Service) Me(ctx context.Context, p *Principal) (*User, error) {
	return s.store.UserByID(ctx, p.UserID)
}

// Update says which profile fields to change.
type Update struct {
	DisplayName  *string
	Discoverable *bool
}

// UpdateMe changes the caller's display name or discoverability. Only
// candidates can be discoverable.
func (s *Service) UpdateMe(ctx context.Context, p *Principal, in Update) (*User, error) {
	if in.DisplayName != nil {
		name, err := cleanName(*in.DisplayName)
		if err != nil {
			return nil, err
		}
		in.DisplayName = &name
	}
	if in.Discoverable != nil && *in.Discoverable && p.Role != Candidate {
		return nil, errs.Fields("only candidates can join the talent pool", errs.Field("$.discoverable", "only candidates can be discoverable"))
	}
	return s.store.UpdateProfile(ctx, p.UserID, in.DisplayName, in.Discoverable, s.now())
}

// Erase deletes the caller's personal data and ends every session.
func (s *Service) Erase(ctx context.Context, p *Principal) error {
	return s.store.EraseUser(ctx, p.UserID)
}

// ChangePassword checks the current password, sets a new one, and ends
// every session of the account, this one included (ASVS 7.4.3): the caller
// signs in again with the new password.
func (s *Service) ChangePassword(ctx context.Context, p *Principal, current, next string) error {
	u, hash, err := s.userWithHash(ctx, p.UserID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Verify(ctx, current, hash)
	if err != nil {
		return err
	}
	if !ok {
		return errs.Fields("the current password is wrong", errs.Field("$.current_password", "is not your current password"))
	}
	if err := s.check(next, u.Email); err != nil {
		return errs.Fields("the new password is not acceptable", errs.FieldFrom("$.new_password", err))
	}
	newHash, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return err
	}
	return s.store.SetPasswordHash(ctx, u.ID, newHash)
}

func (s *Service) userWithHash(ctx context.Context, id string) (*User, string, error) {
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return nil, "", err
	}
	u, hash, err := s.store.UserByEmail(ctx, u.Email)
	return u, hash, err
}

// IsReuse reports whether err is a refresh-token reuse.
func IsReuse(err error) bool { return errors.Is(err, ErrRefreshReused) }

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
