package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/store"
)

// TestStoredResultStillShows loads a result as pmpath stored it when
// results were first kept (internal/store/testdata) into a real row and
// reads it back through every endpoint that shows it: the candidate's
// view in both languages, an advisor's, and the export. The views must
// equal what pmpath showed of that result then (testdata/), so changes to
// the stored form, the scoring model or the API keep old results working.
// The views quote the seeded catalog and questionnaire version 1: a
// deliberate change to their texts updates the golden files too.
func TestStoredResultStillShows(t *testing.T) {
	stored := readFile(t, "../internal/store/testdata/result-scoring-v1.json")
	answers := readFile(t, "../internal/store/testdata/answers-scoring-v1.json")
	eachDB(t, func(t *testing.T, s *testServer) {
		// A submission of today's version becomes the stored one: the
		// result and answers of version 1 as they were kept.
		c := s.register(t, "old@example.com", "Old")
		auth := bearer(c.AccessToken)
		r := s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(t, latestQuestionnaire(t), "pmo-analyst"), "submit": true}), auth)
		if r.StatusCode != http.StatusCreated {
			t.Fatalf("submit: %d %s", r.StatusCode, r.Body)
		}
		var created struct{ ID string }
		r.JSON(t, &created)
		id := created.ID
		query := "UPDATE assessments SET result = ?, answers = ?, questionnaire_version = 1 WHERE id = ?"
		if s.DB.Dialect() == store.Postgres {
			query = "UPDATE assessments SET result = $1, answers = $2, questionnaire_version = 1 WHERE id = $3"
		}
		if _, err := s.DB.SQL().Exec(query, string(stored), string(answers), id); err != nil {
			t.Fatal(err)
		}

		for _, lang := range []string{"ja", "en"} {
			golden := "testdata/stored-result-v1.view-" + lang + ".json"
			var got struct{ Result json.RawMessage }
			s.get(t, "/api/v1/assessments/"+id+"?lang="+lang, auth).JSON(t, &got)
			if os.Getenv("PMPATH_UPDATE_GOLDEN") != "" {
				// A deliberate change to the wording or the API: rewrite the
				// golden file, then read its diff before committing it.
				var b bytes.Buffer
				if err := json.Indent(&b, got.Result, "", " "); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(b.Bytes(), '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := decode(t, readFile(t, golden))
			if diff := cmp.Diff(want, decode(t, got.Result)); diff != "" {
				t.Errorf("%s view of the stored result (-then +now):\n%s", lang, diff)
			}
		}

		adv := s.staff(t, account.Advisor, "adv@example.com")
		s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"adv@example.com"}`), auth)
		var me struct{ ID string }
		s.get(t, "/api/v1/me", auth).JSON(t, &me)
		var profile struct {
			LatestResult json.RawMessage `json:"latest_result"`
		}
		s.get(t, "/api/v1/advisor/candidates/"+me.ID+"?lang=en", bearer(adv.AccessToken)).JSON(t, &profile)
		if diff := cmp.Diff(decode(t, readFile(t, "testdata/stored-result-v1.view-en.json")), decode(t, profile.LatestResult)); diff != "" {
			t.Errorf("advisor's view of the stored result (-then +now):\n%s", diff)
		}

		// The export hands the result over in the form it was stored in.
		var export struct {
			Assessments []struct {
				Answers json.RawMessage
				Result  json.RawMessage
			}
		}
		s.get(t, "/api/v1/me/export", auth).JSON(t, &export)
		if diff := cmp.Diff(decode(t, stored), decode(t, export.Assessments[0].Result)); diff != "" {
			t.Errorf("exported result (-stored +exported):\n%s", diff)
		}
		if diff := cmp.Diff(decode(t, answers), decode(t, export.Assessments[0].Answers)); diff != "" {
			t.Errorf("exported answers (-stored +exported):\n%s", diff)
		}
	})
}

// latestQuestionnaire is the newest shipped version of pm-pmo-fit, the
// one new assessments take.
func latestQuestionnaire(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	var latest *questionnaire.Questionnaire
	for _, q := range qs {
		if q.Slug == "pm-pmo-fit" && (latest == nil || q.Version > latest.Version) {
			latest = q
		}
	}
	return latest
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decode reads JSON into plain values, so documents compare by content
// rather than by key order or spacing.
func decode(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %.200s: %v", b, err)
	}
	return v
}
