package questionnaire_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/datafile"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

func TestShippedQuestionnaire(t *testing.T) {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	if len(qs) == 0 || qs[0].Slug != "pm-pmo-fit" || qs[0].Version != 1 {
		t.Fatalf("got %d questionnaires", len(qs))
	}
	q := qs[0]
	likert := map[construct.Dimension]int{}
	reverse := map[construct.Dimension]int{}
	var choice, experience int
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			likert[it.Dimension]++
			if it.Reverse {
				reverse[it.Dimension]++
			}
		case questionnaire.Choice:
			choice++
		case questionnaire.Experience:
			experience++
		}
	}
	for _, d := range construct.Dimensions[:construct.OriginalDimensions] {
		if likert[d.Key] < 3 || reverse[d.Key] < 1 {
			t.Errorf("%s: %d Likert items, %d reverse-keyed; want at least 3 and 1", d.Key, likert[d.Key], reverse[d.Key])
		}
	}
	if choice < 8 || experience < 4 {
		t.Errorf("%d situational and %d experience items; want at least 8 and 4", choice, experience)
	}
	// About 10-12 minutes: ~7 s a statement, ~30 s a situation, ~10 s an
	// experience question.
	secs := 7*len(likert)*3 + 30*choice + 10*experience
	if secs < 8*60 || secs > 14*60 || q.Minutes < 10 || q.Minutes > 12 {
		t.Errorf("estimated %d s, stated %d minutes; want about 10-12 minutes", secs, q.Minutes)
	}
}

const valid = `slug: mini
version: 1
title: {ja: 診断, en: Quiz}
description: {ja: 説明, en: About}
minutes: 5
scale:
  - {ja: 一, en: One}
  - {ja: 二, en: Two}
  - {ja: 三, en: Three}
  - {ja: 四, en: Four}
  - {ja: 五, en: Five}
items:
  - {id: q01, type: likert, dimension: analysis, text: {ja: 文, en: Text}}
  - id: s01
    type: choice
    text: {ja: 場面, en: Scene}
    options:
      - {id: a, text: {ja: 甲, en: A}, scores: {decision_making: 2, ownership: 1, negotiation: 1, leadership: 1, planning_control: 1, strategy: 1, organizing: 1}}
      - {id: b, text: {ja: 乙, en: B}, scores: {documentation: 1, accuracy: 1, process: 1, support: 1, governance: 1, communication: 1, it_literacy: 1}}
  - id: e01
    type: experience
    select: many
    text: {ja: 経験, en: Experience}
    options:
      - {id: none, text: {ja: なし, en: None}, stage: foundation, exclusive: true}
      - {id: pmp, text: {ja: PMP, en: PMP}, stage: lead, certification: pmp}
`

func TestLoadRejects(t *testing.T) {
	const file = "mini/v1.yaml"
	tests := []struct {
		name, old, new, field, msg string
	}{
		{"unknown dimension", "dimension: analysis", "dimension: charisma", "items[0] (q01).dimension", `"charisma" is not a known dimension`},
		{"duplicate id", "id: s01", "id: q01", "items[1] (q01).id", "used by another item"},
		{"option without scores", "scores: {documentation: 1, accuracy: 1, process: 1, support: 1, governance: 1, communication: 1, it_literacy: 1}", "scores: {}", "items[1] (s01).options[1].scores", "must score at least one dimension"},
		{"missing translation", "text: {ja: 文, en: Text}", "text: {ja: 文}", "items[0].text.en", "needs a translation"},
		{"points out of range", "decision_making: 2", "decision_making: 7", "items[1] (s01).options[0].scores.decision_making", "must be 1 to 3 points"},
		{"likert with options", "{id: q01, type: likert, dimension: analysis, text: {ja: 文, en: Text}}", "{id: q01, type: likert, dimension: analysis, text: {ja: 文, en: Text}, options: [{id: x, text: {ja: x, en: x}}]}", "items[0] (q01).options", "no options"},
		{"unknown type", "type: likert", "type: essay", "items[0].type", "oneof"},
		{"experience without stage", "stage: lead, certification: pmp", "certification: pmp", "items[2] (e01).options[1].stage", "must be one of"},
		{"bad select", "select: many", "select: some", "items[2] (e01).select", "one or many"},
		{"exclusive on single select", "select: many", "select: one", "items[2] (e01).options[0].exclusive", "multi-select"},
		{"scale of four", "  - {ja: 五, en: Five}\n", "", "scale", "len=5"},
		{"unknown field", "minutes: 5", "minutes: 5\nauthor: me", "", "field author not found"},
		{"dimension never measured", "scores: {documentation: 1, accuracy: 1, process: 1, support: 1, governance: 1, communication: 1, it_literacy: 1}", "scores: {documentation: 1, accuracy: 1, process: 1, support: 1, governance: 1, communication: 1}", "items", `no item measures dimension "it_literacy"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(valid, tt.old) {
				t.Fatalf("edit does not apply: %q", tt.old)
			}
			fsys := fstest.MapFS{file: {Data: []byte(strings.Replace(valid, tt.old, tt.new, 1))}}
			_, err := questionnaire.LoadFS(fsys)
			var ps datafile.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error = %v, want datafile.Problems", err)
			}
			for _, p := range ps {
				if p.File == "assessments/"+file && p.Field == tt.field && strings.Contains(p.Message, tt.msg) {
					return
				}
			}
			t.Errorf("got %v\nwant a problem at %q containing %q", err, tt.field, tt.msg)
		})
	}
}

func TestLoadChecksPath(t *testing.T) {
	_, err := questionnaire.LoadFS(fstest.MapFS{"other/v2.yaml": {Data: []byte(valid)}})
	if err == nil || !strings.Contains(err.Error(), "its path must be mini/v1.yaml") {
		t.Errorf("error = %v", err)
	}
	if _, err := questionnaire.LoadFS(fstest.MapFS{"mini/v1.yaml": {Data: []byte(valid)}}); err != nil {
		t.Errorf("valid file: %v", err)
	}
	if _, err := questionnaire.Parse("upload", []byte("slug: [")); err == nil || !strings.Contains(err.Error(), "upload: cannot parse") {
		t.Errorf("Parse error = %v", err)
	}
}

// TestShippedVersionsWithScales checks what a version with scales promises
// its takers: the stated minutes are the measured reading and answering
// time (500 Japanese characters a minute, 3 seconds an answer) and at most
// 15; the two statements of an antonym pair sit at least 10 apart, and
// neighbouring statements measure different scales; every scenario option
// is worth the same 3 points.
func TestShippedVersionsWithScales(t *testing.T) {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, q := range qs {
		if !q.Scored() {
			continue
		}
		checked++
		chars := utf8.RuneCountInString(q.Description.JA)
		pos := map[string][]int{}
		prevScale, likert := -1, 0
		for _, it := range q.Items {
			chars += utf8.RuneCountInString(it.Text.JA)
			for _, o := range it.Options {
				chars += utf8.RuneCountInString(o.Text.JA)
			}
			switch it.Type {
			case questionnaire.Likert:
				s := q.ScaleOf(it.Dimension)
				if s == prevScale {
					t.Errorf("v%d: %s measures the same scale as the statement before it", q.Version, it.ID)
				}
				prevScale = s
				pos[it.Pair] = append(pos[it.Pair], likert)
				likert++
			case questionnaire.Choice:
				for _, o := range it.Options {
					sum := 0
					for _, p := range o.Scores {
						sum += p
					}
					if sum != 3 {
						t.Errorf("v%d: %s option %s is worth %d points, want 3", q.Version, it.ID, o.ID, sum)
					}
				}
			}
		}
		for id, p := range pos {
			if len(p) == 2 && p[1]-p[0] < 10 {
				t.Errorf("v%d: pair %s is %d statements apart, want at least 10", q.Version, id, p[1]-p[0])
			}
		}
		minutes := float64(chars)/500 + float64(len(q.Items))*3/60
		if want := int(math.Ceil(minutes)); q.Minutes != want || want > 15 {
			t.Errorf("v%d: %d characters and %d answers take %.1f minutes; stated %d, want %d and at most 15", q.Version, chars, len(q.Items), minutes, q.Minutes, want)
		}
	}
	if checked == 0 {
		t.Error("no shipped version has scales")
	}
}
