package report

import (
	"time"

	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/scoring"
)

// Attempt is one submitted attempt of a candidate's history, with how each
// dimension moved since the attempt before.
type Attempt struct {
	AssessmentID         string
	SubmittedAt          *time.Time
	QuestionnaireVersion int
	RecommendedRole      string
	// Fit is the recommended role's fit, 0 when no role was scored.
	Fit         int
	Orientation scoring.Orientation
	Dimensions  []DimensionMove
	Flags       []string
}

// DimensionMove is a dimension's score in one attempt and its change
// since the attempt before; Change is nil when the earlier attempt did
// not score the dimension (or there is none).
type DimensionMove struct {
	Key    construct.Dimension
	Name   string
	Score  int
	Change *int
}

// Attempts words a history of attempts, oldest first, in l. Attempts
// without a result are left out, and changes are counted from the
// attempt shown before.
func Attempts(as []*assessment.Assessment, l i18n.Lang) []Attempt {
	out := make([]Attempt, 0, len(as))
	prev := map[construct.Dimension]int{}
	for _, a := range as {
		r := a.Result
		if r == nil {
			continue
		}
		at := Attempt{
			AssessmentID: a.ID, SubmittedAt: a.SubmittedAt, QuestionnaireVersion: a.QuestionnaireVersion,
			RecommendedRole: r.RecommendedRole, Orientation: r.Orientation, Flags: nonNil(r.Quality.Flags),
		}
		if len(r.Roles) > 0 {
			at.Fit = r.Roles[0].Fit
		}
		next := make(map[construct.Dimension]int, len(r.Dimensions))
		for _, d := range r.Dimensions {
			m := DimensionMove{Key: d.Key, Name: DimensionName(d.Key, l), Score: d.Score}
			if old, ok := prev[d.Key]; ok {
				change := d.Score - old
				m.Change = &change
			}
			next[d.Key] = d.Score
			at.Dimensions = append(at.Dimensions, m)
		}
		prev = next
		out = append(out, at)
	}
	return out
}
