package scoring_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// randomSheet answers every item at random.
func randomSheet(r *rand.Rand, q *questionnaire.Questionnaire) questionnaire.Answers {
	a := questionnaire.Answers{}
	for _, it := range q.Items {
		switch {
		case it.Type == questionnaire.Likert:
			a[it.ID] = questionnaire.Answer{Value: 1 + r.IntN(5)}
		case it.Type == questionnaire.Choice || it.Select == questionnaire.SelectOne:
			a[it.ID] = questionnaire.Answer{Option: it.Options[r.IntN(len(it.Options))].ID}
		default:
			var opts []string
			for _, o := range it.Options {
				if !o.Exclusive && r.IntN(2) == 0 {
					opts = append(opts, o.ID)
				}
			}
			if len(opts) == 0 {
				opts = []string{it.Options[0].ID}
			}
			a[it.ID] = questionnaire.Answer{Options: opts}
		}
	}
	return a
}

func dimScore(r scoring.Result, d construct.Dimension) int {
	for _, ds := range r.Dimensions {
		if ds.Key == d {
			return ds.Score
		}
	}
	panic("no dimension " + d)
}

const sheets = 300

func mustScore(t *testing.T, q *questionnaire.Questionnaire, c *catalog.Catalog, a questionnaire.Answers) scoring.Result {
	t.Helper()
	r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a})
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return r
}

// TestPropertyKeyedAnswerNeverLowersItsDimension: agreeing more with a
// statement keyed to a dimension (a higher answer, or a lower one on a
// reverse-keyed statement) never lowers that dimension.
func TestPropertyKeyedAnswerNeverLowersItsDimension(t *testing.T) {
	q, c := fixtures(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < sheets; n++ {
		a := randomSheet(rng, q)
		it := q.Items[rng.IntN(len(q.Items))]
		if it.Type != questionnaire.Likert {
			continue
		}
		v := a[it.ID].Value
		next := v + 1
		if it.Reverse {
			next = v - 1
		}
		if next < 1 || next > 5 {
			continue
		}
		before := dimScore(mustScore(t, q, c, a), it.Dimension)
		a[it.ID] = questionnaire.Answer{Value: next}
		after := dimScore(mustScore(t, q, c, a), it.Dimension)
		if after < before {
			t.Fatalf("%s (%s, reverse %v) %d -> %d lowered %s from %d to %d", it.ID, it.Dimension, it.Reverse, v, next, it.Dimension, before, after)
		}
	}
}

// TestPropertyChoiceTowardsADimensionNeverLowersIt: switching a choice to
// an option that gives a dimension more points never lowers it.
func TestPropertyChoiceTowardsADimensionNeverLowersIt(t *testing.T) {
	q, c := fixtures(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < sheets; n++ {
		a := randomSheet(rng, q)
		it := q.Items[rng.IntN(len(q.Items))]
		if it.Type != questionnaire.Choice {
			continue
		}
		cur, _ := it.Option(a[it.ID].Option)
		alt := it.Options[rng.IntN(len(it.Options))]
		for d, p := range alt.Scores {
			if p < cur.Scores[d] {
				continue
			}
			before := dimScore(mustScore(t, q, c, a), d)
			b := questionnaire.Answers{}
			for k, v := range a {
				b[k] = v
			}
			b[it.ID] = questionnaire.Answer{Option: alt.ID}
			if after := dimScore(mustScore(t, q, c, b), d); after < before {
				t.Fatalf("%s %s -> %s lowered %s from %d to %d", it.ID, cur.ID, alt.ID, d, before, after)
			}
		}
	}
}

// TestPropertyReverseKeysAreSymmetric: a reverse-keyed item answered v
// scores exactly like the same item keyed plainly and answered 6-v.
func TestPropertyReverseKeysAreSymmetric(t *testing.T) {
	q, c := fixtures(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 60; n++ {
		a := randomSheet(rng, q)
		flipped := *q
		flipped.Items = append([]questionnaire.Item(nil), q.Items...)
		b := questionnaire.Answers{}
		for k, v := range a {
			b[k] = v
		}
		for i, it := range flipped.Items {
			if it.Type == questionnaire.Likert && rng.IntN(2) == 0 {
				flipped.Items[i].Reverse = !it.Reverse
				b[it.ID] = questionnaire.Answer{Value: 6 - a[it.ID].Value}
			}
		}
		ra, rb := mustScore(t, q, c, a), mustScore(t, &flipped, c, b)
		for i := range ra.Dimensions {
			if ra.Dimensions[i].Score != rb.Dimensions[i].Score {
				t.Fatalf("%s: %d with the original keys, %d with flipped keys and mirrored answers", ra.Dimensions[i].Key, ra.Dimensions[i].Score, rb.Dimensions[i].Score)
			}
		}
	}
}

// TestPropertyOrderChangesNothing: the order answers arrive in (JSON key
// order) and the order of equally weighted items change no score.
func TestPropertyOrderChangesNothing(t *testing.T) {
	q, c := fixtures(t)
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 40; n++ {
		a := randomSheet(rng, q)
		want, _ := json.Marshal(mustScore(t, q, c, a))

		// The same answers as JSON with keys in a random order.
		ids := make([]string, 0, len(a))
		for id := range a {
			ids = append(ids, id)
		}
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		var b strings.Builder
		b.WriteString("{")
		for i, id := range ids {
			if i > 0 {
				b.WriteString(",")
			}
			v, _ := json.Marshal(questionnaire.Answers{id: a[id]})
			b.WriteString(strings.TrimSuffix(strings.TrimPrefix(string(v), "{"), "}"))
		}
		b.WriteString("}")
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(b.String()), &raw); err != nil {
			t.Fatal(err)
		}
		parsed, err := q.ParseAnswers(raw, "$.answers")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(mustScore(t, q, c, parsed))
		if string(got) != string(want) {
			t.Fatalf("shuffled answers scored differently:\n%.600s\n%.600s", want, got)
		}

		// The same questionnaire with its items shuffled.
		shuffled := *q
		shuffled.Items = append([]questionnaire.Item(nil), q.Items...)
		rng.Shuffle(len(shuffled.Items), func(i, j int) { shuffled.Items[i], shuffled.Items[j] = shuffled.Items[j], shuffled.Items[i] })
		rs, ro := mustScore(t, &shuffled, c, a), mustScore(t, q, c, a)
		for i := range ro.Dimensions {
			if ro.Dimensions[i].Score != rs.Dimensions[i].Score {
				t.Fatalf("item order changed %s from %d to %d", ro.Dimensions[i].Key, ro.Dimensions[i].Score, rs.Dimensions[i].Score)
			}
		}
		for i := range ro.Roles {
			if ro.Roles[i].Fit != rs.Roles[i].Fit {
				t.Fatalf("item order changed fits: %v vs %v", fits(ro), fits(rs))
			}
		}
	}
}

// TestPropertyScoresStayInRange: every score, fit and orientation is
// within 0-100 for random sheets, and the extremes reach both ends.
func TestPropertyScoresStayInRange(t *testing.T) {
	q, c := fixtures(t)
	rng := rand.New(rand.NewPCG(9, 10))
	check := func(r scoring.Result) {
		t.Helper()
		in := func(name string, v int) {
			if v < 0 || v > 100 {
				t.Fatalf("%s = %d, outside 0-100", name, v)
			}
		}
		in("pm", r.Orientation.PM)
		in("pmo", r.Orientation.PMO)
		for _, d := range r.Dimensions {
			in(string(d.Key), d.Score)
		}
		for _, f := range r.Roles {
			in(f.Slug, f.Fit)
		}
	}
	for n := 0; n < sheets; n++ {
		check(mustScore(t, q, c, randomSheet(rng, q)))
	}
	// Agreeing with every plainly keyed statement and rejecting every
	// reverse one drives the Likert part of every dimension to the top.
	top := questionnaire.Answers{}
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			v := 5
			if it.Reverse {
				v = 1
			}
			top[it.ID] = questionnaire.Answer{Value: v}
		}
	}
	for id, a := range uniform(q, 3) {
		if _, ok := top[id]; !ok {
			top[id] = a
		}
	}
	r := mustScore(t, q, c, top)
	check(r)
	for _, d := range r.Dimensions {
		if d.Score < 70 {
			t.Errorf("%s = %d with every statement answered its way; want at least the Likert share, 70", d.Key, d.Score)
		}
	}
}
