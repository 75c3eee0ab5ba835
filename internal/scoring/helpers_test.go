package scoring_test

import (
	"testing"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/seed"
)

// fixtures loads the shipped questionnaire and catalog.
func fixtures(t testing.TB) (*questionnaire.Questionnaire, *catalog.Catalog) {
	t.Helper()
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		t.Fatalf("questionnaires: %v", err)
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("catalog: %v", err)
	}
	for _, q := range qs {
		if q.Slug == "pm-pmo-fit" && q.Version == 1 {
			return q, c
		}
	}
	t.Fatal("pm-pmo-fit v1 not found")
	return nil, nil
}
