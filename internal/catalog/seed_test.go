package catalog_test

import (
	"strings"
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
	var order []string
	for _, r := range c.Roles {
		order = append(order, r.Slug)
	}
	want := "pm-assistant project-manager program-manager portfolio-manager pmo-administrator pmo-analyst pmo-manager pmo-director"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("role order = %s\nwant %s", got, want)
	}
	for _, slug := range catalog.RequiredCertifications {
		if _, ok := c.Certification(slug); !ok {
			t.Errorf("certification %q missing", slug)
		}
	}
}
