package api

import (
	"strings"
	"testing"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

func TestExplain(t *testing.T) {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0]
	s01, _ := q.Item("s01")
	q12, _ := q.Item("q12")
	answers := questionnaire.Answers{"s01": {Option: "c"}, "q12": {Value: 5}}
	chosen, _ := s01.Option("c")
	tests := []struct {
		name   string
		reason scoring.Reason
		lang   i18n.Lang
		want   []string
	}{
		{"strength, statement, ja", scoring.Reason{Kind: scoring.ReasonStrength, Dimension: "analysis", Weight: 5, Score: 88, Items: []string{"q12"}}, i18n.JA,
			[]string{"「分析・可視化」が88点と高く、この役割で重視される力（重要度 5/5）に合っています。特に「" + shorten(q12.Text.JA, 48) + "」への回答に表れています。"}},
		{"strength, choice, en", scoring.Reason{Kind: scoring.ReasonStrength, Dimension: "analysis", Weight: 5, Score: 88, Items: []string{"s01"}}, i18n.EN,
			[]string{"Your Analysis score of 88 is a strength this role relies on (weight 5 of 5). It shows most in your choice “" + shorten(chosen.Text.EN, 48) + "”."}},
		{"gap, statement, en", scoring.Reason{Kind: scoring.ReasonGap, Dimension: "analysis", Weight: 3, Score: 12, Items: []string{"q12"}}, i18n.EN,
			[]string{"Your Analysis score of 12 is below what this role asks for (weight 3 of 5). It shows most in your answer to “" + shorten(q12.Text.EN, 48) + "”."}},
		{"strength, choice, ja", scoring.Reason{Kind: scoring.ReasonStrength, Dimension: "organizing", Weight: 4, Score: 70, Items: []string{"s01"}}, i18n.JA,
			[]string{"「情報の整理」が70点と高く", "特に「" + shorten(chosen.Text.JA, 48) + "」を選んだことに表れています。"}},
		{"gap, no answers named", scoring.Reason{Kind: scoring.ReasonGap, Dimension: "leadership", Weight: 4, Score: 20}, i18n.EN,
			[]string{"Your Leadership score of 20 is below what this role asks for (weight 4 of 5)."}},
		{"gap, ja", scoring.Reason{Kind: scoring.ReasonGap, Dimension: "leadership", Weight: 4, Score: 20}, i18n.JA,
			[]string{"「リーダーシップ」が20点で、この役割が求める水準（重要度 4/5）を下回っています。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := explain(tt.reason, answers, q, tt.lang)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("explain = %q\nwant it to contain %q", got, w)
				}
			}
		})
	}
	// A sentence is one allocation: the parts are measured, then joined.
	gap := scoring.Reason{Kind: scoring.ReasonGap, Dimension: "leadership", Weight: 4, Score: 20, Items: []string{"q12"}}
	if n := testing.AllocsPerRun(100, func() { explain(gap, answers, q, i18n.JA) }); n != 1 {
		t.Errorf("explain allocates %v times, want 1", n)
	}
	if got := shorten("あいうえお", 3); got != "あい…" {
		t.Errorf("shorten = %q", got)
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
