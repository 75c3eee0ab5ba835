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
	q12, _ := q.Item("q12")
	chosen, _ := s01.Option("c")
	answers := questionnaire.Answers{"s01": {Option: "c"}, "q12": {Value: 5}}
	strength := func(d string, weight, score int, items ...string) scoring.Reason {
		return scoring.Reason{Kind: scoring.ReasonStrength, Dimension: construct.Dimension(d), Weight: weight, Score: score, Items: items}
	}
	gap := func(d string, weight, score int, items ...string) scoring.Reason {
		return scoring.Reason{Kind: scoring.ReasonGap, Dimension: construct.Dimension(d), Weight: weight, Score: score, Items: items}
	}
	tests := []struct {
		name   string
		reason scoring.Reason
		lang   i18n.Lang
		want   string
	}{
		{"strength, statement, ja", strength("analysis", 5, 88, "q12"), i18n.JA,
			"「分析・可視化」が88点と高く、この役割で重視される力（重要度 5/5）に合っています。特に「" + shorten(q12.Text.JA, 48) + "」への回答に表れています。"},
		{"strength, statement, en", strength("analysis", 5, 88, "q12"), i18n.EN,
			"Your Analysis score of 88 is a strength this role relies on (weight 5 of 5). It shows most in your answer to “" + shorten(q12.Text.EN, 48) + "”."},
		{"strength, choice, ja", strength("organizing", 4, 70, "s01"), i18n.JA,
			"「情報の整理」が70点と高く、この役割で重視される力（重要度 4/5）に合っています。特に「" + shorten(chosen.Text.JA, 48) + "」を選んだことに表れています。"},
		{"strength, choice, en", strength("analysis", 5, 88, "s01"), i18n.EN,
			"Your Analysis score of 88 is a strength this role relies on (weight 5 of 5). It shows most in your choice “" + shorten(chosen.Text.EN, 48) + "”."},
		{"gap, statement, ja", gap("analysis", 3, 12, "q12"), i18n.JA,
			"「分析・可視化」が12点で、この役割が求める水準（重要度 3/5）を下回っています。特に「" + shorten(q12.Text.JA, 48) + "」への回答に表れています。"},
		{"gap, statement, en", gap("analysis", 3, 12, "q12"), i18n.EN,
			"Your Analysis score of 12 is below what this role asks for (weight 3 of 5). It shows most in your answer to “" + shorten(q12.Text.EN, 48) + "”."},
		{"gap, no answers named, ja", gap("leadership", 4, 20), i18n.JA,
			"「リーダーシップ」が20点で、この役割が求める水準（重要度 4/5）を下回っています。"},
		{"gap, no answers named, en", gap("leadership", 4, 20), i18n.EN,
			"Your Leadership score of 20 is below what this role asks for (weight 4 of 5)."},
		{"item the version lacks quotes nothing", gap("leadership", 4, 20, "zz99"), i18n.EN,
			"Your Leadership score of 20 is below what this role asks for (weight 4 of 5)."},
		{"unknown dimension is named by its key", strength("telepathy", 2, 90), i18n.EN,
			"Your telepathy score of 90 is a strength this role relies on (weight 2 of 5)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Explain(tt.reason, answers, q, tt.lang)); diff != "" {
				t.Errorf("Explain (-want +got):\n%s", diff)
			}
		})
	}
	// A sentence is one allocation: the parts are measured, then joined.
	r := gap("leadership", 4, 20, "q12")
	if n := testing.AllocsPerRun(100, func() { Explain(r, answers, q, i18n.JA) }); n != 1 {
		t.Errorf("Explain allocates %v times, want 1", n)
	}
}

// TestShorten checks the cut against the plain definition: the first
// runes-1 runes of the string (invalid UTF-8 read as U+FFFD) and an
// ellipsis, or the string itself when it is short enough.
func TestShorten(t *testing.T) {
	tests := []struct {
		s     string
		runes int
		want  string
	}{
		{"あいうえお", 3, "あい…"},
		{"あいうえお", 5, "あいうえお"},
		{"あいうえお", 4, "あいう…"},
		{"abcdef", 2, "a…"},
		{"", 3, ""},
		{"a\xffbcdef", 4, "a\uFFFDb…"},
		{"ab\uFFFDdef", 4, "ab\uFFFD…"},
		{"abcd\xff", 4, "abc…"},
	}
	for _, tt := range tests {
		if got := shorten(tt.s, tt.runes); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.s, tt.runes, got, tt.want)
		}
		r := []rune(tt.s)
		if len(r) > tt.runes {
			if want := string(r[:tt.runes-1]) + "…"; tt.want != want {
				t.Errorf("test case %q is wrong: the definition gives %q", tt.s, want)
			}
		}
	}
}
