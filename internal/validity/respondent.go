package validity

import (
	"math"
	"math/rand/v2"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// Noise is the model of an honest person's day-to-day wobble: each Likert
// answer moves one step (up or down, inwards at the ends) with probability
// Likert, and each scenario switches to the person's second choice with
// probability Choice.
type Noise struct {
	Likert, Choice float64
}

// DefaultNoise is the noise the targets are stated under.
var DefaultNoise = Noise{Likert: 0.3, Choice: 0.3}

// Respondent is a person who answers one version the same way every time,
// before noise.
type Respondent struct {
	ID   string
	Role string // the role the person is made for; empty for random sheets
	Kind string // "archetype", "oracle" or "random"
	Base questionnaire.Answers
	// Second is the person's second choice for each scenario.
	Second map[string]string
}

// Respondent kinds.
const (
	KindArchetype = "archetype"
	KindOracle    = "oracle"
	KindRandom    = "random"
)

// Replicate is one noisy administration of r.
func (r Respondent) Replicate(q *questionnaire.Questionnaire, n Noise, rng *rand.Rand) questionnaire.Answers {
	out := make(questionnaire.Answers, len(r.Base))
	for _, it := range q.Items {
		a, ok := r.Base[it.ID]
		if !ok {
			continue
		}
		switch it.Type {
		case questionnaire.Likert:
			if rng.Float64() < n.Likert {
				a.Value = wobble(a.Value, rng)
			}
		case questionnaire.Choice:
			if s, ok := r.Second[it.ID]; ok && rng.Float64() < n.Choice {
				a.Option = s
			}
		}
		out[it.ID] = a
	}
	return out
}

func wobble(v int, rng *rand.Rand) int {
	switch {
	case v <= questionnaire.LikertMin:
		return v + 1
	case v >= questionnaire.LikertMax:
		return v - 1
	case rng.IntN(2) == 0:
		return v - 1
	default:
		return v + 1
	}
}

// FromArchetype makes the respondent an archetype is for q.
func FromArchetype(a Archetype, q *questionnaire.Questionnaire) (Respondent, error) {
	base, err := a.Base(q)
	if err != nil {
		return Respondent{}, err
	}
	return Respondent{ID: a.ID, Role: a.Role, Kind: KindArchetype, Base: base, Second: a.second(q)}, nil
}

// Oracles makes one respondent per role from the role's own profile: the
// targets of a version with scales, or for the first model the catalog
// weights (a weight w asking for 45+9w, an unweighted dimension at 40).
// Each Likert item is answered at the level its scale (or dimension) asks
// for, each scenario by the option that best matches the profile, with the
// runner-up option as second choice; experience answers are the first
// option of each item.
func Oracles(q *questionnaire.Questionnaire, c *catalog.Catalog) []Respondent {
	var out []Respondent
	for _, role := range c.Roles {
		level := map[construct.Dimension]float64{}
		if q.Scored() {
			var targets map[string]int
			for _, p := range q.Profiles {
				if p.Role == role.Slug {
					targets = p.Targets
				}
			}
			if targets == nil {
				continue
			}
			for _, s := range q.Scales {
				for _, f := range s.Facets {
					level[f] = float64(targets[s.Key]) / 100
				}
			}
		} else {
			for _, d := range q.Measured() {
				level[d] = 0.40
			}
			for _, w := range role.Profile {
				level[w.Dimension] = float64(45+9*w.Weight) / 100
			}
		}
		base, second := sheetFor(q, level)
		out = append(out, Respondent{ID: "oracle-" + role.Slug, Role: role.Slug, Kind: KindOracle, Base: base, Second: second})
	}
	return out
}

// sheetFor answers q at the given level (0-1) of each dimension.
func sheetFor(q *questionnaire.Questionnaire, level map[construct.Dimension]float64) (questionnaire.Answers, map[string]string) {
	a := questionnaire.Answers{}
	second := map[string]string{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			v := questionnaire.LikertMin + int(math.Round(level[it.Dimension]*4))
			if it.Reverse {
				v = questionnaire.LikertMin + questionnaire.LikertMax - v
			}
			a[it.ID] = questionnaire.Answer{Value: v}
		case questionnaire.Choice:
			best, next := "", ""
			bestScore, nextScore := -1.0, -1.0
			for _, o := range it.Options {
				s := 0.0
				for d, p := range o.Scores {
					s += level[d] * float64(p)
				}
				switch {
				case s > bestScore:
					next, nextScore = best, bestScore
					best, bestScore = o.ID, s
				case s > nextScore:
					next, nextScore = o.ID, s
				}
			}
			a[it.ID] = questionnaire.Answer{Option: best}
			second[it.ID] = next
		case questionnaire.Experience:
			a[it.ID] = firstOption(it)
		}
	}
	return a, second
}

func firstOption(it questionnaire.Item) questionnaire.Answer {
	if it.Select == questionnaire.SelectMany {
		return questionnaire.Answer{Options: []string{it.Options[0].ID}}
	}
	return questionnaire.Answer{Option: it.Options[0].ID}
}

// Random is a uniformly random sheet: every Likert value and scenario
// option equally likely; experience answers are the first option, so that
// readiness plays no part in what is measured.
func Random(q *questionnaire.Questionnaire, rng *rand.Rand) questionnaire.Answers {
	a := questionnaire.Answers{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			a[it.ID] = questionnaire.Answer{Value: questionnaire.LikertMin + rng.IntN(questionnaire.LikertMax-questionnaire.LikertMin+1)}
		case questionnaire.Choice:
			a[it.ID] = questionnaire.Answer{Option: it.Options[rng.IntN(len(it.Options))].ID}
		case questionnaire.Experience:
			a[it.ID] = firstOption(it)
		}
	}
	return a
}
