package report

import (
	"time"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/progress"
)

// Roadmap is one role's roadmap with the reader's progress on each step.
type Roadmap struct {
	Role  RoleRef
	Steps []RoadmapStep
}

// RoadmapStep is a step and the reader's status on it; UpdatedAt is nil
// for a step never marked, which is pending.
type RoadmapStep struct {
	Step
	Status    string
	UpdatedAt *time.Time
}

// RoadmapOf words role's roadmap in l with the marks the reader set.
func RoadmapOf(role catalog.Role, marks map[string]progress.Mark, l i18n.Lang) *Roadmap {
	out := &Roadmap{Role: RoleRef{Slug: role.Slug, Name: role.Name.In(l)}, Steps: make([]RoadmapStep, len(role.Roadmap))}
	for i, s := range role.Roadmap {
		out.Steps[i] = RoadmapStep{Step: StepOf(s, l), Status: progress.Pending}
		if m, ok := marks[s.ID]; ok {
			at := m.UpdatedAt
			out.Steps[i].Status, out.Steps[i].UpdatedAt = m.Status, &at
		}
	}
	return out
}
