package validity

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// Config is one run of the harness.
type Config struct {
	Questionnaire *questionnaire.Questionnaire
	Catalog       *catalog.Catalog
	Archetypes    []Archetype
	// Replicates is how many noisy pairs each archetype and oracle answers.
	Replicates int
	// Random is how many uniformly random sheets are scored.
	Random int
	Seed   uint64
	Noise  Noise
}

// Refused is the outcome of a sheet that gets no recommendation.
const Refused = "(refused)"

// RoleStats are the outcomes for the respondents made for one role.
type RoleStats struct {
	Role string
	// N is the number of scored sheets.
	N int
	// Top1 and Top2 are the shares of sheets whose role came first (and
	// was recommended) or among the first two fits.
	Top1, Top2 float64
	// Refused is the share of sheets judged unreliable.
	Refused float64
	// Retest is the share of pairs of replicates given the same outcome.
	Retest float64
	// Flip is the share of sheets whose outcome changes when one Likert
	// answer moves by one step.
	Flip float64
	// Outcomes counts each outcome: a recommended role or Refused.
	Outcomes map[string]int
	// Confidence counts each confidence level (profile model only).
	Confidence map[string]int
	// Lean counts each lean.
	Lean map[string]int
	// People is how many respondents the figures are over.
	People int
}

// Report is what one run found.
type Report struct {
	Version        int
	ScoringVersion string
	Roles          []string
	Archetypes     []RoleStats
	Oracles        []RoleStats
	// RandomN sheets were scored; RandomRefused of them were refused, and
	// RandomOutcomes counts the outcomes of all of them.
	RandomN        int
	RandomRefused  float64
	RandomOutcomes map[string]int
	// ArchetypesRefused is the share of all noisy archetype sheets refused.
	ArchetypesRefused float64
	// ClearUnder3 counts results called clear with a margin under 3 points
	// (the rules forbid it, so it must be zero).
	ClearUnder3 int
	// Scored is how many sheets were scored in all.
	Scored int
}

type tally struct {
	n, top1, top2, refused, agree, pairs, flips, flipN, people int
	outcomes, confidence, lean                                 map[string]int
}

func newTally() *tally {
	return &tally{outcomes: map[string]int{}, confidence: map[string]int{}, lean: map[string]int{}}
}

func (t *tally) stats(role string) RoleStats {
	s := RoleStats{Role: role, N: t.n, People: t.people, Outcomes: t.outcomes, Confidence: t.confidence, Lean: t.lean}
	if t.n > 0 {
		s.Top1 = float64(t.top1) / float64(t.n)
		s.Top2 = float64(t.top2) / float64(t.n)
		s.Refused = float64(t.refused) / float64(t.n)
	}
	if t.flipN > 0 {
		s.Flip = float64(t.flips) / float64(t.flipN)
	}
	if t.pairs > 0 {
		s.Retest = float64(t.agree) / float64(t.pairs)
	}
	return s
}

// Run scores every respondent of cfg and reports the figures.
func Run(cfg Config) (Report, error) {
	q, c := cfg.Questionnaire, cfg.Catalog
	h := &harness{cfg: cfg}
	rep := Report{Version: q.Version, RandomOutcomes: map[string]int{}}
	for _, r := range c.Roles {
		rep.Roles = append(rep.Roles, r.Slug)
	}

	var people []Respondent
	for _, a := range cfg.Archetypes {
		if _, ok := a.Answers[Key(q.Version)]; !ok {
			continue
		}
		r, err := FromArchetype(a, q)
		if err != nil {
			return Report{}, err
		}
		people = append(people, r)
	}
	byRole := map[string]*tally{}
	var refused, total int
	for _, p := range people {
		t := byRole[p.Role]
		if t == nil {
			t = newTally()
			byRole[p.Role] = t
		}
		if err := h.replicate(p, t); err != nil {
			return Report{}, err
		}
	}
	for _, role := range rep.Roles {
		if t := byRole[role]; t != nil {
			rep.Archetypes = append(rep.Archetypes, t.stats(role))
			refused += t.refused
			total += t.n
		}
	}
	if total > 0 {
		rep.ArchetypesRefused = float64(refused) / float64(total)
	}

	for _, o := range Oracles(q, c) {
		t := newTally()
		if err := h.replicate(o, t); err != nil {
			return Report{}, err
		}
		rep.Oracles = append(rep.Oracles, t.stats(o.Role))
	}

	rng := rand.New(rand.NewPCG(cfg.Seed, 0x72616e646f6d))
	var randomRefused int
	for range cfg.Random {
		r, err := h.score(Random(q, rng))
		if err != nil {
			return Report{}, err
		}
		out := outcome(r)
		rep.RandomOutcomes[out]++
		if out == Refused {
			randomRefused++
		}
	}
	rep.RandomN = cfg.Random
	if cfg.Random > 0 {
		rep.RandomRefused = float64(randomRefused) / float64(cfg.Random)
	}
	rep.ClearUnder3 = h.clearUnder3
	rep.Scored = h.scored
	rep.ScoringVersion = h.scoringVersion
	return rep, nil
}

type harness struct {
	cfg            Config
	clearUnder3    int
	scored         int
	scoringVersion string
}

func (h *harness) score(a questionnaire.Answers) (scoring.Result, error) {
	r, err := scoring.Score(scoring.Input{Questionnaire: h.cfg.Questionnaire, Catalog: h.cfg.Catalog, Answers: a})
	if err != nil {
		return r, err
	}
	h.scored++
	h.scoringVersion = r.ScoringVersion
	if c := r.Confidence; c != nil && c.Level == scoring.ConfidenceClear && c.Margin < 3 {
		h.clearUnder3++
	}
	return r, nil
}

// outcome is what a person is told: the recommended role, or Refused.
func outcome(r scoring.Result) string {
	if r.RecommendedRole == "" || (r.Confidence != nil && !r.Quality.Reliable) {
		return Refused
	}
	return r.RecommendedRole
}

// replicate scores cfg.Replicates noisy pairs of p into t, and the
// one-step perturbation of the first of each pair.
func (h *harness) replicate(p Respondent, t *tally) error {
	q := h.cfg.Questionnaire
	t.people++
	rng := rand.New(rand.NewPCG(h.cfg.Seed, seedOf(p.ID)))
	var likert []string
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			likert = append(likert, it.ID)
		}
	}
	for range h.cfg.Replicates {
		a := p.Replicate(q, h.cfg.Noise, rng)
		b := p.Replicate(q, h.cfg.Noise, rng)
		ra, err := h.score(a)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ID, err)
		}
		rb, err := h.score(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p.ID, err)
		}
		for _, r := range []scoring.Result{ra, rb} {
			t.n++
			out := outcome(r)
			t.outcomes[out]++
			if out == Refused {
				t.refused++
			}
			if out == p.Role {
				t.top1++
			}
			for i := 0; i < len(r.Roles) && i < 2; i++ {
				if r.Roles[i].Slug == p.Role {
					t.top2++
				}
			}
			if r.Confidence != nil {
				t.confidence[r.Confidence.Level]++
			}
			t.lean[string(r.Orientation.Lean)]++
		}
		t.pairs++
		if outcome(ra) == outcome(rb) {
			t.agree++
		}
		if len(likert) > 0 {
			id := likert[rng.IntN(len(likert))]
			moved := make(questionnaire.Answers, len(a))
			for k, v := range a {
				moved[k] = v
			}
			v := moved[id]
			v.Value = wobble(v.Value, rng)
			moved[id] = v
			rm, err := h.score(moved)
			if err != nil {
				return fmt.Errorf("%s: %w", p.ID, err)
			}
			t.flipN++
			if outcome(rm) != outcome(ra) {
				t.flips++
			}
		}
	}
	return nil
}

func seedOf(id string) uint64 {
	f := fnv.New64a()
	f.Write([]byte(id))
	return f.Sum64()
}

// SortedOutcomes lists outcome counts, most frequent first.
func SortedOutcomes(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
