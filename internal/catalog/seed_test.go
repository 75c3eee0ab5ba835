package catalog_test

import (
	"testing"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/seed"
)

// TestSeedLoads checks the shipped seed files pass every validation rule.
func TestSeedLoads(t *testing.T) {
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	for _, slug := range catalog.RequiredRoles {
		r, ok := c.Role(slug)
		if !ok {
			t.Errorf("role %q missing", slug)
			continue
		}
		if len(r.Salary) == 0 || len(r.Roadmap) == 0 {
			t.Errorf("role %q has no salary or roadmap", slug)
		}
	}
	for _, slug := range catalog.RequiredCertifications {
		if _, ok := c.Certification(slug); !ok {
			t.Errorf("certification %q missing", slug)
		}
	}
}
