package scoring_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/scoring/scoringtest"
)

// uniform answers every Likert item with v, every choice item with its
// first option and every experience item with its first option.
func uniform(q *questionnaire.Questionnaire, v int) questionnaire.Answers {
	a := questionnaire.Answers{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			a[it.ID] = questionnaire.Answer{Value: v}
		case questionnaire.Choice:
			a[it.ID] = questionnaire.Answer{Option: it.Options[0].ID}
		default:
			if it.Select == questionnaire.SelectOne {
				a[it.ID] = questionnaire.Answer{Option: it.Options[0].ID}
			} else {
				a[it.ID] = questionnaire.Answer{Options: []string{it.Options[0].ID}}
			}
		}
	}
	return a
}

func score(t *testing.T, in scoring.Input) scoring.Result {
	t.Helper()
	r, err := scoring.Score(in)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return r
}

func TestResultShape(t *testing.T) {
	q, c := fixtures(t)
	r := score(t, scoring.Input{Questionnaire: q, Catalog: c, Answers: scoringtest.Personas["pmo-analyst"].Persona.Sheet(q)})
	if r.Questionnaire != "pm-pmo-fit" || r.QuestionnaireVersion != 1 || r.ScoringVersion != scoring.Version {
		t.Errorf("versions = %s v%d scoring %s", r.Questionnaire, r.QuestionnaireVersion, r.ScoringVersion)
	}
	if len(r.Dimensions) != construct.OriginalDimensions || len(r.Roles) != len(c.Roles) {
		t.Fatalf("%d dimensions, %d roles", len(r.Dimensions), len(r.Roles))
	}
	for i := 1; i < len(r.Roles); i++ {
		if r.Roles[i].Fit > r.Roles[i-1].Fit {
			t.Errorf("roles not sorted by fit: %v", fits(r))
		}
	}
	if r.RecommendedRole != r.Roles[0].Slug || r.Plan.TargetRole != r.RecommendedRole {
		t.Errorf("recommended %s, first %s, target %s", r.RecommendedRole, r.Roles[0].Slug, r.Plan.TargetRole)
	}
	top := r.Roles[0]
	if len(top.Reasons) == 0 || top.Reasons[0].Kind != scoring.ReasonStrength || len(top.Reasons[0].Items) == 0 {
		t.Errorf("the recommended role's reasons name no strength and answers: %+v", top.Reasons)
	}
	if r.Readiness.Stage != construct.StageLead {
		t.Errorf("readiness %s, want lead: designed PMO metrics, backed by 5-10 years", r.Readiness.Stage)
	}
	readiness, _ := construct.Rank(r.Readiness.Stage)
	if len(r.Plan.Steps) == 0 || r.Readiness.NextStep != r.Plan.Steps[0] {
		t.Errorf("next step %q, plan steps %v", r.Readiness.NextStep, r.Plan.Steps)
	}
	target, _ := c.Role(r.Plan.TargetRole)
	for _, id := range r.Plan.Steps {
		found := false
		for _, s := range target.Roadmap {
			if s.ID == id {
				found = true
				if rank, _ := construct.Rank(s.Stage); rank < readiness {
					t.Errorf("plan includes step %s of stage %s, below the person's %s stage", id, s.Stage, r.Readiness.Stage)
				}
			}
		}
		if !found {
			t.Errorf("plan step %s is not on %s's roadmap", id, target.Slug)
		}
	}
	for _, cert := range r.Plan.Certifications {
		if cert == "npmo-pjm-a" {
			t.Error("plan suggests npmo-pjm-a, which the person already holds")
		}
	}
	if r.Plan.NextRole != "pmo-manager" {
		t.Errorf("next role after pmo-analyst = %q, want pmo-manager", r.Plan.NextRole)
	}
	for i := 1; i < len(r.Plan.Gaps); i++ {
		if r.Plan.Gaps[i].Gap > r.Plan.Gaps[i-1].Gap {
			t.Errorf("gaps not largest first: %+v", r.Plan.Gaps)
		}
	}
	for _, g := range r.Plan.Gaps {
		if g.Gap != g.Target-g.Score || g.Gap <= 0 {
			t.Errorf("gap %+v is not target minus score", g)
		}
	}
}

func TestReadiness(t *testing.T) {
	q, c := fixtures(t)
	tests := []struct {
		name       string
		experience map[string][]string
		want       construct.Stage
	}{
		{"nothing yet", map[string][]string{"e01": {"y0"}, "e02": {"none"}, "e03": {"none"}, "e04": {"none"}}, construct.StageFoundation},
		{"long IT career, no PM duties", map[string][]string{"e01": {"y10"}, "e02": {"none"}, "e03": {"none"}, "e04": {"none"}}, construct.StageCoordinator},
		{"tracking with a little support", map[string][]string{"e01": {"y3"}, "e02": {"tracking"}, "e03": {"none"}, "e04": {"none"}}, construct.StagePractitioner},
		{"led a project, PMP, team of 20", map[string][]string{"e01": {"y5"}, "e02": {"lead-project"}, "e03": {"pmp"}, "e04": {"upto20"}}, construct.StageLead},
		{"a lone portfolio claim is capped", map[string][]string{"e01": {"y1"}, "e02": {"portfolio"}, "e03": {"none"}, "e04": {"none"}}, construct.StageCoordinator},
		{"executive with evidence", map[string][]string{"e01": {"y10"}, "e02": {"portfolio"}, "e03": {"pmp"}, "e04": {"over50"}}, construct.StageExecutive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := scoringtest.Personas["project-manager"].Persona
			p.Experience = tt.experience
			r := score(t, scoring.Input{Questionnaire: q, Catalog: c, Answers: p.Sheet(q)})
			if r.Readiness.Stage != tt.want {
				t.Errorf("readiness = %s, want %s (evidence %+v)", r.Readiness.Stage, tt.want, r.Readiness.Evidence)
			}
		})
	}
}

func TestQualityFlags(t *testing.T) {
	q, c := fixtures(t)
	considered := scoringtest.Personas["pmo-analyst"].Persona.Sheet(q)
	tests := []struct {
		name    string
		answers questionnaire.Answers
		elapsed time.Duration
		want    []string
	}{
		{"considered, unhurried", considered, 11 * time.Minute, []string{}},
		{"considered, timing unknown", considered, 0, []string{}},
		{"all threes", uniform(q, 3), 0, []string{scoring.FlagStraightLining}},
		{"all fives contradict the reverse items", uniform(q, 5), 0, []string{scoring.FlagStraightLining, scoring.FlagInconsistent}},
		{"all ones too", uniform(q, 1), 0, []string{scoring.FlagStraightLining, scoring.FlagInconsistent}},
		{"59 answers in a minute", considered, time.Minute, []string{scoring.FlagTooFast}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := score(t, scoring.Input{Questionnaire: q, Catalog: c, Answers: tt.answers, Elapsed: tt.elapsed})
			if diff := cmp.Diff(tt.want, r.Quality.Flags); diff != "" {
				t.Errorf("flags (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreRejectsIncompleteAnswers(t *testing.T) {
	q, c := fixtures(t)
	a := uniform(q, 3)
	delete(a, "q01")
	delete(a, "s03")
	a["zz99"] = questionnaire.Answer{Value: 3}
	_, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a})
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.Invalid {
		t.Fatalf("error = %v, want Invalid", err)
	}
	var paths []string
	for _, f := range e.Fields {
		paths = append(paths, f.Path)
	}
	if diff := cmp.Diff([]string{"$.answers.q01", "$.answers.s03", "$.answers.zz99"}, paths); diff != "" {
		t.Errorf("field paths (-want +got):\n%s", diff)
	}
	if _, err := scoring.Score(scoring.Input{Questionnaire: q, Answers: a}); errs.KindOf(err) != errs.Internal {
		t.Errorf("no catalog: error %v, want Internal", err)
	}
}

// TestScoreIsDeterministic: same questionnaire and answers, same result,
// down to the JSON bytes that get stored.
func TestScoreIsDeterministic(t *testing.T) {
	q, c := fixtures(t)
	a := scoringtest.Personas["pmo-manager"].Persona.Sheet(q)
	first, _ := json.Marshal(score(t, scoring.Input{Questionnaire: q, Catalog: c, Answers: a}))
	for i := 0; i < 20; i++ {
		again, _ := json.Marshal(score(t, scoring.Input{Questionnaire: q, Catalog: c, Answers: a}))
		if string(again) != string(first) {
			t.Fatalf("run %d differs:\n%s\n%s", i, first, again)
		}
	}
}
