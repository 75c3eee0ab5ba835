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
