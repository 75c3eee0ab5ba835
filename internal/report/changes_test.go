package report

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/scoring"
)

func TestAttempts(t *testing.T) {
	at := func(day int) *time.Time {
		d := time.Date(2026, 1, day, 9, 0, 0, 0, time.UTC)
		return &d
	}
	scored := func(id string, day int, lean construct.Lean, dims map[construct.Dimension]int, order ...construct.Dimension) *assessment.Assessment {
		r := &scoring.Result{
			RecommendedRole: "pmo-analyst", Orientation: scoring.Orientation{PM: 30, PMO: 70, Lean: lean},
			Roles: []scoring.RoleFit{{Slug: "pmo-analyst", Fit: 60 + day}, {Slug: "project-manager", Fit: 40}},
		}
		for _, d := range order {
			r.Dimensions = append(r.Dimensions, scoring.DimensionScore{Key: d, Score: dims[d]})
		}
		return &assessment.Assessment{ID: id, QuestionnaireVersion: 1, Status: assessment.Submitted, SubmittedAt: at(day), Result: r}
	}
	change := func(n int) *int { return &n }
	first := scored("a1", 1, construct.LeanPMO, map[construct.Dimension]int{"analysis": 50, "leadership": 40}, "analysis", "leadership")
	draft := &assessment.Assessment{ID: "a2", Status: assessment.Draft}
	second := scored("a3", 5, construct.LeanPMO, map[construct.Dimension]int{"analysis": 62, "leadership": 31, "strategy": 70}, "analysis", "leadership", "strategy")
	second.Result.Quality.Flags = []string{scoring.FlagTooFast}
	third := scored("a4", 9, construct.LeanBalanced, map[construct.Dimension]int{"analysis": 62}, "analysis")
	noRoles := scored("a5", 12, construct.LeanPM, map[construct.Dimension]int{"strategy": 10}, "strategy")
	noRoles.Result.Roles = nil

	tests := []struct {
		name     string
		attempts []*assessment.Assessment
		lang     i18n.Lang
		want     []Attempt
	}{
		{"none", nil, i18n.EN, []Attempt{}},
		{"first attempt has no changes", []*assessment.Assessment{first}, i18n.EN, []Attempt{
			{AssessmentID: "a1", SubmittedAt: at(1), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 61,
				Orientation: first.Result.Orientation, Flags: []string{},
				Dimensions: []DimensionMove{{Key: "analysis", Name: "Analysis", Score: 50}, {Key: "leadership", Name: "Leadership", Score: 40}}},
		}},
		{"changes count from the attempt before; drafts are skipped; new dimensions have none", []*assessment.Assessment{first, draft, second, third}, i18n.JA, []Attempt{
			{AssessmentID: "a1", SubmittedAt: at(1), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 61,
				Orientation: first.Result.Orientation, Flags: []string{},
				Dimensions: []DimensionMove{{Key: "analysis", Name: "分析・可視化", Score: 50}, {Key: "leadership", Name: "リーダーシップ", Score: 40}}},
			{AssessmentID: "a3", SubmittedAt: at(5), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 65,
				Orientation: second.Result.Orientation, Flags: []string{"too_fast"},
				Dimensions: []DimensionMove{
					{Key: "analysis", Name: "分析・可視化", Score: 62, Change: change(12)},
					{Key: "leadership", Name: "リーダーシップ", Score: 31, Change: change(-9)},
					{Key: "strategy", Name: "戦略・多角的な視点", Score: 70},
				}},
			{AssessmentID: "a4", SubmittedAt: at(9), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 69,
				Orientation: third.Result.Orientation, Flags: []string{},
				Dimensions: []DimensionMove{{Key: "analysis", Name: "分析・可視化", Score: 62, Change: change(0)}}},
		}},
		{"a dimension missing from the attempt before starts again", []*assessment.Assessment{second, third, noRoles}, i18n.EN, []Attempt{
			{AssessmentID: "a3", SubmittedAt: at(5), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 65,
				Orientation: second.Result.Orientation, Flags: []string{"too_fast"},
				Dimensions: []DimensionMove{
					{Key: "analysis", Name: "Analysis", Score: 62},
					{Key: "leadership", Name: "Leadership", Score: 31},
					{Key: "strategy", Name: "Strategy", Score: 70},
				}},
			{AssessmentID: "a4", SubmittedAt: at(9), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 69,
				Orientation: third.Result.Orientation, Flags: []string{},
				Dimensions: []DimensionMove{{Key: "analysis", Name: "Analysis", Score: 62, Change: change(0)}}},
			{AssessmentID: "a5", SubmittedAt: at(12), QuestionnaireVersion: 1, RecommendedRole: "pmo-analyst", Fit: 0,
				Orientation: noRoles.Result.Orientation, Flags: []string{},
				Dimensions: []DimensionMove{{Key: "strategy", Name: "Strategy", Score: 10}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Attempts(tt.attempts, tt.lang)); diff != "" {
				t.Errorf("Attempts (-want +got):\n%s", diff)
			}
		})
	}
}
