package scoring_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/seed"
)

// profileFixtures loads the newest version with scales and the catalog.
func profileFixtures(t testing.TB) (*questionnaire.Questionnaire, *catalog.Catalog) {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	var q *questionnaire.Questionnaire
	for _, x := range qs {
		if x.Scored() {
			q = x
		}
	}
	if q == nil {
		t.Fatal("no questionnaire with scales")
	}
	return q, c
}

// atLevels answers q as a person at the given 0-1 level on each scale, with
// consistent antonym pairs, each scenario by the option nearest that
// person, and the first option of each experience item.
func atLevels(q *questionnaire.Questionnaire, level map[string]float64) questionnaire.Answers {
	a := questionnaire.Answers{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			s := q.Scales[q.ScaleOf(it.Dimension)].Key
			v := 1 + int(level[s]*4+0.5)
			if it.Reverse {
				v = 6 - v
			}
			a[it.ID] = questionnaire.Answer{Value: v}
		case questionnaire.Choice:
			best, bestScore := "", -1.0
			for _, o := range it.Options {
				sc := 0.0
				for d, p := range o.Scores {
					sc += level[q.Scales[q.ScaleOf(d)].Key] * float64(p)
				}
				if sc > bestScore {
					best, bestScore = o.ID, sc
				}
			}
			a[it.ID] = questionnaire.Answer{Option: best}
		case questionnaire.Experience:
			if it.Select == questionnaire.SelectMany {
				a[it.ID] = questionnaire.Answer{Options: []string{it.Options[0].ID}}
			} else {
				a[it.ID] = questionnaire.Answer{Option: it.Options[0].ID}
			}
		}
	}
	return a
}

func randomLevels(q *questionnaire.Questionnaire, rng *rand.Rand) map[string]float64 {
	l := map[string]float64{}
	for _, s := range q.Scales {
		l[s.Key] = rng.Float64()
	}
	return l
}

// TestProfileResultInvariants checks, over many consistent respondents
// spread over the whole trait space: roles sorted best first, every fit
// inside its interval, the margin and runner-up matching the first two
// fits, never clear under a 3-point margin, a recommendation and a plan
// for the first role.
func TestProfileResultInvariants(t *testing.T) {
	q, c := profileFixtures(t)
	rng := rand.New(rand.NewPCG(1, 2))
	levels := map[string]int{}
	for i := range 2000 {
		r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: atLevels(q, randomLevels(q, rng))})
		if err != nil {
			t.Fatal(err)
		}
		if r.ScoringVersion != scoring.ProfileVersion || len(r.Scales) != len(q.Scales) || r.Confidence == nil {
			t.Fatalf("sheet %d: scoring %s, %d scales, confidence %v", i, r.ScoringVersion, len(r.Scales), r.Confidence)
		}
		if len(r.Roles) != len(c.Roles) {
			t.Fatalf("sheet %d: %d roles, want %d", i, len(r.Roles), len(c.Roles))
		}
		for j, f := range r.Roles {
			if f.FitLow > f.Fit || f.Fit > f.FitHigh {
				t.Errorf("sheet %d: %s fit %d outside [%d, %d]", i, f.Slug, f.Fit, f.FitLow, f.FitHigh)
			}
			if j > 0 && f.Fit > r.Roles[j-1].Fit {
				t.Errorf("sheet %d: roles not sorted: %s %d after %d", i, f.Slug, f.Fit, r.Roles[j-1].Fit)
			}
		}
		conf := r.Confidence
		levels[conf.Level]++
		if conf.RunnerUp != r.Roles[1].Slug {
			t.Errorf("sheet %d: runner-up %s, second role %s", i, conf.RunnerUp, r.Roles[1].Slug)
		}
		if d := r.Roles[0].Fit - r.Roles[1].Fit; conf.Margin < d-1 || conf.Margin > d+1 {
			t.Errorf("sheet %d: margin %d, fits differ by %d", i, conf.Margin, d)
		}
		if conf.Level == scoring.ConfidenceClear && conf.Margin < 3 {
			t.Errorf("sheet %d: clear with a margin of %d", i, conf.Margin)
		}
		if !r.Quality.Reliable {
			t.Errorf("sheet %d: a consistent sheet was refused: %v %+v", i, r.Quality.Flags, *r.Quality.Indices)
			continue
		}
		if r.RecommendedRole != r.Roles[0].Slug || r.Plan.TargetRole != r.RecommendedRole {
			t.Errorf("sheet %d: recommended %q, plan for %q, first %s", i, r.RecommendedRole, r.Plan.TargetRole, r.Roles[0].Slug)
		}
	}
	for _, l := range []string{scoring.ConfidenceClear, scoring.ConfidenceLikely, scoring.ConfidenceTooClose} {
		if levels[l] == 0 {
			t.Errorf("no sheet of 2000 was %s: %v", l, levels)
		}
	}
}

// TestProfileRefusesCarelessSheets checks that a sheet that cannot be
// trusted gets flags, no recommended role and no plan.
func TestProfileRefusesCarelessSheets(t *testing.T) {
	q, c := profileFixtures(t)
	rng := rand.New(rand.NewPCG(3, 4))
	random := atLevels(q, randomLevels(q, rng))
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			random[it.ID] = questionnaire.Answer{Value: 1 + rng.IntN(5)}
		}
	}
	tests := []struct {
		name string
		a    questionnaire.Answers
		flag string
	}{
		{"all agree", uniformLikert(q, 5), scoring.FlagStraightLining},
		{"all neutral", uniformLikert(q, 3), scoring.FlagStraightLining},
		{"all disagree", uniformLikert(q, 1), scoring.FlagInconsistentAnswers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: tt.a})
			if err != nil {
				t.Fatal(err)
			}
			if r.Quality.Reliable || !contains(r.Quality.Flags, tt.flag) {
				t.Errorf("flags %v, reliable %v; want %s and unreliable", r.Quality.Flags, r.Quality.Reliable, tt.flag)
			}
			if r.RecommendedRole != "" || r.Plan.TargetRole != "" || len(r.Plan.Steps) != 0 || r.Readiness.NextStep != "" {
				t.Errorf("an unreliable sheet got advice: role %q, plan %+v", r.RecommendedRole, r.Plan)
			}
			if len(r.Roles) == 0 {
				t.Error("the fits are still shown for what they are worth; got none")
			}
		})
	}
	t.Run("uniform random", func(t *testing.T) {
		r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: random})
		if err != nil {
			t.Fatal(err)
		}
		if r.Quality.Reliable || r.RecommendedRole != "" {
			t.Errorf("a random sheet got %q, flags %v, indices %+v", r.RecommendedRole, r.Quality.Flags, *r.Quality.Indices)
		}
	})
	t.Run("too fast", func(t *testing.T) {
		a := atLevels(q, map[string]float64{"lead": 0.9, "delivery": 0.8})
		r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a, Elapsed: time1(len(a))})
		if err != nil {
			t.Fatal(err)
		}
		if r.Quality.Reliable || !contains(r.Quality.Flags, scoring.FlagTooFast) {
			t.Errorf("one second an answer: flags %v", r.Quality.Flags)
		}
	})
}

func uniformLikert(q *questionnaire.Questionnaire, v int) questionnaire.Answers {
	a := atLevels(q, map[string]float64{})
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			a[it.ID] = questionnaire.Answer{Value: v}
		}
	}
	return a
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// time1 is one second per answer.
func time1(n int) time.Duration { return time.Duration(n) * time.Second }

// TestProfileEdges pins two edges: a sheet submitted within milliseconds
// of its draft is too fast (not "untimed"), and a margin just under 3
// points is never clear, however it rounds.
func TestProfileEdges(t *testing.T) {
	q, c := profileFixtures(t)
	a := atLevels(q, map[string]float64{"lead": 0.9, "delivery": 0.8, "path": 0.9})
	r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: a, Elapsed: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.Quality.Reliable || !contains(r.Quality.Flags, scoring.FlagTooFast) || r.Quality.Indices.SecondsPerAnswer <= 0 {
		t.Errorf("0.3 s for the whole sheet: flags %v, indices %+v", r.Quality.Flags, *r.Quality.Indices)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 5000 {
		r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: atLevels(q, randomLevels(q, rng))})
		if err != nil {
			t.Fatal(err)
		}
		// The margin of the fits as computed: the difference of the shown
		// fits can be 1 off either way, so a clear result must show 3 or
		// more only when its true margin is at least 3.
		if r.Confidence.Level == scoring.ConfidenceClear && r.Roles[0].Fit-r.Roles[1].Fit < 2 {
			t.Fatalf("clear with shown fits %d and %d", r.Roles[0].Fit, r.Roles[1].Fit)
		}
	}
}
