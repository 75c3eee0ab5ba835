package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// firstVersion is version 1 of the shipped questionnaire.
func firstVersion(t *testing.T) *questionnaire.Questionnaire {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Slug == "pm-pmo-fit" && q.Version == 1 {
			return q
		}
	}
	t.Fatal("pm-pmo-fit version 1 is not shipped")
	return nil
}

func TestExplain(t *testing.T) {
	q := firstVersion(t)
	s01, _ := q.Item("s01")
	q12, _ := q.Item("q12")        // analysis, plain
	q05, _ := q.Item("q05")        // leadership, reverse-keyed
	chosen, _ := s01.Option("c")   // analysis 2, support 1
	notTaken, _ := s01.Option("a") // decision_making 2, ownership 1
	answers := questionnaire.Answers{"s01": {Option: "c"}, "q12": {Value: 5}, "q05": {Value: 5}}
	low := questionnaire.Answers{"q12": {Value: 1}, "q05": {Value: 1}}
	strength := func(d string, weight, score int, items ...string) scoring.Reason {
		return scoring.Reason{Kind: scoring.ReasonStrength, Dimension: construct.Dimension(d), Weight: weight, Score: score, Items: items}
	}
	gap := func(d string, weight, score int, items ...string) scoring.Reason {
		return scoring.Reason{Kind: scoring.ReasonGap, Dimension: construct.Dimension(d), Weight: weight, Score: score, Items: items}
	}
	tests := []struct {
		name    string
		reason  scoring.Reason
		answers questionnaire.Answers
		avoid   map[string]bool
		lang    i18n.Lang
		want    string
	}{
		{"strength, agreed, ja", strength("analysis", 5, 88, "q12"), answers, nil, i18n.JA,
			"「分析・可視化」が88点と高く、この役割で重視される力（重要度 5/5）に合っています。特に「" + q12.Text.JA + "」に当てはまると答えたことに表れています。"},
		{"strength, agreed, en", strength("analysis", 5, 88, "q12"), answers, nil, i18n.EN,
			"Your Analysis score of 88 is a strength this role relies on (weight 5 of 5). It shows in your agreeing with “" + q12.Text.EN + "”."},
		{"strength, disagreed with a reverse-keyed statement", strength("leadership", 4, 80, "q05"), low, nil, i18n.EN,
			"Your Leadership score of 80 is a strength this role relies on (weight 4 of 5). It shows in your disagreeing with “" + q05.Text.EN + "”."},
		{"strength, choice, ja", strength("analysis", 4, 70, "s01"), answers, nil, i18n.JA,
			"「分析・可視化」が70点と高く、この役割で重視される力（重要度 4/5）に合っています。特に「" + chosen.Text.JA + "」を選んだことに表れています。"},
		{"gap, disagreed, en", gap("analysis", 3, 12, "q12"), low, nil, i18n.EN,
			"Your Analysis score of 12 is below what this role asks for (weight 3 of 5). It shows in your disagreeing with “" + q12.Text.EN + "”."},
		{"gap, agreed with a reverse-keyed statement, ja", gap("leadership", 4, 20, "q05"), answers, nil, i18n.JA,
			"「リーダーシップ」が20点で、この役割が求める水準（重要度 4/5）を下回っています。特に「" + q05.Text.JA + "」に当てはまると答えたことに表れています。"},
		{"gap, choice names the option not taken, en", gap("decision_making", 4, 20, "s01"), answers, nil, i18n.EN,
			"Your Decision making score of 20 is below what this role asks for (weight 4 of 5). It shows where you chose “" + chosen.Text.EN + "” rather than “" + notTaken.Text.EN + "”."},
		{"gap, choice names the option not taken, ja", gap("decision_making", 4, 20, "s01"), answers, nil, i18n.JA,
			"「意思決定」が20点で、この役割が求める水準（重要度 4/5）を下回っています。特に「" + notTaken.Text.JA + "」ではなく「" + chosen.Text.JA + "」を選んだことに表れています。"},
		{"an answer that points the other way is not cited", gap("analysis", 3, 40, "q12"), answers, nil, i18n.EN,
			"Your Analysis score of 40 is below what this role asks for (weight 3 of 5)."},
		{"an answer cited for a strength is not cited for a gap", gap("decision_making", 4, 20, "s01"), answers, map[string]bool{"s01": true}, i18n.EN,
			"Your Decision making score of 20 is below what this role asks for (weight 4 of 5)."},
		{"gap, no answers named, ja", gap("leadership", 4, 20), answers, nil, i18n.JA,
			"「リーダーシップ」が20点で、この役割が求める水準（重要度 4/5）を下回っています。"},
		{"item the version lacks quotes nothing", gap("leadership", 4, 20, "zz99"), answers, nil, i18n.EN,
			"Your Leadership score of 20 is below what this role asks for (weight 4 of 5)."},
		{"unknown dimension is named by its key", strength("telepathy", 2, 90), answers, nil, i18n.EN,
			"Your telepathy score of 90 is a strength this role relies on (weight 2 of 5)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Explain(tt.reason, tt.answers, q, tt.lang, tt.avoid)); diff != "" {
				t.Errorf("Explain (-want +got):\n%s", diff)
			}
		})
	}
	// A sentence is one allocation: the parts are measured, then joined.
	r := gap("decision_making", 4, 20, "s01")
	if n := testing.AllocsPerRun(100, func() { Explain(r, answers, q, i18n.JA, nil) }); n != 1 {
		t.Errorf("Explain allocates %v times, want 1", n)
	}
}
