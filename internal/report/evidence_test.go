package report

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/validity"
	"github.com/pmpath/pmpath/seed"
)

// TestEvidenceIsTrue checks the rules of the why-sentences over many
// simulated results of every shipped version: archetypes and oracles with
// noise. A strength cites only an answer that raised its dimension, a gap
// only one that held it back; a scenario cited for a gap names the option
// that would have shown the dimension; no answer is cited both ways on one
// role; quotes are whole texts.
func TestEvidenceIsTrue(t *testing.T) {
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	arch, err := validity.Archetypes()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(13, 13))
	var cited, results int
	for _, q := range qs {
		people := validity.Oracles(q, c)
		for _, a := range arch {
			if p, err := validity.FromArchetype(a, q); err == nil {
				people = append(people, p)
			}
		}
		for _, p := range people {
			for range 10 {
				answers := p.Replicate(q, validity.DefaultNoise, rng)
				r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: answers})
				if err != nil {
					t.Fatal(err)
				}
				results++
				for _, l := range []i18n.Lang{i18n.JA, i18n.EN} {
					view := ResultOf(&r, answers, q, c, l)
					for ri, rf := range r.Roles {
						cited += checkRole(t, q, answers, rf, view.Roles[ri].Why, l)
					}
				}
			}
		}
	}
	if results < 500 || cited < 1000 {
		t.Errorf("%d results with %d cited answers; the check saw too little", results, cited)
	}
}

// checkRole checks one role's reasons and sentences; it returns how many
// answers they cite.
func checkRole(t *testing.T, q *questionnaire.Questionnaire, answers questionnaire.Answers, rf scoring.RoleFit, why []string, l i18n.Lang) int {
	t.Helper()
	n := 0
	way := map[string]string{}
	avoid := map[string]bool{}
	for i, reason := range rf.Reasons {
		use := avoid
		if reason.Kind == scoring.ReasonStrength {
			use = nil
		}
		ev, ok := EvidenceFor(reason, answers, q, use)
		if strings.Contains(why[i], "…") {
			t.Fatalf("%s: a quote is cut: %s", rf.Slug, why[i])
		}
		if !ok {
			continue
		}
		n++
		if reason.Kind == scoring.ReasonStrength {
			avoid[ev.Item] = true
		}
		if w, seen := way[ev.Item]; seen && w != reason.Kind {
			t.Fatalf("%s: %s cited as %s and as %s", rf.Slug, ev.Item, w, reason.Kind)
		}
		way[ev.Item] = reason.Kind
		it, _ := q.Item(ev.Item)
		a := answers[ev.Item]
		switch it.Type {
		case questionnaire.Likert:
			v := a.Value
			if it.Reverse {
				v = questionnaire.LikertMin + questionnaire.LikertMax - v
			}
			if (reason.Kind == scoring.ReasonStrength && v < 4) || (reason.Kind == scoring.ReasonGap && v > 2) {
				t.Fatalf("%s %s of %s cites %s answered %d (keyed %d)", rf.Slug, reason.Kind, reason.Dimension, ev.Item, a.Value, v)
			}
			if !strings.Contains(why[i], it.Text.In(l)) {
				t.Fatalf("%s: the sentence does not quote %s whole: %s", rf.Slug, ev.Item, why[i])
			}
		case questionnaire.Choice:
			taken, _ := it.Option(a.Option)
			gave := taken.Scores[reason.Dimension]
			if reason.Kind == scoring.ReasonStrength && gave == 0 {
				t.Fatalf("%s strength of %s cites option %s of %s, which gives it nothing", rf.Slug, reason.Dimension, a.Option, ev.Item)
			}
			if reason.Kind == scoring.ReasonGap {
				other, _ := it.Option(ev.NotTook)
				if gave != 0 || other.Scores[reason.Dimension] == 0 || !strings.Contains(why[i], other.Text.In(l)) {
					t.Fatalf("%s gap of %s: chose %s (%d points), names %q: %s", rf.Slug, reason.Dimension, a.Option, gave, ev.NotTook, why[i])
				}
			}
			if !strings.Contains(why[i], taken.Text.In(l)) {
				t.Fatalf("%s: the sentence does not quote the option taken: %s", rf.Slug, why[i])
			}
		}
	}
	return n
}
