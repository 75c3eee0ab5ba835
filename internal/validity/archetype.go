// Package validity is the questionnaire's test suite: simulated people
// answer a version, and the harness measures whether each is recommended
// the role they are made for, how stable that answer is, and whether
// careless sheets are refused.
//
// Three kinds of respondent take part: archetypes written by hand from the
// source articles, item by item (archetypes/*.yaml, never derived from the
// role profiles or the scoring code); oracles generated from each role's
// own profile; and uniformly random sheets. A noise model perturbs the
// first two.
package validity

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/pmpath/pmpath/internal/questionnaire"
)

//go:embed archetypes/*.yaml
var archetypeFiles embed.FS

// Archetype is a person written from the articles, with the answers they
// would give each version of the questionnaire.
type Archetype struct {
	ID   string `yaml:"id"`
	Role string `yaml:"role"`
	// Holdout marks a person written after the questionnaire's last
	// revision, so the form was never adjusted while looking at them.
	Holdout bool             `yaml:"holdout"`
	Summary string           `yaml:"summary"`
	Sources []string         `yaml:"sources"`
	Answers map[string]Sheet `yaml:"answers"`
}

// Sheet is an archetype's answers to one version: Likert values, the first
// and second choice of each scenario, and experience options (a scalar for
// single-select items, a list for multi-select ones).
type Sheet struct {
	Likert     map[string]int      `yaml:"likert"`
	Choice     map[string][]string `yaml:"choice"`
	Experience map[string]any      `yaml:"experience"`
}

// Archetypes loads every archetype shipped with the harness, sorted by id.
func Archetypes() ([]Archetype, error) {
	return loadArchetypes(archetypeFiles)
}

func loadArchetypes(fsys fs.FS) ([]Archetype, error) {
	files, err := fs.Glob(fsys, "archetypes/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []Archetype
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var a Archetype
		if err := yaml.Unmarshal(data, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Key names the sheet of version v in an archetype's answers.
func Key(v int) string { return "v" + strconv.Itoa(v) }

// Base turns the archetype's sheet for q into answers, without noise. It
// fails when an item of q is not answered or an answer is not valid.
func (a Archetype) Base(q *questionnaire.Questionnaire) (questionnaire.Answers, error) {
	s, ok := a.Answers[Key(q.Version)]
	if !ok {
		return nil, fmt.Errorf("%s: no answers to version %d", a.ID, q.Version)
	}
	out := questionnaire.Answers{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			v, ok := s.Likert[it.ID]
			if !ok || v < questionnaire.LikertMin || v > questionnaire.LikertMax {
				return nil, fmt.Errorf("%s v%d: %s needs a value 1-5, has %d", a.ID, q.Version, it.ID, v)
			}
			out[it.ID] = questionnaire.Answer{Value: v}
		case questionnaire.Choice:
			c := s.Choice[it.ID]
			if len(c) != 2 || c[0] == c[1] {
				return nil, fmt.Errorf("%s v%d: %s needs a first and a different second choice, has %v", a.ID, q.Version, it.ID, c)
			}
			for _, id := range c {
				if _, ok := it.Option(id); !ok {
					return nil, fmt.Errorf("%s v%d: %s has no option %q", a.ID, q.Version, it.ID, id)
				}
			}
			out[it.ID] = questionnaire.Answer{Option: c[0]}
		case questionnaire.Experience:
			var ids []string
			switch v := s.Experience[it.ID].(type) {
			case string:
				ids = []string{v}
			case []any:
				for _, x := range v {
					if s, ok := x.(string); ok {
						ids = append(ids, s)
					}
				}
			}
			if len(ids) == 0 && !it.Optional {
				return nil, fmt.Errorf("%s v%d: %s is not answered", a.ID, q.Version, it.ID)
			}
			for _, id := range ids {
				if _, ok := it.Option(id); !ok {
					return nil, fmt.Errorf("%s v%d: %s has no option %q", a.ID, q.Version, it.ID, id)
				}
			}
			if it.Select == questionnaire.SelectOne {
				if len(ids) != 1 {
					return nil, fmt.Errorf("%s v%d: %s takes one option, has %v", a.ID, q.Version, it.ID, ids)
				}
				out[it.ID] = questionnaire.Answer{Option: ids[0]}
			} else if len(ids) > 0 {
				out[it.ID] = questionnaire.Answer{Options: ids}
			}
		}
	}
	return out, nil
}

// second is the archetype's second choice for each scenario of q.
func (a Archetype) second(q *questionnaire.Questionnaire) map[string]string {
	out := map[string]string{}
	for id, c := range a.Answers[Key(q.Version)].Choice {
		if len(c) == 2 {
			out[id] = c[1]
		}
	}
	return out
}
