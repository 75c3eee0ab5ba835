package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
)

// assessmentFixture makes assessments of the shipped questionnaire, which
// newAssessmentFixture publishes.
type assessmentFixture struct {
	q *questionnaire.Questionnaire
}

func newAssessmentFixture(t *testing.T, db *store.DB) assessmentFixture {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PublishQuestionnaire(context.Background(), qs[0], "hash", time.Now()); err != nil {
		t.Fatal(err)
	}
	return assessmentFixture{q: qs[0]}
}

// draft returns a new draft of owner ("" for anonymous) started at at.
func (f assessmentFixture) draft(owner string, at time.Time) *assessment.Assessment {
	return &assessment.Assessment{
		ID: uuid.NewString(), OwnerID: owner, Questionnaire: f.q.Slug, QuestionnaireVersion: f.q.Version,
		Status: assessment.Draft, CreatedAt: at, UpdatedAt: at,
		Answers: questionnaire.Answers{"q01": {Value: 4}, "s01": {Option: "b"}, "e01": {Options: []string{"capm", "pmp"}}, "e02": {Options: []string{}}},
	}
}

// submitted returns d scored at at, fit being the best role's fit.
func submitted(d *assessment.Assessment, at time.Time, role string, fit int) *assessment.Assessment {
	s := *d
	s.Status, s.SubmittedAt, s.UpdatedAt = assessment.Submitted, &at, at
	s.Result = &scoring.Result{
		Questionnaire: d.Questionnaire, QuestionnaireVersion: d.QuestionnaireVersion, ScoringVersion: "1", CatalogVersion: "c1",
		Orientation: scoring.Orientation{PM: 30, PMO: 70, Lean: "pmo"},
		Roles:       []scoring.RoleFit{{Slug: role, Fit: fit, Reasons: []scoring.Reason{}}, {Slug: "other", Fit: fit - 10, Reasons: []scoring.Reason{}}},
		Dimensions:  []scoring.DimensionScore{{Key: "analysis", Score: 88, High: []string{"q01"}}}, RecommendedRole: role,
	}
	return &s
}

func wantKind(t *testing.T, err error, kind errs.Kind) {
	t.Helper()
	if errs.KindOf(err) != kind {
		t.Fatalf("err = %v (kind %v), want kind %v", err, errs.KindOf(err), kind)
	}
}

// TestSubmitAssessment checks the submit path's statements on both
// engines: what is stored reads back as it was, only a draft can be
// submitted, and a refused key leaves the draft as it was.
func TestSubmitAssessment(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newAssessmentFixture(t, db)
		t0 := time.Now().UTC().Truncate(time.Microsecond)
		t1 := t0.Add(10 * time.Minute)

		d := f.draft("", t0)
		if err := db.CreateAssessment(ctx, d, "token-hash", nil); err != nil {
			t.Fatal(err)
		}
		got, hash, err := db.Assessment(ctx, d.ID)
		if err != nil || hash != "token-hash" {
			t.Fatalf("Assessment = %v, %q; want the draft and its token hash", err, hash)
		}
		if diff := cmp.Diff(d, got); diff != "" {
			t.Errorf("draft read back (-stored +read):\n%s", diff)
		}

		s := submitted(d, t1, "pmo-analyst", 71)
		idem := &assessment.Idempotency{KeyHash: "k1", RequestHash: "r1", AssessmentID: d.ID, CreatedAt: t1}
		if err := db.SubmitAssessment(ctx, s, idem); err != nil {
			t.Fatal(err)
		}
		got, _, err = db.Assessment(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(s, got); diff != "" {
			t.Errorf("submission read back (-stored +read):\n%s", diff)
		}
		rec, err := db.Idempotency(ctx, "k1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(idem, rec); diff != "" {
			t.Errorf("idempotency record (-stored +read):\n%s", diff)
		}

		// Submitted once: a second submission is refused, under any key.
		wantKind(t, db.SubmitAssessment(ctx, submitted(d, t1.Add(time.Minute), "pmo-analyst", 50), &assessment.Idempotency{KeyHash: "k2", RequestHash: "r", AssessmentID: d.ID, CreatedAt: t1}), errs.Conflict)
		if _, err := db.Idempotency(ctx, "k2"); errs.KindOf(err) != errs.NotFound {
			t.Errorf("the refused submission stored its key: %v", err)
		}

		// A key already taken refuses the submission and rolls back the
		// update: the draft is still a draft, as it was.
		other := f.draft("", t0)
		if err := db.CreateAssessment(ctx, other, "other-hash", nil); err != nil {
			t.Fatal(err)
		}
		wantKind(t, db.SubmitAssessment(ctx, submitted(other, t1, "pmo-analyst", 60), &assessment.Idempotency{KeyHash: "k1", RequestHash: "r", AssessmentID: other.ID, CreatedAt: t1}), errs.Conflict)
		got, _, err = db.Assessment(ctx, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(other, got); diff != "" {
			t.Errorf("draft after a refused key (-before +after):\n%s", diff)
		}
		// Without a key, it goes through.
		if err := db.SubmitAssessment(ctx, submitted(other, t1, "pmo-analyst", 60), nil); err != nil {
			t.Fatal(err)
		}

		_, _, err = db.Assessment(ctx, uuid.NewString())
		wantKind(t, err, errs.NotFound)
	})
}

// TestSubmitSetsLatestResult checks the owner's latest result, which the
// advisor listing reads, on each way an assessment becomes a submitted
// one of a user: submitted, created submitted, claimed. An older result
// never replaces a newer one.
func TestSubmitSetsLatestResult(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newAssessmentFixture(t, db)
		t0 := time.Now().UTC().Truncate(time.Microsecond)
		u := &account.User{ID: uuid.NewString(), Email: "latest@example.com", DisplayName: "L", Role: account.Candidate, CreatedAt: t0, UpdatedAt: t0}
		if err := db.CreateUser(ctx, u, "x"); err != nil {
			t.Fatal(err)
		}
		latest := func() *account.Latest {
			t.Helper()
			got, err := db.UserByID(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got.Latest
		}
		// A draft is no result.
		d := f.draft(u.ID, t0)
		if err := db.CreateAssessment(ctx, d, "claimed", nil); err != nil {
			t.Fatal(err)
		}
		if l := latest(); l != nil {
			t.Fatalf("latest after a draft = %+v, want none", l)
		}

		// Submitting it makes it the latest.
		at := t0.Add(time.Hour)
		if err := db.SubmitAssessment(ctx, submitted(d, at, "pmo-analyst", 71), nil); err != nil {
			t.Fatal(err)
		}
		want := &account.Latest{AssessmentID: d.ID, Role: "pmo-analyst", Lean: "pmo", Fit: 71, SubmittedAt: at}
		if diff := cmp.Diff(want, latest()); diff != "" {
			t.Errorf("latest after submit (-want +got):\n%s", diff)
		}

		// An older submission, created submitted, does not replace it.
		old := submitted(f.draft(u.ID, t0), t0.Add(time.Minute), "project-manager", 50)
		if err := db.CreateAssessment(ctx, old, "claimed", nil); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, latest()); diff != "" {
			t.Errorf("latest after an older result (-want +got):\n%s", diff)
		}

		// A newer one, created submitted, does.
		newer := submitted(f.draft(u.ID, t0), t0.Add(2*time.Hour), "project-manager", 64)
		if err := db.CreateAssessment(ctx, newer, "claimed", nil); err != nil {
			t.Fatal(err)
		}
		want = &account.Latest{AssessmentID: newer.ID, Role: "project-manager", Lean: "pmo", Fit: 64, SubmittedAt: newer.UpdatedAt}
		if diff := cmp.Diff(want, latest()); diff != "" {
			t.Errorf("latest after a newer result (-want +got):\n%s", diff)
		}

		// Claiming an anonymous result newer still makes it the latest.
		anon := submitted(f.draft("", t0), t0.Add(3*time.Hour), "pmo-analyst", 80)
		if err := db.CreateAssessment(ctx, anon, "token-hash", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.ClaimAssessment(ctx, anon.ID, u.ID); err != nil {
			t.Fatal(err)
		}
		want = &account.Latest{AssessmentID: anon.ID, Role: "pmo-analyst", Lean: "pmo", Fit: 80, SubmittedAt: anon.UpdatedAt}
		if diff := cmp.Diff(want, latest()); diff != "" {
			t.Errorf("latest after a claim (-want +got):\n%s", diff)
		}
	})
}

// TestConcurrentSubmits submits every draft twice at once, under two
// keys, with more submitters than the pool has connections: exactly one of
// each pair wins, the other is a Conflict, and nothing else fails. On
// SQLite the first of them also prepare the statements while others hold
// the write lock, which must not make anyone wait for the busy timeout.
func TestConcurrentSubmits(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newAssessmentFixture(t, db)
		t0 := time.Now().UTC().Truncate(time.Microsecond)
		const drafts = 12
		ds := make([]*assessment.Assessment, drafts)
		for i := range ds {
			ds[i] = f.draft("", t0)
			if err := db.CreateAssessment(ctx, ds[i], "token-hash", nil); err != nil {
				t.Fatal(err)
			}
		}
		type outcome struct {
			draft int
			err   error
		}
		out := make(chan outcome, 2*drafts)
		for i, d := range ds {
			for k := range 2 {
				go func() {
					if _, _, err := db.Assessment(ctx, d.ID); err != nil {
						out <- outcome{i, err}
						return
					}
					key := &assessment.Idempotency{KeyHash: uuid.NewString(), RequestHash: "r", AssessmentID: d.ID, CreatedAt: t0}
					out <- outcome{i, db.SubmitAssessment(ctx, submitted(d, t0.Add(time.Duration(k+1)*time.Minute), "pmo-analyst", 70), key)}
				}()
			}
		}
		won := make([]int, drafts)
		for range 2 * drafts {
			switch o := <-out; {
			case o.err == nil:
				won[o.draft]++
			case errs.KindOf(o.err) != errs.Conflict:
				t.Errorf("draft %d: %v", o.draft, o.err)
			}
		}
		for i, n := range won {
			if n != 1 {
				t.Errorf("draft %d was submitted %d times, want once", i, n)
			}
		}
	})
}

// TestSubmittedAnswersLeaveOutFlaggedSheets checks that the instrument
// statistics read only sheets whose result raised no quality flag, and
// no drafts.
func TestSubmittedAnswersLeaveOutFlaggedSheets(t *testing.T) {
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newAssessmentFixture(t, db)
		t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		save := func(a *assessment.Assessment) {
			t.Helper()
			if err := db.CreateAssessment(ctx, a, "hash", nil); err != nil {
				t.Fatal(err)
			}
		}
		clean := f.draft("", t0)
		clean.Answers = questionnaire.Answers{"q01": {Value: 4}}
		save(clean)
		if err := db.SubmitAssessment(ctx, submitted(clean, t0, "pmo-analyst", 80), nil); err != nil {
			t.Fatal(err)
		}
		careless := f.draft("", t0)
		careless.Answers = questionnaire.Answers{"q01": {Value: 1}}
		save(careless)
		flagged := submitted(careless, t0, "", 40)
		flagged.Result.Quality = scoring.Quality{Flags: []string{scoring.FlagInconsistentAnswers}}
		if err := db.SubmitAssessment(ctx, flagged, nil); err != nil {
			t.Fatal(err)
		}
		save(f.draft("", t0)) // a draft is no response yet

		got, err := db.SubmittedAnswers(ctx, f.q.Slug, f.q.Version)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]map[string]int{{"q01": 4}}, got); diff != "" {
			t.Errorf("SubmittedAnswers (-want +got):\n%s", diff)
		}
	})
}
