// Package scoringtest holds typical answer sheets for tests: made-up
// people for each catalog role, described by what the domain brief says
// such people are good at (not by the role profiles in seed/), answering a
// questionnaire the way they would.
package scoringtest

import (
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// Persona is a made-up person: how strong each dimension is (0 to 1,
// unlisted ones at base) and what they have done so far.
type Persona struct {
	Base       float64
	Traits     map[construct.Dimension]float64
	Experience map[string][]string
}

// Level is how strong the persona is on d, 0 to 1.
func (p Persona) Level(d construct.Dimension) float64 {
	if v, ok := p.Traits[d]; ok {
		return v
	}
	return p.Base
}

// Sheet answers q as the persona would: Likert items by their trait level
// (reversed where keyed so), choice items by the option whose points best
// match their strongest traits, experience items as given.
func (p Persona) Sheet(q *questionnaire.Questionnaire) questionnaire.Answers {
	a := questionnaire.Answers{}
	for _, it := range q.Items {
		switch it.Type {
		case questionnaire.Likert:
			v := 1 + int(p.Level(it.Dimension)*4+0.5)
			if it.Reverse {
				v = 6 - v
			}
			a[it.ID] = questionnaire.Answer{Value: v}
		case questionnaire.Choice:
			best, bestScore := "", -1.0
			for _, o := range it.Options {
				s := 0.0
				for d, pts := range o.Scores {
					s += p.Level(d) * float64(pts)
				}
				if s > bestScore {
					best, bestScore = o.ID, s
				}
			}
			a[it.ID] = questionnaire.Answer{Option: best}
		case questionnaire.Experience:
			chosen := p.Experience[it.ID]
			if len(chosen) == 0 {
				chosen = []string{it.Options[0].ID}
			}
			if it.Select == questionnaire.SelectOne {
				a[it.ID] = questionnaire.Answer{Option: chosen[0]}
			} else {
				a[it.ID] = questionnaire.Answer{Options: chosen}
			}
		}
	}
	return a
}

// Typical is a persona with what its result must show: Lean, when set, is
// the lean it must have; Track, when set, is the track whose opposite lean
// it must not have.
type Typical struct {
	Persona Persona
	Lean    construct.Lean
	Track   construct.Track
}

// Personas are typical people for each role, described by what the domain
// brief says such people are good at, not by the role profiles in seed/.
//
// lean is the lean a person like this must show; when empty, not the
// opposite track's (track "pm" forbids lean pmo and vice versa); no
// constraint when track is empty too. Some roles cross the construct's
// lean lines by nature: a PMO manager's leadership and planning and a PMO
// director's strategy and decision making are PM-leaning dimensions, and a
// PM assistant's tracking and documentation are PMO-leaning ones.
var Personas = map[string]Typical{
	"pmo-administrator": {Persona{Base: 0.3, Traits: map[construct.Dimension]float64{
		"accuracy": 1, "documentation": 0.95, "organizing": 0.9, "support": 0.95, "process": 0.8,
		"communication": 0.55, "it_literacy": 0.5, "decision_making": 0.15, "negotiation": 0.15, "leadership": 0.15, "strategy": 0.15,
	}, Experience: map[string][]string{"e01": {"y1"}, "e02": {"meetings"}, "e03": {"none"}, "e04": {"none"}}}, "pmo", "pmo"},
	"pmo-analyst": {Persona{Base: 0.35, Traits: map[construct.Dimension]float64{
		"analysis": 1, "organizing": 0.85, "process": 0.85, "it_literacy": 0.9, "communication": 0.7,
		"documentation": 0.65, "accuracy": 0.6, "support": 0.45, "decision_making": 0.3, "leadership": 0.25, "negotiation": 0.3,
	}, Experience: map[string][]string{"e01": {"y5"}, "e02": {"tracking", "design-pmo"}, "e03": {"npmo-pjm-a"}, "e04": {"upto5"}}}, "pmo", "pmo"},
	"pmo-manager": {Persona{Base: 0.4, Traits: map[construct.Dimension]float64{
		"leadership": 0.95, "governance": 0.95, "planning_control": 0.85, "process": 0.85, "communication": 0.8,
		"decision_making": 0.7, "support": 0.6, "organizing": 0.7, "negotiation": 0.55, "strategy": 0.45, "analysis": 0.5, "ownership": 0.5,
	}, Experience: map[string][]string{"e01": {"y10"}, "e02": {"tracking", "design-pmo", "lead-many"}, "e03": {"npmo-pmo-s"}, "e04": {"upto50"}}}, "", "pmo"},
	"pmo-director": {Persona{Base: 0.4, Traits: map[construct.Dimension]float64{
		"strategy": 1, "governance": 1, "decision_making": 0.85, "negotiation": 0.8, "communication": 0.8,
		"leadership": 0.75, "analysis": 0.5, "process": 0.85, "accuracy": 0.35, "documentation": 0.35, "support": 0.3,
	}, Experience: map[string][]string{"e01": {"y10"}, "e02": {"lead-many", "portfolio"}, "e03": {"pmp"}, "e04": {"over50"}}}, "", ""},
	"project-manager": {Persona{Base: 0.35, Traits: map[construct.Dimension]float64{
		"decision_making": 1, "ownership": 1, "negotiation": 0.9, "leadership": 0.9, "planning_control": 0.85,
		"communication": 0.8, "strategy": 0.5, "support": 0.25, "documentation": 0.25, "accuracy": 0.3, "process": 0.3,
	}, Experience: map[string][]string{"e01": {"y5"}, "e02": {"assist-pm", "lead-project"}, "e03": {"pmp"}, "e04": {"upto20"}}}, "pm", "pm"},
	"pm-assistant": {Persona{Base: 0.35, Traits: map[construct.Dimension]float64{
		"planning_control": 0.9, "organizing": 0.85, "documentation": 0.8, "support": 0.85, "communication": 0.75,
		"accuracy": 0.75, "ownership": 0.55, "decision_making": 0.3, "strategy": 0.2, "governance": 0.3, "leadership": 0.3,
	}, Experience: map[string][]string{"e01": {"y3"}, "e02": {"meetings", "tracking"}, "e03": {"ipa-ap"}, "e04": {"none"}}}, "", ""},
	"program-manager": {Persona{Base: 0.4, Traits: map[construct.Dimension]float64{
		"strategy": 0.9, "leadership": 0.95, "negotiation": 0.9, "planning_control": 0.85, "decision_making": 0.85,
		"governance": 0.8, "communication": 0.8, "ownership": 0.7, "support": 0.3, "documentation": 0.3, "accuracy": 0.3,
	}, Experience: map[string][]string{"e01": {"y10"}, "e02": {"lead-project", "lead-many"}, "e03": {"pmp", "ipa-pm"}, "e04": {"upto50"}}}, "pm", "pm"},
	"portfolio-manager": {Persona{Base: 0.4, Traits: map[construct.Dimension]float64{
		"strategy": 1, "decision_making": 0.95, "analysis": 0.85, "governance": 0.85, "negotiation": 0.75,
		"leadership": 0.6, "ownership": 0.6, "support": 0.25, "documentation": 0.3, "accuracy": 0.35, "organizing": 0.4,
	}, Experience: map[string][]string{"e01": {"y10"}, "e02": {"lead-many", "portfolio"}, "e03": {"pmp"}, "e04": {"over50"}}}, "", "pm"},
}
