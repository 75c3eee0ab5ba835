package api_test

import (
	"github.com/google/go-cmp/cmp"

	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// staff creates a staff account directly and signs it in.
func (s *testServer) staff(t *testing.T, role account.Role, email string) sessionBody {
	t.Helper()
	if _, err := s.Accounts.CreateStaff(context.Background(), account.NewUser{Email: email, Password: goodPassword, DisplayName: strings.Split(email, "@")[0], Role: role}); err != nil {
		t.Fatalf("create %s: %v", role, err)
	}
	_, sb := s.login(t, email, goodPassword)
	return sb
}

// candidateWithResult registers a candidate and submits a persona's sheet.
func (s *testServer) candidateWithResult(t *testing.T, email, name, persona string) sessionBody {
	t.Helper()
	sb := s.register(t, email, name)
	r := s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(t, latestQuestionnaire(t), persona), "submit": true}), bearer(sb.AccessToken))
	if r.StatusCode != http.StatusCreated {
		t.Fatalf("submit: %d %s", r.StatusCode, r.Body)
	}
	return sb
}

type candidatePage struct {
	Candidates []struct {
		ID              string
		DisplayName     string `json:"display_name"`
		RecommendedRole string `json:"recommended_role"`
		Lean            string
		Fit             int
	}
	NextCursor *string `json:"next_cursor"`
}

func names(p candidatePage) string {
	var out []string
	for _, c := range p.Candidates {
		out = append(out, c.DisplayName)
	}
	return strings.Join(out, ",")
}

func TestAdvisorFlow(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		admin := s.staff(t, account.Admin, "admin@example.com")
		r := s.do(t, http.MethodPost, "/api/v1/admin/users", mustJSON(t, map[string]string{"email": "sato@example.com", "password": goodPassword, "display_name": "佐藤", "role": "advisor"}), bearer(admin.AccessToken))
		if r.StatusCode != http.StatusCreated {
			t.Fatalf("admin creates advisor: %d %s", r.StatusCode, r.Body)
		}
		_, adv := s.login(t, "sato@example.com", goodPassword)
		other := s.staff(t, account.Advisor, "other@example.com")

		analyst := s.candidateWithResult(t, "aoi@example.com", "Aoi Tanaka", "pmo-analyst")
		pm := s.candidateWithResult(t, "ren@example.com", "Ren Suzuki", "project-manager")
		elsewhere := s.candidateWithResult(t, "mei@example.com", "Mei", "pmo-administrator")
		noResult := s.register(t, "kai@example.com", "Kai")
		for _, c := range []sessionBody{analyst, pm, noResult} {
			if r := s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"SATO@example.com"}`), bearer(c.AccessToken)); r.StatusCode != http.StatusCreated {
				t.Fatalf("share: %d %s", r.StatusCode, r.Body)
			}
		}
		s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"other@example.com"}`), bearer(elsewhere.AccessToken))

		auth := bearer(adv.AccessToken)
		list := func(query string) candidatePage {
			t.Helper()
			r := s.get(t, "/api/v1/advisor/candidates"+query, auth)
			if r.StatusCode != 200 {
				t.Fatalf("list %s: %d %s", query, r.StatusCode, r.Body)
			}
			var p candidatePage
			r.JSON(t, &p)
			return p
		}
		all := list("")
		if len(all.Candidates) != 2 || all.NextCursor != nil {
			t.Fatalf("advisor sees %q; want the two sharing candidates with results", names(all))
		}
		if all.Candidates[0].Fit < all.Candidates[1].Fit {
			t.Errorf("not sorted by fit: %+v", all.Candidates)
		}
		for query, want := range map[string]string{
			"?role=pmo-analyst":        "Aoi Tanaka",
			"?lean=pm":                 "Ren Suzuki",
			"?q=tanaka":                "Aoi Tanaka",
			"?q=%25":                   "",
			"?min_fit=101":             "",
			"?role=pmo-director":       "",
			"?q=Ren&lean=pm&sort=date": "Ren Suzuki",
		} {
			if query == "?min_fit=101" {
				wantProblem(t, s.get(t, "/api/v1/advisor/candidates"+query, auth, invalidInput()), http.StatusUnprocessableEntity)
				continue
			}
			if got := names(list(query)); got != want {
				t.Errorf("%s: got %q, want %q", query, got, want)
			}
		}

		// Keyset pages stay stable while new results arrive.
		first := list("?limit=1")
		if len(first.Candidates) != 1 || first.NextCursor == nil {
			t.Fatalf("page 1: %+v", first)
		}
		s.candidateWithResult(t, "late@example.com", "Late", "pmo-analyst")
		late, _ := s.login(t, "late@example.com", goodPassword)
		_ = late
		_, lateSession := s.login(t, "late@example.com", goodPassword)
		s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"sato@example.com"}`), bearer(lateSession.AccessToken))
		second := list("?limit=1&cursor=" + url.QueryEscape(*first.NextCursor))
		if len(second.Candidates) != 1 || second.Candidates[0].ID == first.Candidates[0].ID {
			t.Errorf("page 2 = %q after page 1 %q", names(second), names(first))
		}
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates?sort=date&cursor="+url.QueryEscape(*first.NextCursor), auth), http.StatusUnprocessableEntity)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates?cursor=bm90LWEtY3Vyc29y", auth), http.StatusUnprocessableEntity)

		// A profile with history, and private notes.
		aoiID := all.Candidates[0].ID
		if all.Candidates[0].DisplayName != "Aoi Tanaka" {
			aoiID = all.Candidates[1].ID
		}
		s.do(t, http.MethodPost, "/api/v1/assessments", mustJSON(t, map[string]any{"questionnaire": "pm-pmo-fit", "answers": honestSheet(t, latestQuestionnaire(t), "pmo-manager"), "submit": true}), bearer(analyst.AccessToken))
		var profile struct {
			Email    string
			Attempts []struct {
				RecommendedRole string `json:"recommended_role"`
				Dimensions      []struct {
					Key    string
					Change *int
				}
			}
			Latest *struct {
				RecommendedRole string `json:"recommended_role"`
				Roles           []struct {
					Why []string
				}
				Readiness struct{ Level string }
			} `json:"latest_result"`
		}
		s.get(t, "/api/v1/advisor/candidates/"+aoiID, auth).JSON(t, &profile)
		if profile.Email != "aoi@example.com" || len(profile.Attempts) != 2 || profile.Attempts[0].Dimensions[0].Change != nil || profile.Attempts[1].Dimensions[0].Change == nil {
			t.Errorf("profile = %+v", profile)
		}
		// The latest result comes in full, reasons and readiness included,
		// and it is the newest attempt's.
		if l := profile.Latest; l == nil || l.RecommendedRole != profile.Attempts[1].RecommendedRole || len(l.Roles) == 0 || len(l.Roles[0].Why) == 0 || l.Readiness.Level == "" {
			t.Errorf("latest_result = %+v", profile.Latest)
		}
		notesPath := "/api/v1/advisor/candidates/" + aoiID + "/notes"
		if r := s.do(t, http.MethodPost, notesPath, []byte(`{"body":"分析の強みを面談で確認する"}`), auth); r.StatusCode != http.StatusCreated {
			t.Fatalf("note: %d %s", r.StatusCode, r.Body)
		}
		var notes struct{ Notes []struct{ Body string } }
		s.get(t, notesPath, auth).JSON(t, &notes)
		if len(notes.Notes) != 1 || notes.Notes[0].Body != "分析の強みを面談で確認する" {
			t.Errorf("notes = %+v", notes)
		}
		wantProblem(t, s.do(t, http.MethodPost, notesPath, []byte(`{"body":"   "}`), auth), http.StatusUnprocessableEntity)
		wantProblem(t, s.get(t, notesPath, bearer(other.AccessToken)), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates/"+aoiID, bearer(other.AccessToken)), http.StatusNotFound)
		var meiID string
		s.DB.SQL().QueryRow("SELECT id FROM users WHERE email = 'mei@example.com'").Scan(&meiID)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates/"+meiID, auth), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates/00000000-0000-4000-8000-000000000000", auth), http.StatusNotFound)

		// Taking a share back removes the candidate from the advisor's view.
		var shares struct {
			Shares []struct {
				AdvisorID string `json:"advisor_id"`
			}
		}
		s.get(t, "/api/v1/me/shares", bearer(analyst.AccessToken)).JSON(t, &shares)
		if r := s.do(t, http.MethodDelete, "/api/v1/me/shares/"+shares.Shares[0].AdvisorID, nil, bearer(analyst.AccessToken)); r.StatusCode != http.StatusNoContent {
			t.Fatalf("unshare: %d", r.StatusCode)
		}
		wantProblem(t, s.do(t, http.MethodDelete, "/api/v1/me/shares/"+shares.Shares[0].AdvisorID, nil, bearer(analyst.AccessToken)), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates/"+aoiID, auth), http.StatusNotFound)
		if got := names(list("?q=Aoi")); got != "" {
			t.Errorf("unshared candidate still listed: %q", got)
		}

		// Sharing with someone who is not an advisor.
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"admin@example.com"}`), bearer(pm.AccessToken)), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"nobody@example.com"}`), bearer(pm.AccessToken)), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"not an email"}`), bearer(pm.AccessToken)), http.StatusUnprocessableEntity)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"sato@example.com"}`), auth), http.StatusForbidden)

		// Every staff read is in the audit log.
		var log struct {
			Entries []struct {
				ActorID   string `json:"actor_id"`
				Action    string
				SubjectID *string `json:"subject_id"`
			}
		}
		s.get(t, "/api/v1/admin/audit?limit=200", bearer(admin.AccessToken)).JSON(t, &log)
		seen := map[string]bool{}
		for _, e := range log.Entries {
			if e.SubjectID != nil && *e.SubjectID == aoiID {
				seen[e.Action] = true
			}
		}
		for _, want := range []string{"advisor.view_candidate", "advisor.write_note", "advisor.read_notes"} {
			if !seen[want] {
				t.Errorf("audit log lacks %s about the candidate: %+v", want, log.Entries)
			}
		}
		wantProblem(t, s.get(t, "/api/v1/admin/audit", auth), http.StatusForbidden)
		wantProblem(t, s.get(t, "/api/v1/admin/audit?limit=0", bearer(admin.AccessToken), invalidInput()), http.StatusUnprocessableEntity)
	})
}

func TestRecruiterTalent(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		rec := s.staff(t, account.Recruiter, "hr@example.com")
		adv := s.staff(t, account.Advisor, "adv@example.com")
		open := s.candidateWithResult(t, "open@example.com", "Open", "pmo-director")
		s.candidateWithResult(t, "private@example.com", "Private", "pmo-analyst")
		s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"discoverable":true}`), bearer(open.AccessToken))

		r := s.get(t, "/api/v1/recruiter/talent", bearer(rec.AccessToken))
		var p candidatePage
		r.JSON(t, &p)
		if names(p) != "Open" {
			t.Fatalf("talent = %q, want only the discoverable candidate", names(p))
		}
		for _, leak := range []string{"@example.com", "answers", "notes", "email", "shared_at", "submitted_at"} {
			if strings.Contains(string(r.Body), leak) {
				t.Errorf("the talent pool leaks %q: %s", leak, r.Body)
			}
		}
		s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"discoverable":false}`), bearer(open.AccessToken))
		s.get(t, "/api/v1/recruiter/talent", bearer(rec.AccessToken)).JSON(t, &p)
		if len(p.Candidates) != 0 {
			t.Errorf("opted-out candidate still listed: %q", names(p))
		}

		wantProblem(t, s.get(t, "/api/v1/recruiter/talent", bearer(adv.AccessToken)), http.StatusForbidden)
		wantProblem(t, s.get(t, "/api/v1/advisor/candidates", bearer(rec.AccessToken)), http.StatusForbidden)
		wantProblem(t, s.get(t, "/api/v1/recruiter/talent", bearer(open.AccessToken)), http.StatusForbidden)
		wantProblem(t, s.get(t, "/api/v1/recruiter/talent"), http.StatusUnauthorized)
		wantProblem(t, s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"discoverable":true}`), bearer(rec.AccessToken)), http.StatusUnprocessableEntity)
	})
}

// TestListingRefusesInjection sends SQL-like strings in every filter and
// sort parameter: each is refused by the allow-lists or matched as plain
// text, and the data is untouched.
func TestListingRefusesInjection(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		adv := s.staff(t, account.Advisor, "adv@example.com")
		rec := s.staff(t, account.Recruiter, "hr@example.com")
		c := s.candidateWithResult(t, "c@example.com", "Chika", "pmo-analyst")
		s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"adv@example.com"}`), bearer(c.AccessToken))
		s.do(t, http.MethodPatch, "/api/v1/me", []byte(`{"discoverable":true}`), bearer(c.AccessToken))
		users := s.count(t, "users")
		attacks := []string{"' OR '1'='1", "1; DROP TABLE users;--", "fit DESC; DELETE FROM users", "latest_fit) OR 1=1--", `\' OR 1=1 --`, "%' --"}
		for _, path := range []string{"/api/v1/advisor/candidates", "/api/v1/recruiter/talent"} {
			auth := bearer(adv.AccessToken)
			if strings.Contains(path, "recruiter") {
				auth = bearer(rec.AccessToken)
			}
			for _, a := range attacks {
				for _, param := range []string{"role", "lean", "min_fit", "sort", "limit", "cursor"} {
					r := s.get(t, path+"?"+param+"="+url.QueryEscape(a), auth, invalidInputUnless(param == "role" || param == "cursor"))
					wantProblem(t, r, http.StatusUnprocessableEntity)
				}
				var p candidatePage
				r := s.get(t, path+"?q="+url.QueryEscape(a), auth)
				r.JSON(t, &p)
				if r.StatusCode != 200 || len(p.Candidates) != 0 {
					t.Errorf("q=%q: %d %q; want no match", a, r.StatusCode, names(p))
				}
			}
		}
		if n := s.count(t, "users"); n != users {
			t.Errorf("users: %d, was %d", n, users)
		}
	})
}

func TestRoadmapProgressAndExport(t *testing.T) {
	eachDB(t, func(t *testing.T, s *testServer) {
		c := s.candidateWithResult(t, "nao@example.com", "Nao", "pmo-analyst")
		auth := bearer(c.AccessToken)
		type roadmap struct {
			Role  string
			Steps []struct {
				ID, Title, Status string
			}
			NextStepID *string `json:"next_step_id"`
		}
		var rm roadmap
		s.get(t, "/api/v1/me/roadmap", auth).JSON(t, &rm)
		if rm.Role != "pmo-analyst" || len(rm.Steps) < 2 || rm.Steps[0].Status != "pending" {
			t.Fatalf("roadmap = %+v", rm)
		}
		// One list of steps: my roadmap is the latest result's plan, with the
		// same next step.
		var mine struct{ Assessments []struct{ ID string } }
		s.get(t, "/api/v1/me/assessments", auth).JSON(t, &mine)
		var latest struct {
			Result struct {
				Readiness struct {
					NextStepID string `json:"next_step_id"`
				}
				Plan struct{ Steps []struct{ ID string } }
			}
		}
		s.get(t, "/api/v1/assessments/"+mine.Assessments[0].ID, auth).JSON(t, &latest)
		var planIDs, roadIDs []string
		for _, st := range latest.Result.Plan.Steps {
			planIDs = append(planIDs, st.ID)
		}
		for _, st := range rm.Steps {
			roadIDs = append(roadIDs, st.ID)
		}
		if diff := cmp.Diff(planIDs, roadIDs); diff != "" || rm.NextStepID == nil || *rm.NextStepID != latest.Result.Readiness.NextStepID {
			t.Errorf("my roadmap's steps differ from the result's plan (-plan +roadmap):\n%s\nnext %v, result's %q", diff, rm.NextStepID, latest.Result.Readiness.NextStepID)
		}
		step := rm.Steps[0].ID
		if r := s.do(t, http.MethodPut, "/api/v1/me/roadmap/"+step, []byte(`{"status":"done"}`), auth); r.StatusCode != 200 {
			t.Fatalf("mark: %d %s", r.StatusCode, r.Body)
		}
		s.do(t, http.MethodPut, "/api/v1/me/roadmap/"+rm.Steps[1].ID, []byte(`{"status":"learning"}`), auth)
		wantProblem(t, s.do(t, http.MethodPut, "/api/v1/me/roadmap/no-such-step", []byte(`{"status":"done"}`), auth), http.StatusNotFound)
		wantProblem(t, s.do(t, http.MethodPut, "/api/v1/me/roadmap/"+step, []byte(`{"status":"finished"}`), auth, invalidInput()), http.StatusUnprocessableEntity)
		wantProblem(t, s.get(t, "/api/v1/me/roadmap?role=astronaut", auth), http.StatusUnprocessableEntity)
		var pmRoad roadmap
		s.get(t, "/api/v1/me/roadmap?role=project-manager&lang=en", auth).JSON(t, &pmRoad)
		if pmRoad.Role != "project-manager" || len(pmRoad.Steps) == 0 {
			t.Errorf("?role=project-manager: %+v", pmRoad)
		}
		fresh := s.register(t, "new@example.com", "New")
		wantProblem(t, s.get(t, "/api/v1/me/roadmap", bearer(fresh.AccessToken)), http.StatusNotFound)

		// Reword the catalog: progress survives because step ids are stable.
		cat, err := s.DB.LoadCatalog(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for i := range cat.Roles {
			for j := range cat.Roles[i].Roadmap {
				if cat.Roles[i].Roadmap[j].ID == step {
					cat.Roles[i].Roadmap[j].Title.JA = "言い換えた最初の一歩"
				}
			}
		}
		if _, err := s.DB.SaveCatalog(context.Background(), cat, "reworded"); err != nil {
			t.Fatal(err)
		}
		s.get(t, "/api/v1/me/roadmap", auth).JSON(t, &rm)
		if rm.Steps[0].Title != "言い換えた最初の一歩" || rm.Steps[0].Status != "done" || rm.Steps[1].Status != "learning" {
			t.Errorf("after rewording: %+v", rm.Steps[:2])
		}
		if rm.NextStepID == nil || *rm.NextStepID != rm.Steps[1].ID {
			t.Errorf("with the first step done, the next step is %v, want %s", rm.NextStepID, rm.Steps[1].ID)
		}

		// An advisor reads; the export shows it, with everything else.
		adv := s.staff(t, account.Advisor, "adv@example.com")
		s.do(t, http.MethodPost, "/api/v1/me/shares", []byte(`{"advisor_email":"adv@example.com"}`), auth)
		var me struct{ ID string }
		s.get(t, "/api/v1/me", auth).JSON(t, &me)
		s.get(t, "/api/v1/advisor/candidates/"+me.ID, bearer(adv.AccessToken))

		r := s.get(t, "/api/v1/me/export", auth)
		var export struct {
			Account     struct{ Email string }
			Assessments []struct {
				Answers map[string]any
				Result  *struct {
					RecommendedRole string `json:"recommended_role"`
				}
			}
			Shares []struct {
				DisplayName string `json:"display_name"`
			}
			RoadmapProgress []struct{ StepID, Status string } `json:"roadmap_progress"`
			StaffReads      []struct {
				ActorRole string `json:"actor_role"`
				Action    string
			} `json:"staff_reads"`
		}
		r.JSON(t, &export)
		if export.Account.Email != "nao@example.com" || len(export.Assessments) != 1 || len(export.Assessments[0].Answers) < 50 || export.Assessments[0].Result.RecommendedRole != "pmo-analyst" {
			t.Errorf("export account/assessments = %+v", export.Account)
		}
		if len(export.Shares) != 1 || len(export.RoadmapProgress) != 2 || len(export.StaffReads) == 0 || export.StaffReads[0].ActorRole != "advisor" {
			t.Errorf("export shares %d, progress %d, staff reads %+v", len(export.Shares), len(export.RoadmapProgress), export.StaffReads)
		}
		if !strings.Contains(r.Header.Get("Content-Disposition"), "attachment") {
			t.Error("export is not offered as a download")
		}
		wantProblem(t, s.get(t, "/api/v1/me/export"), http.StatusUnauthorized)
	})
}

func TestAdminQuestionnairesAndStats(t *testing.T) {
	q := latestQuestionnaire(t)
	current, err := os.ReadFile(fmt.Sprintf("../assessments/pm-pmo-fit/v%d.yaml", q.Version))
	if err != nil {
		t.Fatal(err)
	}
	// The statistics cover the Likert statements and their dimensions.
	statements, dims := 0, map[string]bool{}
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			statements++
			dims[string(it.Dimension)] = true
		}
	}
	// The next version an admin uploads: the current one renumbered.
	nextVersion := fmt.Sprintf("version: %d", q.Version+1)
	next := strings.Replace(string(current), fmt.Sprintf("\nversion: %d\n", q.Version), "\n"+nextVersion+"\n", 1)
	eachDB(t, func(t *testing.T, s *testServer) {
		admin := bearer(s.staff(t, account.Admin, "admin@example.com").AccessToken)
		for _, p := range []string{"pmo-analyst", "project-manager", "pmo-administrator"} {
			s.candidateWithResult(t, p+"@example.com", p, p)
		}
		var st struct {
			Version, Responses int
			Items              []struct{ N int }
			Dimensions         []struct {
				N     int
				Alpha *float64
			}
		}
		s.get(t, "/api/v1/admin/questionnaires/pm-pmo-fit/stats", admin).JSON(t, &st)
		if st.Version != q.Version || st.Responses != 3 || len(st.Items) != statements || len(st.Dimensions) != len(dims) || st.Items[0].N != 3 || st.Dimensions[0].N != 3 {
			t.Errorf("stats = %+v", st)
		}
		alphas := 0
		for _, d := range st.Dimensions {
			if d.Alpha != nil {
				alphas++
			}
		}
		if alphas == 0 {
			t.Error("no dimension has an alpha over three responses")
		}

		if r := s.do(t, http.MethodPost, "/api/v1/admin/questionnaires", mustJSON(t, map[string]string{"definition": next}), admin); r.StatusCode != http.StatusCreated {
			t.Fatalf("upload version %d: %d %s", q.Version+1, r.StatusCode, r.Body)
		}
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/admin/questionnaires", mustJSON(t, map[string]string{"definition": next}), admin), http.StatusConflict)
		broken := strings.Replace(strings.Replace(next, nextVersion, fmt.Sprintf("version: %d", q.Version+2), 1), "dimension: analysis", "dimension: luck", 1)
		p := wantProblem(t, s.do(t, http.MethodPost, "/api/v1/admin/questionnaires", mustJSON(t, map[string]string{"definition": broken}), admin), http.StatusUnprocessableEntity)
		if !strings.Contains(p.Detail, "dimension") || !strings.Contains(p.Detail, "items[") {
			t.Errorf("detail %q does not name the item and field", p.Detail)
		}
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/admin/questionnaires", []byte(`{"definition":""}`), admin), http.StatusUnprocessableEntity)
		var list struct{ Questionnaires []struct{ Version int } }
		s.get(t, "/api/v1/admin/questionnaires", admin).JSON(t, &list)
		if len(list.Questionnaires) != q.Version+1 {
			t.Errorf("versions = %+v, want %d", list.Questionnaires, q.Version+1)
		}
		s.get(t, fmt.Sprintf("/api/v1/admin/questionnaires/pm-pmo-fit/stats?version=%d", q.Version+1), admin).JSON(t, &st)
		if st.Version != q.Version+1 || st.Responses != 0 {
			t.Errorf("version %d stats = %+v", q.Version+1, st)
		}
		wantProblem(t, s.get(t, "/api/v1/admin/questionnaires/nope/stats", admin), http.StatusNotFound)
		wantProblem(t, s.get(t, "/api/v1/admin/questionnaires/pm-pmo-fit/stats?version=abc", admin, invalidInput()), http.StatusUnprocessableEntity)
		cand := s.register(t, "x@example.com", "X")
		wantProblem(t, s.get(t, "/api/v1/admin/questionnaires", bearer(cand.AccessToken)), http.StatusForbidden)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/admin/users", mustJSON(t, map[string]string{"email": "e@example.com", "password": goodPassword, "display_name": "E", "role": "admin"}), bearer(cand.AccessToken)), http.StatusForbidden)
		wantProblem(t, s.do(t, http.MethodPost, "/api/v1/admin/users", mustJSON(t, map[string]string{"email": "e@example.com", "password": goodPassword, "display_name": "E", "role": "candidate"}), admin, invalidInput()), http.StatusUnprocessableEntity)
	})
}
