package scoring_test

import (
	"fmt"
	"testing"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/internal/scoring/scoringtest"
)

// TestPersonas scores each typical person and expects their own role to be
// recommended and the lean to point the right way.
func TestPersonas(t *testing.T) {
	q, c := fixtures(t)
	for role, tt := range scoringtest.Personas {
		t.Run(role, func(t *testing.T) {
			r, err := scoring.Score(scoring.Input{Questionnaire: q, Catalog: c, Answers: tt.Persona.Sheet(q)})
			if err != nil {
				t.Fatal(err)
			}
			if r.RecommendedRole != role {
				t.Errorf("recommended %s, want %s; fits %v", r.RecommendedRole, role, fits(r))
			}
			opposite := map[construct.Track]construct.Lean{construct.TrackPM: scoring.LeanPMO, construct.TrackPMO: scoring.LeanPM}[tt.Track]
			if (tt.Lean != "" && r.Orientation.Lean != tt.Lean) || r.Orientation.Lean == opposite {
				t.Errorf("lean %s (pm %d, pmo %d); want %q, never %s", r.Orientation.Lean, r.Orientation.PM, r.Orientation.PMO, tt.Lean, opposite)
			}
			if len(r.Quality.Flags) != 0 {
				t.Errorf("a considered answer sheet was flagged %v", r.Quality.Flags)
			}
		})
	}
}

func fits(r scoring.Result) []string {
	var out []string
	for _, f := range r.Roles {
		out = append(out, fmt.Sprintf("%s=%d", f.Slug, f.Fit))
	}
	return out
}
