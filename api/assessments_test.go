package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/scoring/scoringtest"
	"github.com/pmpath/pmpath/internal/store"
	"github.com/pmpath/pmpath/internal/store/storetest"
	"github.com/pmpath/pmpath/internal/validity"
	"github.com/pmpath/pmpath/seed"
)

// shippedVersion is the shipped pm-pmo-fit version v, for tests about
// one version in particular (drafts started on version 1 still submit).
// Tests of a new assessment take latestQuestionnaire.
func shippedVersion(t testing.TB, v int) *questionnaire.Questionnaire {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Slug == "pm-pmo-fit" && q.Version == v {
			return q
		}
	}
	t.Fatalf("pm-pmo-fit version %d is not shipped", v)
	return nil
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type assessmentBody struct {
	ID            string
	Token         string
	Status        string
	Questionnaire struct {
		Slug    string
		Version int
	}
	Answers  map[string]json.RawMessage
	Progress struct {
		Answered, Required int
		Missing            []string
	}
	SubmittedAt *string `json:"submitted_at"`
	Result      *struct {
		QuestionnaireVersion int `json:"questionnaire_version"`
		Orientation          struct {
			PM, PMO int
			Lean    string
		}
		Dimensions []struct {
			Key   string
			Score int
		}
		Roles []struct {
			Slug string
			Fit  int
			Why  []string
		}
		RecommendedRole string `json:"recommended_role"`
		Readiness       struct {
			Level      string
			NextStep   string `json:"next_step"`
			NextStepID string `json:"next_step_id"`
		}
		Quality struct {
			Flags    []string
			Reliable bool
		}
		Plan struct {
			TargetRole     string `json:"target_role"`
			Gaps           []struct{ Dimension string }
			Steps          []struct{ ID, Title string }
			Certifications []struct{ Slug string }
			Salary         struct {
				Target struct {
					Role   string
					Ranges []struct {
						MinJPY int64 `json:"min_jpy"`
					}
				}
				NextStep *struct{ Role string } `json:"next_step"`
			}
		}
	}
}

func TestQuestionnaires(t *testing.T) {
	q := latestQuestionnaire(t)
	eachDB(t, func(t *testing.T, s *testServer) {
		var list struct {
			Questionnaires []struct {
				Slug    string
				Version int
				Items   int
				Title   string
			}
		}
		s.get(t, "/api/v1/questionnaires").JSON(t, &list)
		if len(list.Questionnaires) != 1 || list.Questionnaires[0].Slug != "pm-pmo-fit" || list.Questionnaires[0].Version != q.Version || list.Questionnaires[0].Items != len(q.Items) {
			t.Errorf("questionnaires = %+v", list.Questionnaires)
		}

		r := s.get(t, "/api/v1/questionnaires/pm-pmo-fit?lang=en")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("status %d", r.StatusCode)
		}
		for _, secret := range []string{`"dimension"`, `"reverse"`, `"scores"`, `"stage"`, `"certification"`} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the public form leaks scoring key %s", secret)
			}
		}
		var form struct {
			Title string
			Scale []string
			Items []struct {
				ID, Type, Text string
				Required       bool
				Options        []struct {
					ID        string
					Exclusive bool
				}
			}
		}
		r.JSON(t, &form)
		if form.Title != q.Title.EN || len(form.Scale) != 5 || len(form.Items) != len(q.Items) || form.Items[0].Text != q.Items[0].Text.EN || !form.Items[0].Required {
			t.Errorf("form = %.300v", form)
		}
		// The form marks exactly the options the questionnaire declares
		// exclusive, so the web app can clear the others.
		// Options are matched by id: a version may show them in another order.
		for i, it := range q.Items {
			if form.Items[i].ID != it.ID || len(form.Items[i].Options) != len(it.Options) {
				t.Errorf("form item %d = %s with %d options, want %s with %d", i, form.Items[i].ID, len(form.Items[i].Options), it.ID, len(it.Options))
				continue
			}
			shown := map[string]bool{}
			for _, o := range form.Items[i].Options {
				shown[o.ID] = o.Exclusive
			}
			for _, o := range it.Options {
				if got, ok := shown[o.ID]; !ok || got != o.Exclusive {
					t.Errorf("item %s option %s: shown %v, exclusive %v, want exclusive %v", it.ID, o.ID, ok, got, o.Exclusive)
				}
			}
		}
		wantProblem(t, s.get(t, "/api/v1/questionnaires/no-such-quiz"), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/questionnaires?lang=fr", invalidInput()), http.StatusUnprocessableEntity)
	})
}

// TestAssessmentJourney drafts, patches, fails to submit an incomplete
// draft, completes it from "another device" with the token, submits, and
// reads the result.
func TestAssessmentJourney(t *testing.T) {
	q := latestQuestionnaire(t)
	full := honestSheet(t, q, "pmo-analyst")
	eachDB(t, func(t *testing.T, s *testServer) {
		r := s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":4,"s01":"b"}}`))
		if r.StatusCode != http.StatusCreated {
			t.Fatalf("create: %d %s", r.StatusCode, r.Body)
		}
		var a assessmentBody
		r.JSON(t, &a)
		if a.Token == "" || a.Status != "draft" || a.Result != nil || a.Progress.Answered != 2 || a.Progress.Required != len(q.Items) {
			t.Fatalf("draft = %+v", a)
		}
		if loc := r.Header.Get("Location"); loc != "/api/v1/assessments/"+a.ID {
			t.Errorf("Location = %q", loc)
		}
		path := "/api/v1/assessments/" + a.ID
		tok := header("X-Assessment-Token", a.Token)

		wantProblem(t, s.get(t, path), http.StatusUnauthorized)
		wantProblem(t, s.get(t, path, header("X-Assessment-Token", "not-the-token")), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/assessments/00000000-0000-4000-8000-000000000000", tok), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/assessments/not-a-uuid", tok), http.StatusNotFound)

		// Patch: two new answers, one replaced.
		r = s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q02":5,"q03":1,"q01":2}}`), tok)
		var patched assessmentBody
		r.JSON(t, &patched)
		if r.StatusCode != http.StatusOK || patched.Progress.Answered != 4 || string(patched.Answers["q01"]) != "2" {
			t.Fatalf("patch: %d %s", r.StatusCode, r.Body)
		}

		// Bad answers change nothing.
		p := wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q02":9,"zz":1,"s02":"q","e02":["none","meetings"]}}`), tok), http.StatusUnprocessableEntity)
		paths := map[string]bool{}
		for _, e := range p.Errors {
			paths[e.Path] = true
		}
		for _, want := range []string{"$.answers.q02", "$.answers.zz", "$.answers.s02", "$.answers.e02"} {
			if !paths[want] {
				t.Errorf("missing field error %s in %+v", want, p.Errors)
			}
		}
		var after assessmentBody
		s.get(t, path, tok).JSON(t, &after)
		if string(after.Answers["q02"]) != "5" || after.Progress.Answered != 4 {
			t.Errorf("a rejected patch changed the draft: %+v", after.Answers)
		}

		// null takes an answer back; a null for an unknown item, or beside a
		// bad answer, is refused and clears nothing.
		r = s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q03":null}}`), tok)
		var cleared assessmentBody
		r.JSON(t, &cleared)
		if _, still := cleared.Answers["q03"]; r.StatusCode != http.StatusOK || still || cleared.Progress.Answered != 3 {
			t.Fatalf("clear q03: %d %s", r.StatusCode, r.Body)
		}
		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"zz":null}}`), tok), http.StatusUnprocessableEntity)
		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q02":null,"q01":"x"}}`), tok), http.StatusUnprocessableEntity)
		var kept assessmentBody
		s.get(t, path, tok).JSON(t, &kept)
		if string(kept.Answers["q02"]) != "5" || kept.Progress.Answered != 3 {
			t.Errorf("a rejected clear changed the draft: %+v", after.Answers)
		}
		if r := s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q03":1}}`), tok); r.StatusCode != http.StatusOK {
			t.Fatalf("re-answer q03: %d %s", r.StatusCode, r.Body)
		}

		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":`), tok, invalidInput()), http.StatusBadRequest)
		p = wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{}`), tok, invalidInput()), http.StatusUnprocessableEntity)
		if len(p.Errors) != 1 || p.Errors[0].Path != "$.answers" {
			t.Errorf("PATCH {}: errors %+v", p.Errors)
		}
		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q01":3}}`), header("X-Assessment-Token", "wrong")), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPost, path+"/submit", nil, tok, header("Idempotency-Key", "has spaces in it"), invalidInput()), http.StatusUnprocessableEntity)

		// Submitting an incomplete draft lists every missing item.
		p = wantProblem(t, s.do(t, http.MethodPost, path+"/submit", nil, tok), http.StatusUnprocessableEntity)
		if len(p.Errors) != len(q.Items)-4 || !strings.HasPrefix(p.Errors[0].Path, "$.answers.") {
			t.Errorf("missing items: %d errors, want %d", len(p.Errors), len(q.Items)-4)
		}

		// Finish from another device: only the id and the token travel.
		s.wait(12 * time.Minute)
		r = s.do(t, http.MethodPatch, path, mustJSON(t, map[string]any{"answers": full}), tok)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("complete: %d %s", r.StatusCode, r.Body)
		}
		r = s.do(t, http.MethodPost, path+"/submit", nil, tok, header("Accept-Language", "en"))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("submit: %d %s", r.StatusCode, r.Body)
		}
		var done assessmentBody
		r.JSON(t, &done)
		checkResult(t, q, done, "pmo-analyst")
		if !strings.HasPrefix(done.Result.Roles[0].Why[0], "Your ") {
			t.Errorf("English why = %q", done.Result.Roles[0].Why[0])
		}
		var ja assessmentBody
		s.get(t, path, tok).JSON(t, &ja)
		if !strings.Contains(ja.Result.Roles[0].Why[0], "点") {
			t.Errorf("Japanese why = %q", ja.Result.Roles[0].Why[0])
		}

		wantProblem(t, s.do(t, http.MethodPost, path+"/submit", nil, tok), http.StatusConflict)
		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q01":3}}`), tok), http.StatusConflict)
	})
}

// checkResult asserts a is submitted on q with a reliable result that
// recommends wantRole and plans towards it.
func checkResult(t *testing.T, q *questionnaire.Questionnaire, a assessmentBody, wantRole string) {
	t.Helper()
	r := a.Result
	if a.Status != "submitted" || a.SubmittedAt == nil || r == nil {
		t.Fatalf("not submitted: %+v", a)
	}
	if r.RecommendedRole != wantRole || r.Roles[0].Slug != wantRole || r.Plan.TargetRole != wantRole {
		t.Errorf("recommended %s, want %s", r.RecommendedRole, wantRole)
	}
	if r.QuestionnaireVersion != q.Version || len(r.Dimensions) != len(q.Measured()) || len(r.Roles) < 8 || r.Orientation.Lean == "" {
		t.Errorf("result = %+v", r)
	}
	if len(r.Roles[0].Why) == 0 || r.Readiness.Level == "" || r.Readiness.NextStep == "" || r.Readiness.NextStepID != r.Plan.Steps[0].ID {
		t.Errorf("why %v, readiness %+v", r.Roles[0].Why, r.Readiness)
	}
	if len(r.Plan.Steps) == 0 || r.Plan.Steps[0].Title == "" || len(r.Plan.Salary.Target.Ranges) == 0 || r.Plan.Salary.Target.Role != wantRole {
		t.Errorf("plan = %+v", r.Plan)
	}
	if r.Quality.Flags == nil {
		t.Error("quality flags must be an array, not null")
	}
	if !r.Quality.Reliable || len(r.Quality.Flags) != 0 {
		t.Errorf("an honest sheet: quality %+v, want reliable", r.Quality)
	}
}

func TestCreateAndSubmitInOneCall(t *testing.T) {
	q := latestQuestionnaire(t)
	sheet := honestSheet(t, q, "pmo-analyst")
	eachDB(t, func(t *testing.T, s *testServer) {
		body := mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": sheet, "submit": true, "elapsed_seconds": 640})
		r := s.do(t, http.MethodPost, "/api/v1/assessments", body)
		if r.StatusCode != http.StatusCreated {
			t.Fatalf("status %d: %s", r.StatusCode, r.Body)
		}
		var a assessmentBody
		r.JSON(t, &a)
		checkResult(t, q, a, "pmo-analyst")
		if a.Result.Plan.Salary.NextStep == nil || a.Result.Plan.Salary.NextStep.Role != "pmo-manager" {
			t.Errorf("next-step salary = %+v, want pmo-manager", a.Result.Plan.Salary.NextStep)
		}

		// Answering time is the server's own, from a draft's creation to its
		// submission: a client's elapsed_seconds is accepted and ignored.
		var claimed assessmentBody
		body = mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": sheet, "submit": true, "elapsed_seconds": 30})
		s.do(t, http.MethodPost, "/api/v1/assessments", body).JSON(t, &claimed)
		checkResult(t, q, claimed, "pmo-analyst")

		// A draft submitted 30 s after it was started: nobody reads the
		// whole form that fast, and the profile model refuses the sheet.
		var draft, rushed assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": sheet})).JSON(t, &draft)
		s.wait(30 * time.Second)
		s.do(t, http.MethodPost, "/api/v1/assessments/"+draft.ID+"/submit", nil, header("X-Assessment-Token", draft.Token)).JSON(t, &rushed)
		if rushed.Result == nil || len(rushed.Result.Quality.Flags) != 1 || rushed.Result.Quality.Flags[0] != "too_fast" {
			t.Fatalf("%d answers in 30 s: result %+v", len(q.Items), rushed.Result)
		}
		if rushed.Result.Quality.Reliable || rushed.Result.RecommendedRole != "" || rushed.Result.Plan.TargetRole != "" {
			t.Errorf("%d answers in 30 s: reliable %v, recommended %q, plan for %q; want refused", len(q.Items), rushed.Result.Quality.Reliable, rushed.Result.RecommendedRole, rushed.Result.Plan.TargetRole)
		}
	})
}

// TestDocumentedExample follows the README's curl session: the example
// draft in docs/examples answers all but two items of the current version
// as a PMO analyst would; with those two answered and time to read taken,
// it is scored as hers.
func TestDocumentedExample(t *testing.T) {
	q := latestQuestionnaire(t)
	example, err := os.ReadFile(fmt.Sprintf("../docs/examples/pmo-analyst-draft-v%d.json", q.Version))
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, s *testServer) {
		r := s.do(t, http.MethodPost, "/api/v1/assessments", example)
		var d assessmentBody
		r.JSON(t, &d)
		if r.StatusCode != http.StatusCreated || d.Questionnaire.Version != q.Version || d.Progress.Required != len(q.Items) || strings.Join(d.Progress.Missing, ",") != "q44,s08" {
			t.Fatalf("example draft: %d, version %d, progress %+v; want all of version %d but q44 and s08", r.StatusCode, d.Questionnaire.Version, d.Progress, q.Version)
		}
		path, tok := "/api/v1/assessments/"+d.ID, header("X-Assessment-Token", d.Token)
		if r := s.do(t, http.MethodPatch, path, []byte(`{"answers":{"q44":2,"s08":"b"}}`), tok); r.StatusCode != http.StatusOK {
			t.Fatalf("the two open items: %d %s", r.StatusCode, r.Body)
		}
		s.wait(2 * time.Minute)
		var done assessmentBody
		s.do(t, http.MethodPost, path+"/submit", nil, tok, header("Idempotency-Key", "readme-"+d.ID)).JSON(t, &done)
		checkResult(t, q, done, "pmo-analyst")
	})
}

// TestCreateRejectsBadInput: every bad request gets a problem document and
// stores nothing.
func TestCreateRejectsBadInput(t *testing.T) {
	q := latestQuestionnaire(t)
	incomplete := honestSheet(t, q, "pm-assistant")
	delete(incomplete, "q10")
	delete(incomplete, "e04")
	eachDB(t, func(t *testing.T, s *testServer) {
		tests := []struct {
			name   string
			body   string
			header []callOpt
			status int
			paths  []string
			// schemaRejects: openapi.yaml itself rules the request out;
			// otherwise only the server knows (answer contents, size).
			schemaRejects bool
		}{
			{"malformed JSON", `{"questionnaire":`, nil, 400, nil, true},
			{"not an object", `["pm-pmo-fit"]`, nil, 422, []string{"$"}, true},
			{"two documents", `{"questionnaire":"pm-pmo-fit"}{}`, nil, 400, nil, false},
			{"empty body", ``, nil, 400, nil, true},
			{"missing questionnaire", `{"answers":{}}`, nil, 422, []string{"$.questionnaire"}, true},
			{"unknown questionnaire", `{"questionnaire":"horoscope"}`, nil, 422, []string{"$.questionnaire"}, false},
			{"submit not a boolean", `{"questionnaire":"pm-pmo-fit","submit":"yes"}`, nil, 422, []string{"$.submit"}, true},
			{"answers not an object", `{"questionnaire":"pm-pmo-fit","answers":[4,4]}`, nil, 422, []string{"$.answers"}, true},
			{"negative elapsed", `{"questionnaire":"pm-pmo-fit","elapsed_seconds":-5}`, nil, 422, []string{"$.elapsed_seconds"}, true},
			{"out of range and unknown", `{"questionnaire":"pm-pmo-fit","answers":{"q01":6,"q02":0,"nope":1,"s01":"z"}}`, nil, 422, []string{"$.answers.nope", "$.answers.q01", "$.answers.q02", "$.answers.s01"}, false},
			{"submit with items missing", string(mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": incomplete, "submit": true})), nil, 422, []string{"$.answers.q10", "$.answers.e04"}, false},
			{"form-encoded", `questionnaire=pm-pmo-fit`, []callOpt{header("Content-Type", "application/x-www-form-urlencoded")}, 400, nil, true},
			{"bad Idempotency-Key", `{"questionnaire":"pm-pmo-fit"}`, []callOpt{header("Idempotency-Key", strings.Repeat("k", 300))}, 422, []string{"header.Idempotency-Key"}, true},
			{"oversized", `{"questionnaire":"pm-pmo-fit","answers":{"q01":"` + strings.Repeat("x", 70<<10) + `"}}`, nil, 413, nil, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				opts := append([]callOpt{invalidInput()}, tt.header...)
				if !tt.schemaRejects {
					opts = tt.header
				}
				p := wantProblem(t, s.do(t, http.MethodPost, "/api/v1/assessments", []byte(tt.body), opts...), tt.status)
				got := map[string]bool{}
				for _, e := range p.Errors {
					got[e.Path] = true
				}
				for _, want := range tt.paths {
					if !got[want] {
						t.Errorf("no field error at %s: %+v", want, p.Errors)
					}
				}
			})
		}
		if n := s.count(t, "assessments"); n != 0 {
			t.Errorf("%d assessments stored by bad requests", n)
		}
	})
}

func TestIdempotentCreateAndSubmit(t *testing.T) {
	q := latestQuestionnaire(t)
	sheet := honestSheet(t, q, "project-manager")
	eachDB(t, func(t *testing.T, s *testServer) {
		body := mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": sheet, "submit": true})
		key := header("Idempotency-Key", "6f1c1d7e-6a49-4c3f-9d43-2b8f3f0c9a11")
		first := s.do(t, http.MethodPost, "/api/v1/assessments", body, key)
		second := s.do(t, http.MethodPost, "/api/v1/assessments", body, key)
		var a, b assessmentBody
		first.JSON(t, &a)
		second.JSON(t, &b)
		if first.StatusCode != 201 || second.StatusCode != 201 || a.ID != b.ID || a.Token != b.Token || b.Token == "" {
			t.Fatalf("retry: %d/%d ids %s/%s", first.StatusCode, second.StatusCode, a.ID, b.ID)
		}
		if first.Header.Get("Idempotent-Replayed") != "" || second.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("replay header: first %q, second %q", first.Header.Get("Idempotent-Replayed"), second.Header.Get("Idempotent-Replayed"))
		}
		if n := s.count(t, "assessments"); n != 1 {
			t.Errorf("%d assessments stored, want 1", n)
		}
		other := mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": map[string]int{"q01": 1}})
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/assessments", other, key), http.StatusConflict)

		// A draft submitted twice under one key: one result, same answer.
		var d assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": sheet})).JSON(t, &d)
		s.wait(12 * time.Minute)
		path := "/api/v1/assessments/" + d.ID + "/submit"
		tok := header("X-Assessment-Token", d.Token)
		skey := header("Idempotency-Key", "submit-"+d.ID)
		r1 := s.do(t, http.MethodPost, path, nil, tok, skey)
		r2 := s.do(t, http.MethodPost, path, nil, tok, skey)
		var s1, s2 assessmentBody
		r1.JSON(t, &s1)
		r2.JSON(t, &s2)
		if r1.StatusCode != 200 || r2.StatusCode != 200 || *s1.SubmittedAt != *s2.SubmittedAt || r2.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("submit retry: %d/%d, %v/%v", r1.StatusCode, r2.StatusCode, s1.SubmittedAt, s2.SubmittedAt)
		}
		checkResult(t, q, s1, "project-manager")
		if s2.Result.RecommendedRole != s1.Result.RecommendedRole {
			t.Errorf("replayed submit recommends %q, first %q", s2.Result.RecommendedRole, s1.Result.RecommendedRole)
		}
		wantProblem(t, s.do(t, http.MethodPost, path, nil, tok), http.StatusConflict)
		if n := s.count(t, "idempotency_keys"); n != 2 {
			t.Errorf("%d idempotency records, want 2", n)
		}
	})
}

// TestDraftKeepsItsVersion starts a draft while only version 1 is
// published, then publishes the shipped versions, as a deployment of a new
// version does: the draft is still answered and scored on version 1, new
// drafts start on the current version, and version 1 cannot be
// republished with other content.
func TestDraftKeepsItsVersion(t *testing.T) {
	v1, cur := shippedVersion(t, 1), latestQuestionnaire(t)
	if cur.Version == 1 {
		t.Fatal("only version 1 is shipped: nothing to publish after it")
	}
	// An item of the current version that version 1 does not have.
	var newItem string
	for _, it := range cur.Items {
		if _, ok := v1.Item(it.ID); !ok && it.Type == questionnaire.Likert {
			newItem = it.ID
			break
		}
	}
	if newItem == "" {
		t.Fatal("the current version has no statement version 1 lacks")
	}
	v1yaml, err := os.ReadFile("../assessments/pm-pmo-fit/v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	storetest.Run(t, func(t *testing.T, db *store.DB) {
		s := newTestServerPublishing(t, db, fstest.MapFS{"pm-pmo-fit/v1.yaml": {Data: v1yaml}})
		var draft assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{"q01":3}}`)).JSON(t, &draft)
		if draft.Questionnaire.Version != 1 {
			t.Fatalf("draft started on version %d, want 1", draft.Questionnaire.Version)
		}

		if err := s.Assessments.Publish(context.Background(), assessments.FS); err != nil {
			t.Fatalf("publish the shipped versions: %v", err)
		}
		var form struct {
			Version int
			Items   []struct{ ID string }
		}
		s.get(t, "/api/v1/questionnaires/pm-pmo-fit").JSON(t, &form)
		if form.Version != cur.Version {
			t.Fatalf("current version %d, want %d", form.Version, cur.Version)
		}

		tok := header("X-Assessment-Token", draft.Token)
		path := "/api/v1/assessments/" + draft.ID
		if r := s.do(t, http.MethodPatch, path, mustJSON(t, map[string]any{"answers": honestSheet(t, v1, "pmo-administrator")}), tok); r.StatusCode != http.StatusOK {
			t.Fatalf("answer the v1 draft: %d %s", r.StatusCode, r.Body)
		}
		wantProblem(t, s.do(t, http.MethodPatch, path, []byte(`{"answers":{"`+newItem+`":3}}`), tok), http.StatusUnprocessableEntity)
		s.wait(12 * time.Minute)
		r := s.do(t, http.MethodPost, path+"/submit", nil, tok)
		var done assessmentBody
		r.JSON(t, &done)
		if r.StatusCode != 200 || done.Questionnaire.Version != 1 || done.Result.QuestionnaireVersion != 1 {
			t.Fatalf("v1 draft: %d, version %d", r.StatusCode, done.Questionnaire.Version)
		}
		checkResult(t, v1, done, "pmo-administrator")

		var fresh assessmentBody
		s.do(t, http.MethodPost, "/api/v1/assessments", []byte(`{"questionnaire":"pm-pmo-fit","answers":{"`+newItem+`":4}}`)).JSON(t, &fresh)
		if fresh.Questionnaire.Version != cur.Version || fresh.Progress.Required != len(cur.Items) || fresh.Progress.Answered != 1 {
			t.Errorf("new draft on version %d with %d of %d required", fresh.Questionnaire.Version, fresh.Progress.Answered, fresh.Progress.Required)
		}

		changed := strings.Replace(string(v1yaml), "minutes: 12", "minutes: 15", 1)
		err := s.Assessments.Publish(context.Background(), fstest.MapFS{"pm-pmo-fit/v1.yaml": {Data: []byte(changed)}})
		if errs.KindOf(err) != errs.Conflict {
			t.Errorf("republishing v1 with other content: %v, want Conflict", err)
		}
	})
}

// honestSheet is a complete, consistent answer sheet for q of a typical
// person in role. A version scored by the profile model (one with scales)
// is answered by the role's first validity archetype, a person written
// from the source articles who answers each item of that version by hand
// (internal/validity/archetypes); the scoringtest personas know only the
// first model's dimensions and answer a newer version's other facets at
// their base level. Version 1 is answered by the role's persona.
func honestSheet(t testing.TB, q *questionnaire.Questionnaire, role string) questionnaire.Answers {
	t.Helper()
	if !q.Scored() {
		p, ok := scoringtest.Personas[role]
		if !ok {
			t.Fatalf("no persona for role %q", role)
		}
		return p.Persona.Sheet(q)
	}
	arch, err := validity.Archetypes()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arch {
		if a.ID == role+"-a" {
			sheet, err := a.Base(q)
			if err != nil {
				t.Fatal(err)
			}
			return sheet
		}
	}
	t.Fatalf("no archetype %s-a for role %q", role, role)
	return nil
}

// TestHonestSheets checks the sheets the tests submit: on every shipped
// version each role's sheet is complete, reliable and recommends its role.
func TestHonestSheets(t *testing.T) {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		for _, role := range c.Roles {
			r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: honestSheet(t, q, role.Slug), Elapsed: 10 * time.Minute})
			if err != nil {
				t.Fatalf("v%d %s: %v", q.Version, role.Slug, err)
			}
			if !r.Quality.Reliable || r.RecommendedRole != role.Slug {
				t.Errorf("v%d %s: reliable %v (flags %v), recommended %q", q.Version, role.Slug, r.Quality.Reliable, r.Quality.Flags, r.RecommendedRole)
			}
		}
	}
}
