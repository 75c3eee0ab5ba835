package report

import (
	"time"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// Questionnaire is what a listing shows of a questionnaire version.
type Questionnaire struct {
	Slug        string
	Version     int
	Title       string
	Description string
	Minutes     int
	Items       int
}

// Form is the public form of a questionnaire: what to ask and how to
// answer, never how answers are scored (no dimensions, reverse keys,
// points or stages).
type Form struct {
	Questionnaire
	Scale []string
	Items []Item
}

// Item is one question of a form.
type Item struct {
	ID       string
	Type     string
	Select   string
	Required bool
	Text     string
	Options  []Option
}

// Option is one answer a choice offers. Exclusive marks "none of these":
// the form clears the other choices. It is not a scoring key; the server
// enforces it on submit anyway.
type Option struct {
	ID        string
	Text      string
	Exclusive bool
}

// QuestionnaireOf words q's summary in l.
func QuestionnaireOf(q *questionnaire.Questionnaire, l i18n.Lang) Questionnaire {
	return Questionnaire{
		Slug: q.Slug, Version: q.Version, Title: q.Title.In(l), Description: q.Description.In(l),
		Minutes: q.Minutes, Items: len(q.Items),
	}
}

// Questionnaires words each of qs in l.
func Questionnaires(qs []*questionnaire.Questionnaire, l i18n.Lang) []Questionnaire {
	out := make([]Questionnaire, len(qs))
	for i, q := range qs {
		out[i] = QuestionnaireOf(q, l)
	}
	return out
}

// FormOf words q's form in l.
func FormOf(q *questionnaire.Questionnaire, l i18n.Lang) Form {
	out := Form{Questionnaire: QuestionnaireOf(q, l), Scale: make([]string, len(q.Scale)), Items: make([]Item, len(q.Items))}
	for i, s := range q.Scale {
		out.Scale[i] = s.In(l)
	}
	for i, it := range q.Items {
		item := Item{ID: it.ID, Type: string(it.Type), Select: it.Select, Required: it.Required(), Text: it.Text.In(l)}
		for _, o := range it.Options {
			item.Options = append(item.Options, Option{ID: o.ID, Text: o.Text.In(l), Exclusive: o.Exclusive})
		}
		out.Items[i] = item
	}
	return out
}

// Assessment is an assessment as its taker sees it.
type Assessment struct {
	ID                   string
	Questionnaire        string
	QuestionnaireVersion int
	Status               assessment.Status
	Answers              questionnaire.Answers
	Progress             Progress
	CreatedAt            time.Time
	UpdatedAt            time.Time
	SubmittedAt          *time.Time
	// Result is nil until the assessment is submitted.
	Result *Result
	// OptionOrder is the order, for this assessment, in which each
	// scenario's options are shown; nil when the version does not shuffle.
	OptionOrder map[string][]string
}

// Progress is how far a draft has come.
type Progress struct {
	Answered int
	Required int
	// Missing are the required items not yet answered, in form order.
	Missing []string
}

// AssessmentOf words a in l, for the version q it was taken on and the
// catalog c.
func AssessmentOf(a *assessment.Assessment, q *questionnaire.Questionnaire, c *catalog.Catalog, l i18n.Lang) *Assessment {
	out := &Assessment{
		ID: a.ID, Questionnaire: a.Questionnaire, QuestionnaireVersion: a.QuestionnaireVersion,
		Status: a.Status, Answers: a.Answers,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, SubmittedAt: a.SubmittedAt,
		Progress:    Progress{Answered: len(a.Answers), Missing: []string{}},
		OptionOrder: q.OptionOrder(a.ID),
	}
	for _, it := range q.Items {
		if it.Required() {
			out.Progress.Required++
			if _, ok := a.Answers[it.ID]; !ok {
				out.Progress.Missing = append(out.Progress.Missing, it.ID)
			}
		}
	}
	if a.Result != nil {
		out.Result = ResultOf(a.Result, a.Answers, q, c, l)
	}
	return out
}
