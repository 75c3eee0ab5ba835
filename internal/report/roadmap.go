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
	// NextStepID is the first step neither done nor skipped; empty when
	// every step is.
	NextStepID string
}

// RoadmapStep is a step and the reader's status on it; UpdatedAt is nil
// for a step never marked, which is pending.
type RoadmapStep struct {
	Step
	Status    string
	UpdatedAt *time.Time
}

// RoadmapOf words role's roadmap in l with the marks the reader set. When
// only is not nil, the roadmap holds just those steps (a plan's), in
// roadmap order.
func RoadmapOf(role catalog.Role, marks map[string]progress.Mark, l i18n.Lang, only []string) *Roadmap {
	keep := map[string]bool{}
	for _, id := range only {
		keep[id] = true
	}
	out := &Roadmap{Role: RoleRef{Slug: role.Slug, Name: role.Name.In(l)}, Steps: make([]RoadmapStep, 0, len(role.Roadmap))}
	for _, s := range role.Roadmap {
		if only != nil && !keep[s.ID] {
			continue
		}
		step := RoadmapStep{Step: StepOf(s, l), Status: progress.Pending}
		if m, ok := marks[s.ID]; ok {
			at := m.UpdatedAt
			step.Status, step.UpdatedAt = m.Status, &at
		}
		if out.NextStepID == "" && step.Status != progress.Done && step.Status != progress.Skipped {
			out.NextStepID = s.ID
		}
		out.Steps = append(out.Steps, step)
	}
	return out
}
