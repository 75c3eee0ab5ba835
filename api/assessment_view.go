package api

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

type questionnaireSummaryJSON struct {
	Slug        string `json:"slug"`
	Version     int    `json:"version"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Minutes     int    `json:"minutes"`
	Items       int    `json:"items"`
}

func questionnaireSummaryOf(q *questionnaire.Questionnaire, l i18n.Lang) questionnaireSummaryJSON {
	return questionnaireSummaryJSON{
		Slug: q.Slug, Version: q.Version, Title: q.Title.In(l), Description: q.Description.In(l),
		Minutes: q.Minutes, Items: len(q.Items),
	}
}

// The public form of a questionnaire: what to ask and how to answer, never
// how answers are scored (no dimensions, reverse keys, points or stages).
type questionnaireFormJSON struct {
	questionnaireSummaryJSON
	Scale     []string   `json:"scale"`
	FormItems []itemJSON `json:"items"`
}

type itemJSON struct {
	ID       string       `json:"id"`
	Type     string       `json:"type"`
	Select   string       `json:"select,omitempty"`
	Required bool         `json:"required"`
	Text     string       `json:"text"`
	Options  []optionJSON `json:"options,omitempty"`
}

type optionJSON struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Exclusive marks "none of these": the form clears the other choices.
	// It is not a scoring key; the server enforces it on submit anyway.
	Exclusive bool `json:"exclusive,omitempty"`
}

func questionnaireFormOf(q *questionnaire.Questionnaire, l i18n.Lang) questionnaireFormJSON {
	out := questionnaireFormJSON{
		questionnaireSummaryJSON: questionnaireSummaryOf(q, l),
		Scale:                    make([]string, len(q.Scale)),
		FormItems:                make([]itemJSON, len(q.Items)),
	}
	for i, s := range q.Scale {
		out.Scale[i] = s.In(l)
	}
	for i, it := range q.Items {
		item := itemJSON{ID: it.ID, Type: string(it.Type), Select: it.Select, Required: it.Required(), Text: it.Text.In(l)}
		for _, o := range it.Options {
			item.Options = append(item.Options, optionJSON{ID: o.ID, Text: o.Text.In(l), Exclusive: o.Exclusive})
		}
		out.FormItems[i] = item
	}
	return out
}

type assessmentJSON struct {
	ID            string                `json:"id"`
	Questionnaire questionnaireRefJSON  `json:"questionnaire"`
	Status        string                `json:"status"`
	Answers       questionnaire.Answers `json:"answers"`
	Progress      progressJSON          `json:"progress"`
	CreatedAt     time.Time             `json:"created_at"`
	UpdatedAt     time.Time             `json:"updated_at"`
	SubmittedAt   *time.Time            `json:"submitted_at"`
	Token         string                `json:"token,omitempty"`
	Result        *resultJSON           `json:"result"`
}

type questionnaireRefJSON struct {
	Slug    string `json:"slug"`
	Version int    `json:"version"`
}

type progressJSON struct {
	Answered int      `json:"answered"`
	Required int      `json:"required"`
	Missing  []string `json:"missing"`
}

type resultJSON struct {
	QuestionnaireVersion int                 `json:"questionnaire_version"`
	ScoringVersion       string              `json:"scoring_version"`
	Orientation          scoring.Orientation `json:"orientation"`
	Dimensions           []dimensionJSON     `json:"dimensions"`
	Roles                []roleFitJSON       `json:"roles"`
	RecommendedRole      string              `json:"recommended_role"`
	Readiness            readinessJSON       `json:"readiness"`
	Quality              scoring.Quality     `json:"quality"`
	Plan                 planJSON            `json:"plan"`
}

type dimensionJSON struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Lean  string `json:"lean"`
	Score int    `json:"score"`
}

type roleFitJSON struct {
	Slug    string           `json:"slug"`
	Name    string           `json:"name"`
	Track   string           `json:"track"`
	Fit     int              `json:"fit"`
	Why     []string         `json:"why"`
	Reasons []scoring.Reason `json:"reasons"`
}

type readinessJSON struct {
	Level              string   `json:"level"`
	LevelName          string   `json:"level_name"`
	NextStep           string   `json:"next_step"`
	NextStepID         string   `json:"next_step_id"`
	HeldCertifications []string `json:"held_certifications"`
}

type gapJSON struct {
	Dimension string `json:"dimension"`
	Name      string `json:"name"`
	Score     int    `json:"score"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
}

type roleSalaryJSON struct {
	Role   string       `json:"role"`
	Name   string       `json:"name"`
	Ranges []salaryJSON `json:"ranges"`
}

type planJSON struct {
	TargetRole     string            `json:"target_role"`
	TargetRoleName string            `json:"target_role_name"`
	Gaps           []gapJSON         `json:"gaps"`
	Steps          []stepJSON        `json:"steps"`
	Certifications []certSummaryJSON `json:"certifications"`
	Salary         struct {
		Target   roleSalaryJSON  `json:"target"`
		NextStep *roleSalaryJSON `json:"next_step"`
	} `json:"salary"`
}

func assessmentOf(a *assessment.Assessment, q *questionnaire.Questionnaire, snap *catalog.Snapshot, l i18n.Lang) *assessmentJSON {
	out := &assessmentJSON{
		ID: a.ID, Questionnaire: questionnaireRefJSON{a.Questionnaire, a.QuestionnaireVersion},
		Status: string(a.Status), Answers: a.Answers,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, SubmittedAt: a.SubmittedAt,
		Progress: progressJSON{Answered: len(a.Answers), Missing: []string{}},
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
		out.Result = resultOf(a.Result, a.Answers, q, snap.Catalog, l)
	}
	return out
}

func dimName(d construct.Dimension, l i18n.Lang) string {
	if info, ok := construct.LookupDimension(d); ok {
		return info.Name.In(l)
	}
	return string(d)
}

func resultOf(r *scoring.Result, answers questionnaire.Answers, q *questionnaire.Questionnaire, c *catalog.Catalog, l i18n.Lang) *resultJSON {
	out := &resultJSON{
		QuestionnaireVersion: r.QuestionnaireVersion, ScoringVersion: r.ScoringVersion,
		Orientation: r.Orientation, RecommendedRole: r.RecommendedRole, Quality: r.Quality,
		Dimensions: make([]dimensionJSON, len(r.Dimensions)), Roles: make([]roleFitJSON, 0, len(r.Roles)),
	}
	for i, d := range r.Dimensions {
		info, _ := construct.LookupDimension(d.Key)
		out.Dimensions[i] = dimensionJSON{Key: string(d.Key), Name: info.Name.In(l), Lean: string(info.Lean), Score: d.Score}
	}
	for _, rf := range r.Roles {
		role, _ := c.Role(rf.Slug)
		why := make([]string, len(rf.Reasons))
		for i, reason := range rf.Reasons {
			why[i] = explain(reason, answers, q, l)
		}
		out.Roles = append(out.Roles, roleFitJSON{Slug: rf.Slug, Name: role.Name.In(l), Track: string(role.Track), Fit: rf.Fit, Why: why, Reasons: rf.Reasons})
	}

	target, _ := c.Role(r.Plan.TargetRole)
	steps := map[string]catalog.Step{}
	for _, s := range target.Roadmap {
		steps[s.ID] = s
	}
	out.Readiness = readinessJSON{
		Level: string(r.Readiness.Stage), LevelName: stageOf(r.Readiness.Stage, l).Name,
		NextStepID: r.Readiness.NextStep, NextStep: steps[r.Readiness.NextStep].Title.In(l),
		HeldCertifications: nonNil(r.Readiness.HeldCertifications),
	}

	p := &out.Plan
	p.TargetRole, p.TargetRoleName = target.Slug, target.Name.In(l)
	p.Gaps = make([]gapJSON, len(r.Plan.Gaps))
	for i, g := range r.Plan.Gaps {
		p.Gaps[i] = gapJSON{Dimension: string(g.Dimension), Name: dimName(g.Dimension, l), Score: g.Score, Target: g.Target, Gap: g.Gap}
	}
	p.Steps = []stepJSON{}
	for _, id := range r.Plan.Steps {
		if s, ok := steps[id]; ok {
			p.Steps = append(p.Steps, stepOf(s, l))
		}
	}
	p.Certifications = []certSummaryJSON{}
	for _, slug := range r.Plan.Certifications {
		if cert, ok := c.Certification(slug); ok {
			p.Certifications = append(p.Certifications, certSummaryOf(cert, l))
		}
	}
	p.Salary.Target = roleSalaryJSON{Role: target.Slug, Name: target.Name.In(l), Ranges: salariesOf(target.Salary, l)}
	if next, ok := c.Role(r.Plan.NextRole); ok {
		p.Salary.NextStep = &roleSalaryJSON{Role: next.Slug, Name: next.Name.In(l), Ranges: salariesOf(next.Salary, l)}
	}
	return out
}

// explainText holds a language's sentences for explain, each as the
// parts between its blanks (see fill).
type explainText struct {
	strength, gap   [4]string // blanks: dimension, score, weight
	chose, answered [2]string // blank: the quoted choice or statement
}

func explainTextIn(l i18n.Lang) explainText {
	if l == i18n.EN {
		return explainText{
			strength: [4]string{"Your ", " score of ", " is a strength this role relies on (weight ", " of 5)."},
			gap:      [4]string{"Your ", " score of ", " is below what this role asks for (weight ", " of 5)."},
			chose:    [2]string{" It shows most in your choice “", "”."},
			answered: [2]string{" It shows most in your answer to “", "”."},
		}
	}
	return explainText{
		strength: [4]string{"「", "」が", "点と高く、この役割で重視される力（重要度 ", "/5）に合っています。"},
		gap:      [4]string{"「", "」が", "点で、この役割が求める水準（重要度 ", "/5）を下回っています。"},
		chose:    [2]string{"特に「", "」を選んだことに表れています。"},
		answered: [2]string{"特に「", "」への回答に表れています。"},
	}
}

// explain turns a reason into a sentence, quoting the answer that drove it.
// Every result explains a score of reasons, so the sentence is joined from
// its parts in one allocation rather than formatted.
func explain(r scoring.Reason, answers questionnaire.Answers, q *questionnaire.Questionnaire, l i18n.Lang) string {
	t := explainTextIn(l)
	sentence := t.gap
	if r.Kind == scoring.ReasonStrength {
		sentence = t.strength
	}
	args := [3]string{dimName(r.Dimension, l), strconv.Itoa(r.Score), strconv.Itoa(r.Weight)}
	var quote [1]string
	var tail []string
	if len(r.Items) > 0 {
		var chose bool
		if quote[0], chose = answerText(r.Items[0], answers, q, l); quote[0] != "" {
			tail = t.answered[:]
			if chose {
				tail = t.chose[:]
			}
		}
	}
	var b strings.Builder
	b.Grow(filled(sentence[:], args[:]) + filled(tail, quote[:]))
	fill(&b, sentence[:], args[:])
	fill(&b, tail, quote[:])
	return b.String()
}

// fill writes parts with the blanks between them filled by args in turn:
// parts[0], args[0], parts[1], args[1], … and the last part. No parts
// write nothing.
func fill(b *strings.Builder, parts, args []string) {
	for i, s := range parts {
		b.WriteString(s)
		if i < len(args) && i < len(parts)-1 {
			b.WriteString(args[i])
		}
	}
}

// filled is the length of what fill writes.
func filled(parts, args []string) int {
	n := 0
	for i, s := range parts {
		n += len(s)
		if i < len(args) && i < len(parts)-1 {
			n += len(args[i])
		}
	}
	return n
}

// answerText is what the person answered to an item, shortened: the
// statement of a Likert item, or the option they chose (chose is true).
func answerText(id string, answers questionnaire.Answers, q *questionnaire.Questionnaire, l i18n.Lang) (text string, chose bool) {
	it, ok := q.Item(id)
	if !ok {
		return "", false
	}
	if it.Type == questionnaire.Choice {
		if o, ok := it.Option(answers[id].Option); ok {
			return shorten(o.Text.In(l), 48), true
		}
	}
	return shorten(it.Text.In(l), 48), false
}

func shorten(s string, runes int) string {
	if utf8.RuneCountInString(s) <= runes {
		return s
	}
	// Cut s where its runes-1st rune ends, without copying it into runes
	// (every result quotes several items). Invalid UTF-8 takes the copy,
	// which turns it into U+FFFD as before.
	n := 0
	for i, r := range s {
		if r == utf8.RuneError {
			break
		}
		if n == runes-1 {
			return s[:i] + "…"
		}
		n++
	}
	r := []rune(s)
	return string(r[:runes-1]) + "…"
}
