// Package questionnaire defines quiz definitions — Likert statements,
// situational-judgement choices and experience questions — and loads and
// validates them from files. A published version never changes; a change
// is a new version.
package questionnaire

import (
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
)

// ItemType is the kind of question.
type ItemType string

// The item types.
const (
	// Likert items are answered 1..5 and measure one dimension.
	Likert ItemType = "likert"
	// Choice items are situational-judgement questions answered with one
	// option; each option scores the dimensions it shows.
	Choice ItemType = "choice"
	// Experience items ask what a person has done; they feed readiness,
	// not aptitude.
	Experience ItemType = "experience"
)

// Select says how many options an experience item takes.
const (
	SelectOne  = "one"
	SelectMany = "many"
)

// LikertMin and LikertMax bound Likert answers.
const (
	LikertMin = 1
	LikertMax = 5
)

// Questionnaire is one published version of a quiz.
type Questionnaire struct {
	Slug        string      `yaml:"slug" json:"slug" validate:"required,slug"`
	Version     int         `yaml:"version" json:"version" validate:"min=1"`
	Title       i18n.Text   `yaml:"title" json:"title"`
	Description i18n.Text   `yaml:"description" json:"description"`
	Minutes     int         `yaml:"minutes" json:"minutes" validate:"min=1,max=120"`
	Scale       []i18n.Text `yaml:"scale" json:"scale" validate:"len=5,dive"`
	Items       []Item      `yaml:"items" json:"items" validate:"min=1,max=500,dive"`
	// ShuffleOptions shows each choice item's options in an order of the
	// assessment's own (OptionOrder), so no position carries meaning.
	ShuffleOptions bool `yaml:"shuffle_options,omitempty" json:"shuffle_options,omitempty"`
	// Scales group facets (the dimensions items measure) into the broader
	// scales that role fit, confidence and orientation are computed on. A
	// version without scales is scored by the first model (per-dimension
	// weights from the catalog).
	Scales []Scale `yaml:"scales,omitempty" json:"scales,omitempty" validate:"max=20,dive"`
	// Orientation names the scales whose scores make up the PM and PMO
	// sides of the lean; only with Scales.
	Orientation *OrientationDef `yaml:"orientation,omitempty" json:"orientation,omitempty"`
	// Profiles are the roles' targets on the scales; only with Scales.
	Profiles []Profile `yaml:"profiles,omitempty" json:"profiles,omitempty" validate:"max=50,dive"`
}

// Scale is a group of facets scored together.
type Scale struct {
	Key    string                `yaml:"key" json:"key" validate:"required,itemid"`
	Name   i18n.Text             `yaml:"name" json:"name"`
	Facets []construct.Dimension `yaml:"facets" json:"facets" validate:"min=1,max=20"`
	// Shared marks a scale of skills every role needs (communication, IT
	// literacy): scored and shown, but no part of role fit or the lean,
	// and profiles give it no target.
	Shared bool `yaml:"shared,omitempty" json:"shared,omitempty"`
}

// OrientationDef says which scales stand for each side of the PM/PMO lean.
type OrientationDef struct {
	PM  []string `yaml:"pm" json:"pm" validate:"min=1"`
	PMO []string `yaml:"pmo" json:"pmo" validate:"min=1"`
}

// Profile is where a role sits on every scale: the score, 0-100, a person
// made for the role would get. Rationale traces it to the domain brief.
type Profile struct {
	Role      string         `yaml:"role" json:"role" validate:"required,slug"`
	Rationale string         `yaml:"rationale" json:"rationale" validate:"required"`
	Targets   map[string]int `yaml:"targets" json:"targets"`
}

// Scored reports whether the version uses scales and role profiles.
func (q *Questionnaire) Scored() bool { return len(q.Scales) > 0 }

// ScaleOf returns the index of the scale that holds facet d, or -1.
func (q *Questionnaire) ScaleOf(d construct.Dimension) int {
	for i, s := range q.Scales {
		for _, f := range s.Facets {
			if f == d {
				return i
			}
		}
	}
	return -1
}

// Measured lists the dimensions some item of q measures, in the
// construct's display order.
func (q *Questionnaire) Measured() []construct.Dimension {
	seen := map[construct.Dimension]bool{}
	for _, it := range q.Items {
		switch it.Type {
		case Likert:
			seen[it.Dimension] = true
		case Choice:
			for _, o := range it.Options {
				for d := range o.Scores {
					seen[d] = true
				}
			}
		}
	}
	out := make([]construct.Dimension, 0, len(seen))
	for _, d := range construct.Dimensions {
		if seen[d.Key] {
			out = append(out, d.Key)
		}
	}
	return out
}

// Item is one question.
type Item struct {
	ID        string              `yaml:"id" json:"id" validate:"required,itemid"`
	Type      ItemType            `yaml:"type" json:"type" validate:"required,oneof=likert choice experience"`
	Dimension construct.Dimension `yaml:"dimension,omitempty" json:"dimension,omitempty"`
	Reverse   bool                `yaml:"reverse,omitempty" json:"reverse,omitempty"`
	Select    string              `yaml:"select,omitempty" json:"select,omitempty"`
	Optional  bool                `yaml:"optional,omitempty" json:"optional,omitempty"`
	// Pair joins a Likert item to its antonym: the same behaviour stated
	// from the other side, with the opposite key. Consistency between the
	// two is a check on careless answering.
	Pair    string    `yaml:"pair,omitempty" json:"pair,omitempty" validate:"omitempty,itemid"`
	Text    i18n.Text `yaml:"text" json:"text"`
	Options []Option  `yaml:"options,omitempty" json:"options,omitempty" validate:"max=20,dive"`
}

// Option is one answer of a choice or experience item.
type Option struct {
	ID            string                      `yaml:"id" json:"id" validate:"required,itemid"`
	Text          i18n.Text                   `yaml:"text" json:"text"`
	Scores        map[construct.Dimension]int `yaml:"scores,omitempty" json:"scores,omitempty"`
	Stage         construct.Stage             `yaml:"stage,omitempty" json:"stage,omitempty"`
	Certification string                      `yaml:"certification,omitempty" json:"certification,omitempty"`
	// Exclusive marks an option such as "none of these" that a
	// multi-select answer cannot combine with others.
	Exclusive bool `yaml:"exclusive,omitempty" json:"exclusive,omitempty"`
}

// Item returns the item with id.
func (q *Questionnaire) Item(id string) (*Item, bool) {
	for i := range q.Items {
		if q.Items[i].ID == id {
			return &q.Items[i], true
		}
	}
	return nil, false
}

// Option returns the option with id.
func (it *Item) Option(id string) (*Option, bool) {
	for i := range it.Options {
		if it.Options[i].ID == id {
			return &it.Options[i], true
		}
	}
	return nil, false
}

// Required reports whether submitting needs an answer to it.
func (it *Item) Required() bool { return !it.Optional }
