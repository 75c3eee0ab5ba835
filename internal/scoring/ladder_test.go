package scoring

import (
	"testing"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/seed"
)

func TestLadderReadiness(t *testing.T) {
	ev := func(item, option string, stage construct.Stage) Evidence {
		return Evidence{Item: item, Option: option, Stage: stage}
	}
	tests := []struct {
		name     string
		evidence []Evidence
		want     construct.Stage
	}{
		{"ten years of development, no PM duty, led five: years alone raise nothing",
			[]Evidence{ev("e01", "y10", "lead"), ev("e02", "none", "foundation"), ev("e03", "none", "foundation"), ev("e04", "upto5", "practitioner")},
			construct.StageCoordinator},
		{"a new graduate claiming a portfolio and a team of over fifty: the year caps it",
			[]Evidence{ev("e01", "y0", "foundation"), ev("e02", "portfolio", "executive"), ev("e03", "none", "foundation"), ev("e04", "over50", "executive")},
			construct.StageCoordinator},
		{"a large team counts as a manager's experience, not a portfolio",
			[]Evidence{ev("e01", "y10", "lead"), ev("e02", "lead-many", "manager"), ev("e03", "pmp", "lead"), ev("e04", "over50", "executive")},
			construct.StageManager},
		{"portfolio work backed by a large team and a PMP is executive",
			[]Evidence{ev("e01", "y10", "lead"), ev("e02", "lead-many", "manager"), ev("e02", "portfolio", "executive"), ev("e03", "pmp", "lead"), ev("e04", "over50", "executive")},
			construct.StageExecutive},
		{"a PM assistant of three years",
			[]Evidence{ev("e01", "y3", "coordinator"), ev("e02", "meetings", "coordinator"), ev("e02", "tracking", "practitioner"), ev("e02", "assist-pm", "practitioner"), ev("e03", "none", "foundation"), ev("e04", "upto5", "practitioner")},
			construct.StagePractitioner},
		{"one claim alone does not jump the ladder",
			[]Evidence{ev("e01", "y5", "practitioner"), ev("e02", "lead-project", "lead"), ev("e03", "none", "foundation"), ev("e04", "none", "foundation")},
			construct.StageCoordinator},
		{"nothing answered", nil, construct.StageFoundation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ladderReadiness(tt.evidence); got != tt.want {
				t.Errorf("ladderReadiness = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRoleForNow(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		stage  construct.Stage
		want   string
	}{
		{"project-manager", construct.StagePractitioner, "pm-assistant"}, // PM assistant before PM
		{"project-manager", construct.StageCoordinator, "pm-assistant"},  // the track's entry role
		{"project-manager", construct.StageLead, "project-manager"},
		{"pmo-director", construct.StageFoundation, "pmo-administrator"}, // a junior with a director's aptitude
		{"pmo-director", construct.StageManager, "pmo-manager"},
		{"pmo-director", construct.StageExecutive, "pmo-director"},
		{"portfolio-manager", construct.StageLead, "project-manager"},
		{"pmo-administrator", construct.StageExecutive, "pmo-administrator"},
	}
	for _, tt := range tests {
		target, ok := c.Role(tt.target)
		if !ok {
			t.Fatalf("no role %s", tt.target)
		}
		if got := roleForNow(c, target, tt.stage); got != tt.want {
			t.Errorf("roleForNow(%s, %s) = %s, want %s", tt.target, tt.stage, got, tt.want)
		}
	}
}
