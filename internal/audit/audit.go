// Package audit records staff reads of candidate data — who, whom, what,
// when — for admins to review.
package audit

import (
	"context"
	"time"
)

// Actions recorded.
const (
	ListCandidates = "advisor.list_candidates"
	ViewCandidate  = "advisor.view_candidate"
	ReadNotes      = "advisor.read_notes"
	WriteNote      = "advisor.write_note"
	ListTalent     = "recruiter.list_talent"
)

// Entry is one recorded read.
type Entry struct {
	ID        int64
	At        time.Time
	ActorID   string
	ActorRole string
	Action    string
	SubjectID string // the candidate; empty for listings or once erased
	Detail    string
	RequestID string
}

// Store keeps entries.
type Store interface {
	AppendAudit(ctx context.Context, e Entry) error
	// AuditLog lists entries newest first, before the entry with id
	// before (0 for the newest).
	AuditLog(ctx context.Context, before int64, limit int) ([]Entry, error)
}

type ctxKey struct{}

// WithRequestID puts the request id on ctx for entries to carry.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, ctxKey{}, id)
}

// RequestID returns the request id on ctx.
func RequestID(ctx context.Context) string {
	s, _ := ctx.Value(ctxKey{}).(string)
	return s
}

// Reader reads the log.
type Reader interface {
	// AuditLog lists entries newest first, before the entry with id
	// before (0 for the newest).
	AuditLog(ctx context.Context, before int64, limit int) ([]Entry, error)
	// AuditAbout lists the entries whose subject is userID, newest first.
	AuditAbout(ctx context.Context, userID string) ([]Entry, error)
}

// Service reads the audit log: all of it for admins, and the reads of
// one person's data for that person.
type Service struct {
	store Reader
}

// NewService returns a Service reading store.
func NewService(store Reader) *Service { return &Service{store: store} }

// Log lists up to limit entries newest first, before the entry with id
// before (0 for the newest).
func (s *Service) Log(ctx context.Context, before int64, limit int) ([]Entry, error) {
	return s.store.AuditLog(ctx, before, limit)
}

// About lists when staff read userID's data.
func (s *Service) About(ctx context.Context, userID string) ([]Entry, error) {
	return s.store.AuditAbout(ctx, userID)
}
