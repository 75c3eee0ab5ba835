// Package benchfill fills a migrated pmpath PostgreSQL database with
// synthetic candidates, their submitted assessments and shares with one
// advisor, fast enough to reach millions of rows: it streams rows with COPY
// instead of inserting them one statement at a time. The load harness uses
// it to measure the advisor listing at scale.
package benchfill

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Template is one real scored submission (taken from the running service)
// that synthetic assessments copy, so stored rows have the real size and
// shape of answers and results.
type Template struct {
	Answers        []byte // the answers column, JSON
	Result         []byte // the result column, JSON
	ScoringVersion string
	Role           string // recommended role slug
	Lean           string // pm, pmo or balanced
	Fit            int    // fit of the recommended role
}

// Spec says what to generate.
type Spec struct {
	// URL of the database, already migrated.
	URL string
	// Results is the number of submitted assessments to store.
	Results int
	// PerCandidate is how many results each candidate has; the last one
	// is their latest. Candidates = Results / PerCandidate.
	PerCandidate int
	// AdvisorID is the advisor every candidate shares with.
	AdvisorID string
	// Questionnaire and Version name the published questionnaire the
	// assessments were taken on.
	Questionnaire string
	Version       int
	// Templates are the scored submissions to copy, at least one.
	Templates []Template
	// Seed makes the data reproducible.
	Seed uint64
	// Now is the newest submission time; submissions spread over the year
	// before it.
	Now time.Time
	// Workers is the number of COPY streams run at once.
	Workers int
}

// Candidates is the number of candidates s generates.
func (s Spec) Candidates() int { return s.Results / max(s.PerCandidate, 1) }

func (s Spec) check() error {
	switch {
	case s.Results < 1:
		return errors.New("benchfill: Results must be at least 1")
	case s.PerCandidate < 1 || s.PerCandidate > s.Results:
		return fmt.Errorf("benchfill: PerCandidate must be 1..%d", s.Results)
	case s.AdvisorID == "":
		return errors.New("benchfill: AdvisorID is required")
	case len(s.Templates) == 0:
		return errors.New("benchfill: at least one Template is required")
	case s.Questionnaire == "" || s.Version < 1:
		return errors.New("benchfill: Questionnaire and Version are required")
	}
	return nil
}

// namespace scopes the generated ids: CandidateID and AssessmentID are
// deterministic, so a caller can find rows without querying for them.
var namespace = uuid.MustParse("6f1d8c1e-5b7a-4f0e-9a43-2a9d8c6b1e70")

// CandidateID is the id of the i-th generated candidate.
func CandidateID(i int) string { return uuid.NewSHA1(namespace, fmt.Appendf(nil, "c/%d", i)).String() }

// AssessmentID is the id of candidate i's j-th result.
func AssessmentID(i, j int) string {
	return uuid.NewSHA1(namespace, fmt.Appendf(nil, "a/%d/%d", i, j)).String()
}

// Names mix common Japanese family and given names, so a name search (the
// listing's q filter) matches a realistic share of candidates.
var (
	familyNames = []string{"Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
		"Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki"}
	givenNames = []string{"Aiko", "Haruto", "Yui", "Sota", "Hina", "Ren", "Mei", "Yuto", "Sakura", "Riku",
		"Akari", "Kaito", "Mio", "Hinata", "Rin", "Minato", "Yuna", "Itsuki", "Koharu", "Asahi"}
)

// candidate is what one generated candidate needs in every table.
type candidate struct {
	id, name, email string
	created         time.Time
	discoverable    bool
	attempts        []attempt
}

type attempt struct {
	id        string
	tmpl      *Template
	submitted time.Time
}

// candidateAt derives candidate i from the seed alone, so workers can
// generate disjoint ranges without sharing state.
func (s Spec) candidateAt(i int) candidate {
	r := rand.New(rand.NewPCG(s.Seed, uint64(i)))
	year := 365 * 24 * time.Hour
	first := s.Now.Add(-time.Duration(r.Int64N(int64(year))))
	c := candidate{
		id:           CandidateID(i),
		name:         familyNames[r.IntN(len(familyNames))] + " " + givenNames[r.IntN(len(givenNames))],
		email:        fmt.Sprintf("candidate-%08d@example.test", i),
		created:      first.Add(-time.Hour),
		discoverable: r.IntN(2) == 0,
		attempts:     make([]attempt, s.PerCandidate),
	}
	at := first
	for j := range c.attempts {
		c.attempts[j] = attempt{id: AssessmentID(i, j), tmpl: &s.Templates[r.IntN(len(s.Templates))], submitted: at}
		// Later attempts come days to weeks after, never after Now.
		if at = at.Add(time.Duration(1+r.IntN(30)) * 24 * time.Hour); at.After(s.Now) {
			at = s.Now
		}
	}
	return c
}

// Stats report what Fill wrote.
type Stats struct {
	Candidates, Results, Shares int
	Elapsed                     time.Duration
}

// Fill generates the data in s. It writes users first (the other tables
// point at them), then assessments and shares, each split across Workers
// COPY streams, then analyzes the tables so the planner sees their size.
func Fill(ctx context.Context, s Spec) (Stats, error) {
	if err := s.check(); err != nil {
		return Stats{}, err
	}
	start := time.Now()
	n := s.Candidates()
	users := []string{"id", "email", "password_hash", "role", "display_name", "discoverable", "created_at", "updated_at",
		"latest_assessment_id", "latest_role", "latest_lean", "latest_fit", "latest_submitted_at"}
	if err := s.copyRanges(ctx, n, "users", users, func(c candidate, emit func(...any)) {
		last := c.attempts[len(c.attempts)-1]
		// "!" is no valid password hash: generated candidates cannot sign in.
		emit(c.id, c.email, "!", "candidate", c.name, c.discoverable, c.created, last.submitted,
			last.id, last.tmpl.Role, last.tmpl.Lean, last.tmpl.Fit, last.submitted)
	}); err != nil {
		return Stats{}, err
	}
	assessments := []string{"id", "questionnaire_slug", "questionnaire_version", "status", "token_hash", "answers", "result",
		"scoring_version", "recommended_role", "lean", "fit", "created_at", "updated_at", "submitted_at", "owner_id"}
	if err := s.copyRanges(ctx, n, "assessments", assessments, func(c candidate, emit func(...any)) {
		for _, a := range c.attempts {
			started := a.submitted.Add(-12 * time.Minute)
			emit(a.id, s.Questionnaire, s.Version, "submitted", "claimed", a.tmpl.Answers, a.tmpl.Result,
				a.tmpl.ScoringVersion, a.tmpl.Role, a.tmpl.Lean, a.tmpl.Fit, started, a.submitted, a.submitted, c.id)
		}
	}); err != nil {
		return Stats{}, err
	}
	if err := s.copyRanges(ctx, n, "shares", []string{"candidate_id", "advisor_id", "created_at"}, func(c candidate, emit func(...any)) {
		emit(c.id, s.AdvisorID, c.attempts[len(c.attempts)-1].submitted)
	}); err != nil {
		return Stats{}, err
	}
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return Stats{}, fmt.Errorf("benchfill: connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "ANALYZE users, assessments, shares"); err != nil {
		return Stats{}, fmt.Errorf("benchfill: analyze: %w", err)
	}
	return Stats{Candidates: n, Results: n * s.PerCandidate, Shares: n, Elapsed: time.Since(start)}, nil
}

// copyRanges streams the rows that row emits for candidates 0..n-1 into
// table, splitting the candidates into Workers contiguous ranges, each on
// its own connection.
func (s Spec) copyRanges(ctx context.Context, n int, table string, cols []string, row func(c candidate, emit func(...any))) error {
	workers := max(min(s.Workers, n), 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg   sync.WaitGroup
		errc = make(chan error, workers)
	)
	for w := range workers {
		wg.Go(func() {
			if err := s.copyRange(ctx, n*w/workers, n*(w+1)/workers, table, cols, row); err != nil {
				cancel() // the other streams stop too
				errc <- err
			}
		})
	}
	wg.Wait()
	close(errc)
	return <-errc // nil when no stream failed
}

// copyRange streams the rows of candidates lo..hi-1 on one connection.
func (s Spec) copyRange(ctx context.Context, lo, hi int, table string, cols []string, row func(c candidate, emit func(...any))) error {
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return fmt.Errorf("benchfill: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var pending [][]any
	emit := func(v ...any) { pending = append(pending, v) }
	i := lo
	src := pgx.CopyFromFunc(func() ([]any, error) {
		for len(pending) == 0 {
			if i >= hi {
				return nil, nil
			}
			row(s.candidateAt(i), emit)
			i++
		}
		v := pending[0]
		pending = pending[1:]
		return v, nil
	})
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
		return fmt.Errorf("benchfill: copy %s rows %d..%d: %w", table, lo, hi, err)
	}
	return nil
}
