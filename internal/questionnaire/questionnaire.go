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
}

// Item is one question.
type Item struct {
	ID        string              `yaml:"id" json:"id" validate:"required,itemid"`
	Type      ItemType            `yaml:"type" json:"type" validate:"required,oneof=likert choice experience"`
	Dimension construct.Dimension `yaml:"dimension,omitempty" json:"dimension,omitempty"`
	Reverse   bool                `yaml:"reverse,omitempty" json:"reverse,omitempty"`
	Select    string              `yaml:"select,omitempty" json:"select,omitempty"`
	Optional  bool                `yaml:"optional,omitempty" json:"optional,omitempty"`
	Text      i18n.Text           `yaml:"text" json:"text"`
	Options   []Option            `yaml:"options,omitempty" json:"options,omitempty" validate:"max=20,dive"`
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
