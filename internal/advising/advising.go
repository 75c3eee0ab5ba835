// Package advising is the relationship between candidates and career
// advisors: candidates share their results with an advisor and can take it
// back; an advisor sees only the candidates who share with them, their
// attempts, and keeps private notes. Every staff read is audited.
package advising

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/listing"
)

// Share is a candidate sharing their results with an advisor.
type Share struct {
	AdvisorID   string
	AdvisorName string
	CandidateID string
	CreatedAt   time.Time
}

// Note is an advisor's private note about a candidate.
type Note struct {
	ID        string
	Body      string
	CreatedAt time.Time
}

// Profile is what an advisor sees of one candidate.
type Profile struct {
	User     *account.User
	SharedAt time.Time
	// Attempts are the candidate's submitted assessments, oldest first.
	Attempts []*assessment.Assessment
}

// Store is what advising needs from storage. Every advisor-side method
// takes the advisor's id and answers only for candidates who share with
// them: the check is in the query, not only in the route.
type Store interface {
	UserByEmail(ctx context.Context, email string) (*account.User, string, error)
	AddShare(ctx context.Context, candidateID, advisorID string, at time.Time) (*Share, error)
	RemoveShare(ctx context.Context, candidateID, advisorID string) error
	SharesOf(ctx context.Context, candidateID string) ([]Share, error)
	ListSharedCandidates(ctx context.Context, advisorID string, f listing.Filter) ([]listing.Row, error)
	SharedCandidate(ctx context.Context, advisorID, candidateID string) (*account.User, time.Time, error)
	SubmittedAssessmentsOf(ctx context.Context, ownerID string) ([]*assessment.Assessment, error)
	Notes(ctx context.Context, advisorID, candidateID string) ([]Note, error)
	AddNote(ctx context.Context, advisorID, candidateID string, n Note) error
	audit.Store
}

// Service runs advising.
type Service struct {
	store Store
	now   func() time.Time
}

// NewService returns a Service.
func NewService(store Store, now func() time.Time) *Service {
	return &Service{store: store, now: func() time.Time { return now().UTC().Truncate(time.Microsecond) }}
}

// ShareWith shares the candidate's results with the advisor who has that
// e-mail. Sharing twice is a no-op.
func (s *Service) ShareWith(ctx context.Context, candidate *account.Principal, advisorEmail string) (*Share, error) {
	email, ok := account.NormalizeEmail(advisorEmail)
	if !ok {
		return nil, errs.Fields("invalid e-mail", errs.Field("$.advisor_email", "must be an e-mail address"))
	}
	adv, _, err := s.store.UserByEmail(ctx, email)
	if errs.KindOf(err) == errs.NotFound || (err == nil && adv.Role != account.Advisor) {
		return nil, errs.E(errs.NotFound, "no advisor has the e-mail %s", email)
	}
	if err != nil {
		return nil, err
	}
	return s.store.AddShare(ctx, candidate.UserID, adv.ID, s.now())
}

// Unshare takes a share back.
func (s *Service) Unshare(ctx context.Context, candidate *account.Principal, advisorID string) error {
	if _, err := uuid.Parse(advisorID); err != nil {
		return errs.E(errs.NotFound, "you do not share with %q", advisorID)
	}
	return s.store.RemoveShare(ctx, candidate.UserID, advisorID)
}

// Shares lists who the candidate shares with.
func (s *Service) Shares(ctx context.Context, candidate *account.Principal) ([]Share, error) {
	return s.store.SharesOf(ctx, candidate.UserID)
}

func (s *Service) record(ctx context.Context, p *account.Principal, action, subject, detail string) error {
	return s.store.AppendAudit(ctx, audit.Entry{
		At: s.now(), ActorID: p.UserID, ActorRole: string(p.Role), Action: action,
		SubjectID: subject, Detail: detail, RequestID: audit.RequestID(ctx),
	})
}

// Candidates lists the candidates who share with the advisor.
func (s *Service) Candidates(ctx context.Context, advisor *account.Principal, f listing.Filter) (listing.Page, error) {
	rows, err := s.store.ListSharedCandidates(ctx, advisor.UserID, f)
	if err != nil {
		return listing.Page{}, err
	}
	if err := s.record(ctx, advisor, audit.ListCandidates, "", describe(f)); err != nil {
		return listing.Page{}, err
	}
	return listing.Paginate(rows, f), nil
}

func describe(f listing.Filter) string {
	var b strings.Builder
	b.WriteString("sort=" + f.Sort)
	if f.Role != "" {
		b.WriteString(" role=" + f.Role)
	}
	if f.Lean != "" {
		b.WriteString(" lean=" + string(f.Lean))
	}
	if f.MinFit > 0 {
		b.WriteString(" min_fit")
	}
	if f.Query != "" {
		b.WriteString(" q")
	}
	return b.String()
}

func (s *Service) shared(ctx context.Context, advisor *account.Principal, candidateID string) (*account.User, time.Time, error) {
	if _, err := uuid.Parse(candidateID); err != nil {
		return nil, time.Time{}, errs.E(errs.NotFound, "no candidate %q shares with you", candidateID)
	}
	u, at, err := s.store.SharedCandidate(ctx, advisor.UserID, candidateID)
	if errs.KindOf(err) == errs.NotFound {
		return nil, time.Time{}, errs.E(errs.NotFound, "no candidate %q shares with you", candidateID)
	}
	return u, at, err
}

// Candidate returns one sharing candidate's profile and attempt history.
func (s *Service) Candidate(ctx context.Context, advisor *account.Principal, candidateID string) (*Profile, error) {
	u, at, err := s.shared(ctx, advisor, candidateID)
	if err != nil {
		return nil, err
	}
	attempts, err := s.store.SubmittedAssessmentsOf(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if err := s.record(ctx, advisor, audit.ViewCandidate, u.ID, ""); err != nil {
		return nil, err
	}
	return &Profile{User: u, SharedAt: at, Attempts: attempts}, nil
}

// Notes returns the advisor's own notes about a sharing candidate.
func (s *Service) Notes(ctx context.Context, advisor *account.Principal, candidateID string) ([]Note, error) {
	u, _, err := s.shared(ctx, advisor, candidateID)
	if err != nil {
		return nil, err
	}
	notes, err := s.store.Notes(ctx, advisor.UserID, u.ID)
	if err != nil {
		return nil, err
	}
	return notes, s.record(ctx, advisor, audit.ReadNotes, u.ID, "")
}

// MaxNote caps a note's length in characters.
const MaxNote = 4000

// AddNote keeps a private note about a sharing candidate.
func (s *Service) AddNote(ctx context.Context, advisor *account.Principal, candidateID, body string) (*Note, error) {
	body = strings.TrimSpace(body)
	if body == "" || utf8.RuneCountInString(body) > MaxNote {
		return nil, errs.Fields("invalid note", errs.Field("$.body", "must be 1 to %d characters", MaxNote))
	}
	u, _, err := s.shared(ctx, advisor, candidateID)
	if err != nil {
		return nil, err
	}
	n := Note{ID: uuid.NewString(), Body: body, CreatedAt: s.now()}
	if err := s.store.AddNote(ctx, advisor.UserID, u.ID, n); err != nil {
		return nil, err
	}
	return &n, s.record(ctx, advisor, audit.WriteNote, u.ID, "")
}
