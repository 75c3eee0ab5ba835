package benchfill_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	questionnaires "github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/cmd/loadbench/internal/benchfill"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// TestFill generates a small dataset and checks what the listing relies
// on: every result stored, each candidate's latest result recorded on the
// candidate, and every candidate sharing with the advisor.
func TestFill(t *testing.T) {
	opts := storetest.Options(t, store.Postgres)
	db, err := store.Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	qs, err := questionnaire.LoadFS(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0]
	if _, err := db.PublishQuestionnaire(ctx, q, "hash", time.Now()); err != nil {
		t.Fatal(err)
	}
	const advisor = "00000000-0000-4000-8000-00000000000a"
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO users (id, email, password_hash, role, display_name, created_at, updated_at)
		VALUES ($1, 'adv@example.com', '!', 'advisor', 'Adv', now(), now())`, advisor); err != nil {
		t.Fatal(err)
	}
	spec := benchfill.Spec{
		URL: opts.PostgresURL, Results: 30, PerCandidate: 3, AdvisorID: advisor, Questionnaire: q.Slug, Version: q.Version,
		Templates: []benchfill.Template{
			{Answers: []byte(`{"q01": 3}`), Result: []byte(`{"orientation": {"lean": "pmo"}}`), ScoringVersion: "s1", Role: "pmo-analyst", Lean: "pmo", Fit: 71},
			{Answers: []byte(`{"q01": 5}`), Result: []byte(`{"orientation": {"lean": "pm"}}`), ScoringVersion: "s1", Role: "project-manager", Lean: "pm", Fit: 64},
		},
		Seed: 7, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Workers: 3,
	}
	stats, err := benchfill.Fill(ctx, spec)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Candidates != 10 || stats.Results != 30 || stats.Shares != 10 {
		t.Errorf("stats %+v, want 10 candidates, 30 results, 10 shares", stats)
	}
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	checks := []struct {
		name  string
		query string
		want  int
	}{
		{"candidates", "SELECT count(*) FROM users WHERE role = 'candidate'", 10},
		{"submitted results", "SELECT count(*) FROM assessments WHERE status = 'submitted' AND result IS NOT NULL", 30},
		{"shares with the advisor", "SELECT count(*) FROM shares WHERE advisor_id = '" + advisor + "'", 10},
		{"latest result is the newest attempt", `SELECT count(*) FROM users u JOIN assessments a ON a.id = u.latest_assessment_id
			WHERE a.owner_id = u.id AND a.submitted_at = u.latest_submitted_at AND a.fit = u.latest_fit AND a.recommended_role = u.latest_role
			AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.owner_id = u.id AND b.submitted_at > a.submitted_at)`, 10},
		{"nothing after Now", "SELECT count(*) FROM assessments WHERE submitted_at > '2026-06-01'", 0},
	}
	for _, c := range checks {
		if got := count(c.query); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	var id string
	if err := db.SQL().QueryRowContext(ctx, "SELECT latest_assessment_id FROM users WHERE id = $1", benchfill.CandidateID(4)).Scan(&id); err != nil && err != sql.ErrNoRows {
		t.Fatal(err)
	}
	if id != benchfill.AssessmentID(4, 2) {
		t.Errorf("candidate 4's latest result is %s, want its third, %s", id, benchfill.AssessmentID(4, 2))
	}
}

func TestFillRefusesABadSpec(t *testing.T) {
	good := benchfill.Spec{Results: 10, PerCandidate: 1, AdvisorID: "a", Questionnaire: "q", Version: 1, Templates: []benchfill.Template{{}}}
	for name, mutate := range map[string]func(*benchfill.Spec){
		"no results":             func(s *benchfill.Spec) { s.Results = 0 },
		"more per candidate":     func(s *benchfill.Spec) { s.PerCandidate = 11 },
		"no advisor":             func(s *benchfill.Spec) { s.AdvisorID = "" },
		"no template":            func(s *benchfill.Spec) { s.Templates = nil },
		"no questionnaire":       func(s *benchfill.Spec) { s.Questionnaire = "" },
		"zero per candidate too": func(s *benchfill.Spec) { s.PerCandidate = 0 },
	} {
		t.Run(name, func(t *testing.T) {
			s := good
			mutate(&s)
			if _, err := benchfill.Fill(context.Background(), s); err == nil {
				t.Error("Fill accepted it")
			}
		})
	}
}
