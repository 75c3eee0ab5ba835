// Package progress tracks a candidate's progress on roadmap steps. It is
// keyed by the steps' stable ids, so rewording the catalog keeps it.
package progress

import (
	"context"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
)

// The statuses a step can have; a step never marked is pending.
const (
	Done     = "done"
	Learning = "learning"
	Pending  = "pending"
	Skipped  = "skipped"
)

// ValidStatus reports whether s is a status.
func ValidStatus(s string) bool {
	return s == Done || s == Learning || s == Pending || s == Skipped
}

// Mark is one step's status.
type Mark struct {
	StepID    string
	Status    string
	UpdatedAt time.Time
}

// Store keeps marks.
type Store interface {
	SetProgress(ctx context.Context, userID string, m Mark) error
	Progress(ctx context.Context, userID string) ([]Mark, error)
}

// Service tracks progress.
type Service struct {
	store    Store
	catalogs *catalog.Service
	now      func() time.Time
}

// NewService returns a Service.
func NewService(store Store, catalogs *catalog.Service, now func() time.Time) *Service {
	return &Service{store: store, catalogs: catalogs, now: func() time.Time { return now().UTC().Truncate(time.Microsecond) }}
}

// Set marks a step of any catalog role.
func (s *Service) Set(ctx context.Context, userID, stepID, status string) (*Mark, error) {
	if !ValidStatus(status) {
		return nil, errs.Fields("invalid status", errs.Field("$.status", "must be done, learning, pending or skipped"))
	}
	snap, err := s.catalogs.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if !hasStep(snap.Catalog, stepID) {
		return nil, errs.E(errs.NotFound, "no roadmap step %q", stepID)
	}
	m := Mark{StepID: stepID, Status: status, UpdatedAt: s.now()}
	return &m, s.store.SetProgress(ctx, userID, m)
}

// Marks returns every step the user has marked, by step id.
func (s *Service) Marks(ctx context.Context, userID string) (map[string]Mark, error) {
	ms, err := s.store.Progress(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Mark, len(ms))
	for _, m := range ms {
		out[m.StepID] = m
	}
	return out, nil
}

func hasStep(c *catalog.Catalog, id string) bool {
	for _, r := range c.Roles {
		for _, st := range r.Roadmap {
			if st.ID == id {
				return true
			}
		}
	}
	return false
}
