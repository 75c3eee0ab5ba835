// Package talent is the recruiters' view of the candidates who opted in to
// being discoverable: name, recommended role, fit and lean, and nothing
// more — never answers, notes or e-mail addresses.
package talent

import (
	"context"
	"time"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/listing"
)

// Store is what the talent pool needs from storage.
type Store interface {
	// ListDiscoverable lists candidates with discoverable set and a result.
	ListDiscoverable(ctx context.Context, f listing.Filter) ([]listing.Row, error)
	audit.Store
}

// Service serves the talent pool.
type Service struct {
	store Store
	now   func() time.Time
}

// NewService returns a Service.
func NewService(store Store, now func() time.Time) *Service { return &Service{store: store, now: now} }

// Pool lists discoverable candidates and records the read.
func (s *Service) Pool(ctx context.Context, recruiter *account.Principal, f listing.Filter) (listing.Page, error) {
	rows, err := s.store.ListDiscoverable(ctx, f)
	if err != nil {
		return listing.Page{}, err
	}
	err = s.store.AppendAudit(ctx, audit.Entry{
		At: s.now().UTC(), ActorID: recruiter.UserID, ActorRole: string(recruiter.Role),
		Action: audit.ListTalent, Detail: "sort=" + f.Sort, RequestID: audit.RequestID(ctx),
	})
	if err != nil {
		return listing.Page{}, err
	}
	return listing.Paginate(rows, f), nil
}
