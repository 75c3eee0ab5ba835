package scoring_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/scoring/scoringtest"
)

// FuzzScore drives the scorer with answer sheets built from arbitrary
// bytes, valid or not: it must never panic, must reject bad sheets with an
// Invalid error, and must keep every number in range.
func FuzzScore(f *testing.F) {
	q1, c := fixtures(f)
	q2, _ := profileFixtures(f)
	f.Add([]byte{0, 1, 2, 3, 4}, int64(0))
	f.Add([]byte("all the same answers, over and over again, to every item"), int64(600))
	f.Add([]byte{255, 254, 253}, int64(-5))
	f.Fuzz(func(t *testing.T, data []byte, elapsed int64) {
		for _, q := range []*questionnaire.Questionnaire{q1, q2} {
			fuzzOne(t, q, c, data, elapsed)
		}
	})
}

// fuzzOne scores one sheet built from data on q and checks the result.
func fuzzOne(t *testing.T, q *questionnaire.Questionnaire, c *catalog.Catalog, data []byte, elapsed int64) {
	{
		a := questionnaire.Answers{}
		for i, it := range q.Items {
			if i >= len(data) {
				break
			}
			b := int(data[i])
			switch {
			case b == 255:
				continue // leave unanswered
			case it.Type == questionnaire.Likert:
				a[it.ID] = questionnaire.Answer{Value: b % 7} // 0..6: sometimes out of range
			case it.Type == questionnaire.Choice || it.Select == questionnaire.SelectOne:
				id := "nope"
				if b%(len(it.Options)+1) < len(it.Options) {
					id = it.Options[b%(len(it.Options)+1)].ID
				}
				a[it.ID] = questionnaire.Answer{Option: id}
			default:
				var opts []string
				for j, o := range it.Options {
					if b&(1<<(j%8)) != 0 {
						opts = append(opts, o.ID)
					}
				}
				a[it.ID] = questionnaire.Answer{Options: opts}
			}
		}
		r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a, Elapsed: time.Duration(elapsed) * time.Second})
		if err != nil {
			if errs.KindOf(err) != errs.Invalid {
				t.Fatalf("bad sheet gave %v, want an Invalid error", err)
			}
			return
		}
		for _, d := range r.Dimensions {
			if d.Score < 0 || d.Score > 100 {
				t.Fatalf("%s = %d", d.Key, d.Score)
			}
		}
		for _, f := range r.Roles {
			if f.Fit < 0 || f.Fit > 100 {
				t.Fatalf("%s fit = %d", f.Slug, f.Fit)
			}
		}
		if c := r.Confidence; c != nil && c.Level == scoring.ConfidenceClear && c.Margin < 3 {
			t.Fatalf("clear with a margin of %d", c.Margin)
		}
		if r.Confidence != nil && !r.Quality.Reliable && (r.RecommendedRole != "" || r.Plan.TargetRole != "") {
			t.Fatalf("an unreliable sheet got role %q and plan %q", r.RecommendedRole, r.Plan.TargetRole)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	}
}

// answersJSON is a complete answer sheet on the wire, as a client sends it.
func answersJSON(b *testing.B, q *questionnaire.Questionnaire) []byte {
	body, err := json.Marshal(map[string]any{"questionnaire": "pm-pmo-fit", "answers": scoringtest.Personas["pmo-analyst"].Persona.Sheet(q), "submit": true})
	if err != nil {
		b.Fatal(err)
	}
	return body
}

// BenchmarkScore scores one complete response.
func BenchmarkScore(b *testing.B) {
	q, c := fixtures(b)
	a := scoringtest.Personas["pmo-analyst"].Persona.Sheet(q)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAnswers JSON-decodes the same response's request body and
// checks its answers against the questionnaire: the work every submission
// does before scoring, as the yardstick for BenchmarkScore.
func BenchmarkDecodeAnswers(b *testing.B) {
	q, _ := fixtures(b)
	benchDecode(b, q)
}

// benchDecode JSON-decodes a complete sheet for q and checks its answers,
// as every submission does before scoring.
func benchDecode(b *testing.B, q *questionnaire.Questionnaire) {
	body := answersJSON(b, q)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		var req struct {
			Answers map[string]json.RawMessage `json:"answers"`
		}
		if err := json.Unmarshal(body, &req); err != nil {
			b.Fatal(err)
		}
		if _, err := q.ParseAnswers(req.Answers, "$.answers"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreProfile scores one complete response to the newest version
// (the profile model); BenchmarkDecodeAnswersProfile is its yardstick.
// docs/performance.md keeps their ratio under 2.
func BenchmarkScoreProfile(b *testing.B) {
	q, c := profileFixtures(b)
	a := scoringtest.Personas["pmo-analyst"].Persona.Sheet(q)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeAnswersProfile(b *testing.B) {
	q, _ := profileFixtures(b)
	benchDecode(b, q)
}
