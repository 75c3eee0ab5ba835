package report

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// The services a Service reads from; *assessment.Service,
// *catalog.Service, *account.Service, *advising.Service,
// *progress.Service and *audit.Service are them.
type (
	// Assessments serves questionnaire versions and a person's assessments.
	Assessments interface {
		Version(ctx context.Context, slug string, version int) (*questionnaire.Questionnaire, error)
		Mine(ctx context.Context, userID string) ([]*assessment.Assessment, error)
	}
	// Catalogs serves the current catalog.
	Catalogs interface {
		Snapshot(ctx context.Context) (*catalog.Snapshot, error)
	}
	// Accounts serves the caller's account.
	Accounts interface {
		Me(ctx context.Context, p *account.Principal) (*account.User, error)
	}
	// Advising serves shares and what advisors see of a candidate.
	Advising interface {
		Shares(ctx context.Context, candidate *account.Principal) ([]advising.Share, error)
		Candidate(ctx context.Context, advisor *account.Principal, candidateID string) (*advising.Profile, error)
	}
	// Marks serves a person's marks on roadmap steps.
	Marks interface {
		Marks(ctx context.Context, userID string) (map[string]progress.Mark, error)
	}
	// StaffReads serves when staff read a person's data.
	StaffReads interface {
		About(ctx context.Context, userID string) ([]audit.Entry, error)
	}
)

// Deps is what a Service reads from.
type Deps struct {
	Assessments Assessments
	Catalogs    Catalogs
	Accounts    Accounts
	Advising    Advising
	Marks       Marks
	StaffReads  StaffReads
	// Now is the clock exports are dated by.
	Now func() time.Time
}

// Service gathers what a view shows from the services that hold it and
// words it.
type Service struct {
	d Deps
}

// NewService returns a Service reading from d.
func NewService(d Deps) *Service { return &Service{d: d} }

// Assessment words a in l, with the version it was taken on and the
// current catalog.
func (s *Service) Assessment(ctx context.Context, a *assessment.Assessment, l i18n.Lang) (*Assessment, error) {
	q, err := s.d.Assessments.Version(ctx, a.Questionnaire, a.QuestionnaireVersion)
	if err != nil {
		return nil, err
	}
	snap, err := s.d.Catalogs.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return AssessmentOf(a, q, snap.Catalog, l), nil
}

// Candidate is what an advisor sees of a candidate who shares with them.
type Candidate struct {
	User     *account.User
	SharedAt time.Time
	Attempts []Attempt
	// Latest is the newest attempt's result in full, worded as the
	// candidate sees it; nil before any.
	Latest *Result
}

// Candidate returns a sharing candidate's profile for advisor, in l: the
// attempts with how each dimension moved, and the latest result worded
// from the candidate's answers, so the advisor reads the same
// explanation as the candidate rather than a re-derivation.
func (s *Service) Candidate(ctx context.Context, advisor *account.Principal, candidateID string, l i18n.Lang) (*Candidate, error) {
	p, err := s.d.Advising.Candidate(ctx, advisor, candidateID)
	if err != nil {
		return nil, err
	}
	out := &Candidate{User: p.User, SharedAt: p.SharedAt, Attempts: Attempts(p.Attempts, l)}
	if n := len(p.Attempts); n > 0 && p.Attempts[n-1].Result != nil {
		a := p.Attempts[n-1]
		q, err := s.d.Assessments.Version(ctx, a.Questionnaire, a.QuestionnaireVersion)
		if err != nil {
			return nil, err
		}
		snap, err := s.d.Catalogs.Snapshot(ctx)
		if err != nil {
			return nil, err
		}
		out.Latest = ResultOf(a.Result, a.Answers, q, snap.Catalog, l)
	}
	return out, nil
}

// Roadmap returns the steps of one role with p's progress on each, in l:
// the role with slug role, or when role is nil the role of p's latest
// result.
func (s *Service) Roadmap(ctx context.Context, p *account.Principal, role *string, l i18n.Lang) (*Roadmap, error) {
	snap, err := s.d.Catalogs.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	var slug string
	var plan []string
	if role != nil {
		slug = *role
	} else {
		// The steps of the latest result's plan, the same the result shows.
		u, err := s.d.Accounts.Me(ctx, p)
		if err != nil {
			return nil, err
		}
		if u.Latest == nil {
			return nil, errs.E(errs.NotFound, "no result yet: take the quiz, or pass ?role= to follow a role's roadmap")
		}
		mine, err := s.d.Assessments.Mine(ctx, p.UserID)
		if err != nil {
			return nil, err
		}
		for _, a := range mine {
			if a.ID == u.Latest.AssessmentID && a.Result != nil {
				slug, plan = a.Result.Plan.TargetRole, a.Result.Plan.Steps
			}
		}
		if slug == "" {
			return nil, errs.E(errs.NotFound, "your latest result gave no plan: take the quiz again, or pass ?role= to follow a role's roadmap")
		}
		if plan == nil {
			plan = []string{}
		}
	}
	r, ok := snap.Role(slug)
	if !ok {
		return nil, errs.Fields("unknown role", errs.Field("query.role", "must be the slug of a catalog role"))
	}
	marks, err := s.d.Marks.Marks(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	return RoadmapOf(r, marks, l, plan), nil
}

// Export is everything pmpath holds about a person (the right of
// access). Advisors' private notes are the advisors' own work and are
// not part of it.
type Export struct {
	At      time.Time
	Account *account.User
	// Assessments are the person's assessments with their answers and
	// results, newest first.
	Assessments []*assessment.Assessment
	Shares      []advising.Share
	// Progress holds the person's marks on roadmap steps by step id.
	Progress []progress.Mark
	// StaffReads are when staff read the person's data, and in which
	// role.
	StaffReads []audit.Entry
}

// Export gathers everything pmpath holds about p.
func (s *Service) Export(ctx context.Context, p *account.Principal) (*Export, error) {
	u, err := s.d.Accounts.Me(ctx, p)
	if err != nil {
		return nil, err
	}
	as, err := s.d.Assessments.Mine(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	shares, err := s.d.Advising.Shares(ctx, p)
	if err != nil {
		return nil, err
	}
	marks, err := s.d.Marks.Marks(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	reads, err := s.d.StaffReads.About(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	out := &Export{At: s.d.Now().UTC(), Account: u, Assessments: as, Shares: shares, StaffReads: reads, Progress: []progress.Mark{}}
	for _, id := range slices.Sorted(maps.Keys(marks)) {
		out.Progress = append(out.Progress, marks[id])
	}
	return out, nil
}
